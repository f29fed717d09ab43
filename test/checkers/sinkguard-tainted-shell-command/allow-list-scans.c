// An allow-list scan without a break: the loop's condition stops it at the
// entry equal to the text (`allowed[i] && strcmp(s, allowed[i]) != 0`),
// and the test after it (`if (!allowed[i])`, `if (i == n)`) tells whether
// it stopped there or ran to its end. A scan that stops where the text
// differs, an inverted test, a reset index or a text changed after the
// check still reach the sink.
//
// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const allowed[] = {"uptime", "date", "who", NULL};
static const char *const verbs[] = {"start", "stop"};
#define NVERBS (sizeof verbs / sizeof verbs[0])

void scan_to_end(const char *c) {
  int i;
  for (i = 0; allowed[i] && strcmp(c, allowed[i]) != 0; i++)
    ;
  if (!allowed[i])
    return;
  system(c);
}

void scan_while(const char *c) {
  unsigned i = 0;
  while (i < NVERBS && strcmp(c, verbs[i]))
    i++;
  if (i == NVERBS) {
    fprintf(stderr, "unknown verb\n");
    return;
  }
  system(c);
}

void scan_inverted(const char *c) {
  int i;
  for (i = 0; allowed[i] && strcmp(c, allowed[i]) != 0; i++)
    ;
  if (allowed[i])
    return;
  system(c);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data from 'argv' at line 88 [sinkguard-tainted-shell-command]
}

void scan_stops_where_different(const char *c) {
  int i;
  for (i = 0; allowed[i] && strcmp(c, allowed[i]) == 0; i++)
    ;
  if (!allowed[i])
    return;
  system(c);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data from 'argv' at line 88 [sinkguard-tainted-shell-command]
}

void scan_reset(const char *c) {
  int i;
  for (i = 0; allowed[i] && strcmp(c, allowed[i]) != 0; i++)
    ;
  i = 0;
  if (!allowed[i])
    return;
  system(c);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data from 'argv' at line 88 [sinkguard-tainted-shell-command]
}

void scan_not_tested(const char *c) {
  int i;
  for (i = 0; allowed[i] && strcmp(c, allowed[i]) != 0; i++)
    ;
  system(c);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data from 'argv' at line 88 [sinkguard-tainted-shell-command]
}

void scan_then_changed(char *c) {
  unsigned i = 0;
  while (i < NVERBS && strcmp(c, verbs[i]))
    i++;
  if (i == NVERBS)
    return;
  strcat(c, getenv("ARGS"));
  system(c);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'getenv' at line 83 [sinkguard-tainted-shell-command]
}

int main(int argc, char **argv) {
  if (argc < 2)
    return 1;
  scan_to_end(argv[1]);
  scan_while(argv[1]);
  scan_inverted(argv[1]);
  scan_stops_where_different(argv[1]);
  scan_reset(argv[1]);
  scan_not_tested(argv[1]);
  scan_then_changed(argv[1]);
  return 0;
}
