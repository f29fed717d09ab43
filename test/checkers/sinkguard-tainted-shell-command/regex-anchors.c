// regexec validates the whole text only when its pattern is anchored at
// both ends: `^[a-z]+$` compiled by regcomp (here or in another function of
// the file) makes a command safe; `[a-z]+`, `^[a-z]+`, `^a|b$` or
// REG_NEWLINE (where `^` and `$` match at each line) match a part of it. A
// pattern the file does not show (compiled by the caller) counts as a check.
//
// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t

#include <regex.h>
#include <stdlib.h>

static regex_t name_re;
static regex_t loose_re;

void init_patterns(void) {
  regcomp(&name_re, "^[a-z][a-z0-9_]*$", REG_EXTENDED | REG_NOSUB);
  regcomp(&loose_re, "[a-z]+", REG_EXTENDED);
}

// --- Flagged ---

void unanchored_global(void) {
  const char *cmd = getenv("CMD");
  if (regexec(&loose_re, cmd, 0, NULL, 0) != 0)
    return;
  system(cmd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'getenv' at line [[#@LINE-4]] [sinkguard-tainted-shell-command]
}

void anchored_at_start_only(void) {
  regex_t re;
  const char *cmd = getenv("CMD");
  regcomp(&re, "^[a-z]+", REG_EXTENDED);
  if (regexec(&re, cmd, 0, NULL, 0) == 0)
    system(cmd);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: command passed to 'system' contains data read by 'getenv' at line [[#@LINE-4]] [sinkguard-tainted-shell-command]
}

void alternation(void) {
  regex_t re;
  const char *cmd = getenv("CMD");
  regcomp(&re, "^ls|date$", REG_EXTENDED);
  if (!regexec(&re, cmd, 0, NULL, 0))
    system(cmd);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: command passed to 'system' contains data read by 'getenv' at line [[#@LINE-4]] [sinkguard-tainted-shell-command]
}

void each_line(void) {
  regex_t re;
  const char *cmd = getenv("CMD");
  regcomp(&re, "^[a-z]+$", REG_EXTENDED | REG_NEWLINE);
  if (!regexec(&re, cmd, 0, NULL, 0))
    system(cmd);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: command passed to 'system' contains data read by 'getenv' at line [[#@LINE-4]] [sinkguard-tainted-shell-command]
}

void escaped_dollar(void) {
  regex_t re;
  const char *cmd = getenv("CMD");
  regcomp(&re, "^[a-z]+\\$", REG_EXTENDED);
  if (!regexec(&re, cmd, 0, NULL, 0))
    system(cmd);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: command passed to 'system' contains data read by 'getenv' at line [[#@LINE-4]] [sinkguard-tainted-shell-command]
}

// --- Clean ---

void anchored_global(void) {
  const char *cmd = getenv("CMD");
  if (regexec(&name_re, cmd, 0, NULL, 0) != 0)
    return;
  system(cmd);
}

void anchored_local(void) {
  regex_t re;
  const char *cmd = getenv("CMD");
  regcomp(&re, "^(ls|date|uptime)$", REG_EXTENDED | REG_NOSUB);
  if (regexec(&re, cmd, 0, NULL, 0) == 0)
    system(cmd);
  regfree(&re);
}

void compiled_by_the_caller(const regex_t *re) {
  const char *cmd = getenv("CMD");
  if (!regexec(re, cmd, 0, NULL, 0))
    system(cmd);
}
