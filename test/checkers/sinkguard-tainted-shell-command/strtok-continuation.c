// strtok(NULL, d) goes on in the text its last call was given, and
// strtok_r(NULL, d, &save) in the text *save points into: a later token of
// an untrusted line is untrusted; a later token of a fixed list is not.
//
// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void second_token(void) {
  char line[256];
  if (!fgets(line, sizeof line, stdin))
    return;
  char *verb = strtok(line, "!");
  char *arg = strtok(NULL, "!");
  if (verb && arg && strcmp(verb, "run") == 0)
    system(arg);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: command passed to 'system' contains data read by 'fgets' at line [[#@LINE-6]] [sinkguard-tainted-shell-command]
}

void second_token_r(void) {
  char line[256];
  char *save = NULL;
  if (!fgets(line, sizeof line, stdin))
    return;
  char *verb = strtok_r(line, " ", &save);
  char *arg = strtok_r(NULL, " ", &save);
  if (verb && arg)
    system(arg);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: command passed to 'system' contains data read by 'fgets' at line [[#@LINE-6]] [sinkguard-tainted-shell-command]
}

void fixed_list(void) {
  char line[256];
  if (!fgets(line, sizeof line, stdin))
    return;
  char list[] = "uptime,date";
  char *first = strtok(list, ",");
  char *next = strtok(NULL, ","); // clean: the fixed list's next token
  if (first && next && strcmp(line, "both\n") == 0)
    system(next);
}
