// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct request {
  char host[64];
  char path[128];
  int port;
};

void through_copies(void) {
  char in[64], a[64], b[128];
  fgets(in, sizeof in, stdin);
  strcpy(a, in);
  snprintf(b, sizeof b, "ping %s", a);
  system(b);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'fgets' at line 15
  // CHECK-MESSAGES: :[[@LINE-5]]:3: note: 'fgets' reads untrusted data into 'in'
  // CHECK-MESSAGES: :[[@LINE-5]]:3: note: 'strcpy' copies it into 'a'
  // CHECK-MESSAGES: :[[@LINE-5]]:3: note: 'snprintf' formats it into 'b'
}

void through_concatenation(void) {
  char cmd[256] = "grep -r ";
  strcat(cmd, getenv("PATTERN"));
  system(cmd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'getenv' at line 27
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'strcat' appends it to 'cmd'
}

void through_struct_field(FILE *f) {
  struct request r;
  fgets(r.host, sizeof r.host, f);
  char cmd[128];
  snprintf(cmd, sizeof cmd, "nslookup %s", r.host);
  system(cmd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'fgets' at line 35
  // CHECK-MESSAGES: :[[@LINE-5]]:3: note: 'fgets' reads untrusted data into 'r.host'
}

void other_field_is_clean(FILE *f) {
  struct request r;
  strcpy(r.path, "/usr/bin/uptime");
  fgets(r.host, sizeof r.host, f);
  system(r.path);
}

void whole_struct_read(FILE *f) {
  struct request r;
  fread(&r, sizeof r, 1, f);
  system(r.path);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'fread' at line 52
}

void struct_copy(FILE *f) {
  struct request r, copy;
  fgets(r.host, sizeof r.host, f);
  copy = r;
  system(copy.host);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'fgets' at line 59
}

void through_pointer_alias(void) {
  char buf[64];
  char *p = buf;
  fgets(p, 64, stdin);
  system(buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'fgets' at line 68
}

void through_pointer_into_buffer(void) {
  char buf[64] = "echo ";
  fgets(buf + 5, 59, stdin);
  system(buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'fgets' at line 75
}

void through_array_of_strings(char **argv_like) {
  char *args[4];
  args[0] = getenv("TOOL");
  system(args[0]);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'getenv' at line 82
}

void through_strdup_and_strtok(void) {
  char line[128];
  fgets(line, sizeof line, stdin);
  char *copy = strdup(line);
  char *first = strtok(copy, " ");
  system(first);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'fgets' at line 89
}

void through_ternary(int verbose) {
  const char *cmd = verbose ? getenv("VERBOSE_CMD") : "true";
  system(cmd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'getenv' at line 97
}

void through_memcpy(void) {
  char in[32], out[32];
  fgets(in, sizeof in, stdin);
  memcpy(out, in, sizeof out);
  system(out);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'fgets' at line 104
}

void through_loop(void) {
  char cmd[256] = "rm";
  char word[32];
  for (int i = 0; i < 3; ++i) {
    scanf("%31s", word);
    strcat(cmd, " ");
    strcat(cmd, word);
  }
  system(cmd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'scanf' at line 114
}

// --- Clean ---

void integer_formatted(void) {
  char line[32], cmd[64];
  fgets(line, sizeof line, stdin);
  int n = atoi(line);
  snprintf(cmd, sizeof cmd, "sleep %d", n);
  system(cmd);
}

void reassigned_pointer(void) {
  const char *cmd = getenv("CMD");
  cmd = "true";
  system(cmd);
}

void one_branch_overwrites_other_untainted(int x) {
  char buf[64];
  if (x)
    strcpy(buf, "ls");
  else
    strcpy(buf, "pwd");
  system(buf);
}
