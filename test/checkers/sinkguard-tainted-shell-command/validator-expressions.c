// A validator that returns the value of a condition: `return strcmp(c,
// "a") == 0 || strcmp(c, "b") == 0;` accepts c only where it equals one of
// the literals, whichever way the condition is true. A condition true for
// other texts (one side that does not compare, a test of another text)
// does not validate.
//
// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t

#include <stdlib.h>
#include <string.h>

static int is_known(const char *c) {
  return strcmp(c, "uptime") == 0 || strcmp(c, "date") == 0 ||
         !strcmp(c, "who");
}

static int is_known_short(const char *c) {
  return strlen(c) < 16 && strcmp(c, "uptime") == 0;
}

static int is_known_or_short(const char *c) {
  return strcmp(c, "uptime") == 0 || strlen(c) < 16;
}

static int is_known_other(const char *c, const char *d) {
  return strcmp(d, "uptime") == 0 || strcmp(c, "date") == 0;
}

void known(const char *c) {
  if (!is_known(c))
    return;
  system(c);
}

void known_short(const char *c) {
  if (is_known_short(c))
    system(c);
}

void known_or_short(const char *c) {
  if (!is_known_or_short(c))
    return;
  system(c);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data from 'argv' at line 54 [sinkguard-tainted-shell-command]
}

void known_other(const char *c, const char *d) {
  if (!is_known_other(c, d))
    return;
  system(c);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data from 'argv' at line 54 [sinkguard-tainted-shell-command]
}

int main(int argc, char **argv) {
  if (argc < 3)
    return 1;
  known(argv[1]);
  known_short(argv[1]);
  known_or_short(argv[1]);
  known_other(argv[1], argv[2]);
  return 0;
}
