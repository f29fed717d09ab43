// RUN: %check_sinkguard %s sinkguard-shell-command-construction %t

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void ping_host(const char *host) {
  char cmd[256];
  snprintf(cmd, sizeof cmd, "ping -c 1 %s", host);
  system(cmd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: shell command passed to 'system' is assembled from non-constant data ('host'); run the program with an argument vector (execv, posix_spawn) instead of a shell [sinkguard-shell-command-construction]
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'snprintf' formats 'host' into the command
}

void remove_file(const char *path) {
  char cmd[512];
  strcpy(cmd, "rm -f ");
  strcat(cmd, path);
  system(cmd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: shell command passed to 'system' is assembled from non-constant data ('path'){{.*}}
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'strcat' appends 'path' into the command
}

void show(const char *user, const char *file) {
  char cmd[512];
  sprintf(cmd, "grep %s %s", user, file);
  FILE *p = popen(cmd, "r");
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: shell command passed to 'popen' is assembled from non-constant data ('user', 'file'){{.*}}
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'sprintf' formats 'user', 'file' into the command
  pclose(p);
}

void copy_then_append(const char *prog) {
  char cmd[128];
  strcpy(cmd, prog);
  strcat(cmd, " --version");
  system(cmd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: shell command passed to 'system' is assembled from non-constant data ('prog'){{.*}}
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: 'strcpy' copies 'prog' into the command
}

void from_stdin(void) {
  char name[64];
  char cmd[128];
  fgets(name, sizeof name, stdin);
  snprintf(cmd, sizeof cmd, "id %s", name);
  system(cmd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: shell command passed to 'system' is assembled from non-constant data ('name'){{.*}}
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'snprintf' formats 'name' into the command
}

void non_literal_format(const char *fmt) {
  char cmd[128];
  sprintf(cmd, fmt, 1);
  system(cmd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: shell command passed to 'system' is assembled from non-constant data ('fmt'){{.*}}
}

void both_branches(int verbose, const char *dir) {
  char cmd[256];
  if (verbose)
    snprintf(cmd, sizeof cmd, "ls -l %s", dir);
  else
    snprintf(cmd, sizeof cmd, "ls");
  system(cmd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: shell command passed to 'system' is assembled from non-constant data ('dir'){{.*}}
}

void char_conversion(char c) {
  char cmd[16];
  sprintf(cmd, "echo %c", c);
  system(cmd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: shell command passed to 'system' is assembled from non-constant data ('c'){{.*}}
}

// --- Clean: nothing below may be reported. ---

void literal(void) {
  system("uptime");
  system(NULL);
  system(0);
  FILE *p = popen("ls /tmp", "r");
  pclose(p);
}

static const char kCommand[] = "df -h";
#define CLEANUP "rm -rf /tmp/cache"

void constants(void) {
  char cmd[64];
  strcpy(cmd, kCommand);
  system(cmd);
  system(CLEANUP);
  const char *fixed = "whoami";
  system(fixed);
}

void integers_only(int count, unsigned port, double secs) {
  char cmd[128];
  snprintf(cmd, sizeof cmd, "ping -c %d -p %u -W %f localhost", count, port,
           secs);
  system(cmd);
}

void built_from_literals(void) {
  char cmd[128];
  strcpy(cmd, "ls ");
  strcat(cmd, "-l ");
  strcat(cmd, "/var/log");
  system(cmd);
}

void assembled_after_the_sink(const char *dir) {
  char cmd[128] = "ls";
  system(cmd);
  strcat(cmd, dir);
}

void passed_through(const char *cmd) {
  // Not assembled here: the taint check decides whether it is dangerous.
  system(cmd);
}

void other_buffer(const char *dir) {
  char cmd[64] = "ls";
  char log[128];
  snprintf(log, sizeof log, "listing %s", dir);
  puts(log);
  system(cmd);
}
