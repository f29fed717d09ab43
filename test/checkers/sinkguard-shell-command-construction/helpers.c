// Commands assembled in helper functions, through out-parameters and return
// values, are reported at the shell call with the helper's steps as notes.
// RUN: %check_sinkguard %s sinkguard-shell-command-construction %t

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void build_ping(char *out, size_t n, const char *host) {
  snprintf(out, n, "ping -c 1 %s", host);
}

static void build_fixed(char *out, size_t n, int count) {
  snprintf(out, n, "ping -c %d localhost", count);
}

static char *join(const char *a, const char *b) {
  static char buf[256];
  strcpy(buf, a);
  strcat(buf, " ");
  strcat(buf, b);
  return buf;
}

void via_out_parameter(const char *host) {
  char cmd[128];
  build_ping(cmd, sizeof cmd, host);
  system(cmd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: shell command passed to 'system' is assembled from non-constant data ('host'){{.*}}
  // CHECK-MESSAGES: :10:3: note: 'snprintf' formats 'host' into the command
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: 'build_ping' writes 'host' into the command
}

void via_return_value(const char *dir) {
  system(join("ls", dir));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: shell command passed to 'system' is assembled from non-constant data ('dir'){{.*}}
  // CHECK-MESSAGES: :[[@LINE-2]]:10: note: 'join' writes 'dir' into the command
}

void via_return_value_stored(void) {
  const char *cmd = join("cat", getenv("FILE"));
  popen(cmd, "r");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: shell command passed to 'popen' is assembled from non-constant data ('getenv("FILE")'){{.*}}
}

void across_branches(int which, const char *arg) {
  char cmd[128];
  if (which)
    build_ping(cmd, sizeof cmd, arg);
  else
    strcpy(cmd, "true");
  system(cmd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: shell command passed to 'system' is assembled from non-constant data ('arg'){{.*}}
}

// --- Clean ---

void helper_with_constants(void) {
  char cmd[128];
  build_ping(cmd, sizeof cmd, "localhost");
  system(cmd);
  system(join("ls", "-l"));
}

void helper_formats_only_a_number(int count) {
  char cmd[128];
  build_fixed(cmd, sizeof cmd, count);
  system(cmd);
}
