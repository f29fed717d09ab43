// A helper that reads a line into the caller's buffer and returns whether
// it succeeded is a source, not a validator: the buffer holds what it read
// when it returns true. A helper that reads and then accepts only safe text
// does validate it.
//
// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SAFE "abcdefghijklmnopqrstuvwxyz0123456789-_"

static int read_line(char *buf, int size, FILE *in) {
  if (!fgets(buf, size, in))
    return 0;
  buf[strcspn(buf, "\n")] = '\0';
  return 1;
}

static int read_word(char *buf, int size, FILE *in) {
  if (!fgets(buf, size, in))
    return 0;
  buf[strcspn(buf, "\n")] = '\0';
  return buf[0] != '\0';
}

static int read_safe_word(char *buf, int size, FILE *in) {
  if (!fgets(buf, size, in))
    return 0;
  buf[strcspn(buf, "\n")] = '\0';
  return strspn(buf, SAFE) == strlen(buf);
}

void line_checked_for_success(FILE *in) {
  char cmd[128];
  if (!read_line(cmd, sizeof cmd, in))
    return;
  system(cmd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system'
  // contains data read by 'fgets' at line 15 [sinkguard-tainted-shell-command]
}

void word_checked_for_success(FILE *in) {
  char cmd[128];
  if (read_word(cmd, sizeof cmd, in))
    system(cmd);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: command passed to 'system'
  // contains data read by 'fgets' at line 22 [sinkguard-tainted-shell-command]
}

// --- Clean ---

void safe_word(FILE *in) {
  char cmd[128];
  if (!read_safe_word(cmd, sizeof cmd, in))
    return;
  system(cmd);
}

void line_never_used(FILE *in) {
  char cmd[128];
  if (read_line(cmd, sizeof cmd, in))
    system("uptime");
}
