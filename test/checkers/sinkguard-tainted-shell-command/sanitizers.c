// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t

#include <ctype.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// --- Real sanitizers: the check dominates the sink on every path. ---

void allow_list_loop_returns(void) {
  char name[64];
  fgets(name, sizeof name, stdin);
  for (size_t i = 0; name[i]; i++)
    if (!isalnum((unsigned char)name[i]) && name[i] != '-')
      return;
  system(name);
}

void allow_list_loop_pointer_exits(void) {
  char *host = getenv("HOST");
  for (const char *p = host; *p; ++p) {
    if (!isalnum((unsigned char)*p)) {
      fprintf(stderr, "bad host\n");
      exit(1);
    }
  }
  system(host);
}

void allow_list_loop_char_variable(void) {
  char word[32];
  scanf("%31s", word);
  for (int i = 0; word[i] != '\0'; ++i) {
    char c = word[i];
    if (c < 'a' || c > 'z')
      return;
  }
  system(word);
}

void strspn_equals_strlen(void) {
  const char *dir = getenv("DIR");
  if (strspn(dir, "abcdefghijklmnopqrstuvwxyz0123456789_") != strlen(dir))
    return;
  system(dir);
}

void regexec_guard(regex_t *re) {
  const char *tag = getenv("TAG");
  if (regexec(re, tag, 0, NULL, 0) != 0)
    return;
  system(tag);
}

void regexec_inside_if(regex_t *re) {
  const char *tag = getenv("TAG");
  if (!regexec(re, tag, 0, NULL, 0))
    system(tag);
}

void equality_with_literal(void) {
  char mode[16];
  fgets(mode, sizeof mode, stdin);
  if (strcmp(mode, "status") == 0 || !strcmp(mode, "restart"))
    system(mode);
}

static int is_valid_name(const char *s) {
  if (!*s)
    return 0;
  for (; *s; ++s)
    if (!isalnum((unsigned char)*s) && *s != '_')
      return 0;
  return 1;
}

void validator_function(void) {
  const char *user = getenv("USER");
  if (!is_valid_name(user))
    return;
  system(user);
}

void validator_function_in_condition(void) {
  const char *user = getenv("USER");
  if (is_valid_name(user))
    system(user);
}

// --- Fake sanitizers: each still lets untrusted data through. ---

void result_ignored(void) {
  const char *user = getenv("USER");
  is_valid_name(user);
  system(user);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'getenv' at line [[#@LINE-3]]
}

void one_branch_only(int strict) {
  const char *user = getenv("USER");
  if (strict && !is_valid_name(user))
    return;
  system(user);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'getenv' at line [[#@LINE-4]]
}

void check_after_the_sink(void) {
  const char *user = getenv("USER");
  system(user);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'getenv' at line [[#@LINE-2]]
  if (!is_valid_name(user))
    exit(1);
}

void checks_a_different_variable(void) {
  const char *user = getenv("USER");
  const char *home = getenv("HOME");
  if (!is_valid_name(user))
    return;
  system(home);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'getenv' at line [[#@LINE-4]]
}

void deny_list_loop(void) {
  char *arg = getenv("ARG");
  for (char *p = arg; *p; ++p)
    if (*p == ';' || *p == '|' || *p == '&')
      return;
  system(arg);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'getenv' at line [[#@LINE-5]]
}

void isprint_is_no_allow_list(void) {
  char *arg = getenv("ARG");
  for (char *p = arg; *p; ++p)
    if (!isprint((unsigned char)*p))
      return;
  system(arg);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'getenv' at line [[#@LINE-5]]
}

void loop_that_only_logs(void) {
  char *arg = getenv("ARG");
  for (char *p = arg; *p; ++p)
    if (!isalnum((unsigned char)*p))
      fprintf(stderr, "suspicious character\n");
  system(arg);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'getenv' at line [[#@LINE-5]]
}

void strspn_with_metacharacters(void) {
  const char *dir = getenv("DIR");
  if (strspn(dir, "abc;|&$ ") != strlen(dir))
    return;
  system(dir);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'getenv' at line [[#@LINE-4]]
}

void prefix_comparison(void) {
  const char *cmd = getenv("CMD");
  if (strncmp(cmd, "ls", 2) == 0)
    system(cmd);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: command passed to 'system' contains data read by 'getenv' at line [[#@LINE-3]]
}

void inequality_branch(void) {
  const char *cmd = getenv("CMD");
  if (strcmp(cmd, "ls") != 0)
    system(cmd);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: command passed to 'system' contains data read by 'getenv' at line [[#@LINE-3]]
}

void regexec_failure_branch(regex_t *re) {
  const char *tag = getenv("TAG");
  if (regexec(re, tag, 0, NULL, 0))
    system(tag);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: command passed to 'system' contains data read by 'getenv' at line [[#@LINE-3]]
}

static int always_true(const char *s) {
  (void)s;
  return 1;
}

void validator_that_checks_nothing(void) {
  const char *user = getenv("USER");
  if (!always_true(user))
    return;
  system(user);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'getenv' at line [[#@LINE-4]]
}
