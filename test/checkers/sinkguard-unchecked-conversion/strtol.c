// strtol and friends on untrusted text: errno must be set to 0 before the
// call and compared with ERANGE after it, and the end pointer checked
// (nothing parsed, trailing characters), before the result is used.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-conversion %t

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

void use(long v);

void no_checks(void) {
  char *arg = getenv("ARG");
  long v = strtol(arg, NULL, 10);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'strtol' converts data read by 'getenv' at line [[#@LINE-2]] but its failure goes unnoticed: errno is not set to 0 before it; errno is not checked for ERANGE after it; it takes no end pointer, so nothing parsed and trailing characters go unnoticed [sinkguard-unchecked-conversion]
  use(v);
}

void end_only(void) {
  char *arg = getenv("ARG");
  char *end;
  long v = strtol(arg, &end, 10);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'strtol' converts data read by 'getenv' at line [[#@LINE-3]] but its failure goes unnoticed: errno is not set to 0 before it; errno is not checked for ERANGE after it
  if (end == arg || *end != '\0')
    return;
  use(v);
}

void errno_only(void) {
  char *arg = getenv("ARG");
  errno = 0;
  unsigned long v = strtoul(arg, NULL, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'strtoul' converts data read by 'getenv' at line [[#@LINE-3]] but its failure goes unnoticed: it takes no end pointer, so nothing parsed and trailing characters go unnoticed
  if (errno == ERANGE)
    return;
  use((long)v);
}

void errno_not_reset(void) {
  char *arg = getenv("ARG");
  char *end;
  long long v = strtoll(arg, &end, 10);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'strtoll' converts data read by 'getenv' at line [[#@LINE-3]] but its failure goes unnoticed: errno is not set to 0 before it
  if (errno == ERANGE || *end)
    return;
  use((long)v);
}

void end_not_checked(void) {
  char *arg = getenv("ARG");
  char *end;
  errno = 0;
  long v = strtol(arg, &end, 10);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'strtol' converts data read by 'getenv' at line [[#@LINE-4]] but its failure goes unnoticed: the end pointer is not checked
  if (errno != 0)
    return;
  use(v);
}

void used_before_checks(void) {
  char *arg = getenv("ARG");
  char *end;
  errno = 0;
  long v = strtol(arg, &end, 10);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'strtol' converts data read by 'getenv' at line [[#@LINE-4]] but its failure goes unnoticed: the result is used before errno and the end pointer are checked
  use(v);
  if (errno == ERANGE || *end != '\0')
    return;
}

void unsigned_long_long(FILE *f) {
  char buf[32];
  fgets(buf, sizeof buf, f);
  unsigned long long v = strtoull(buf, NULL, 16);
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: 'strtoull' converts data read by 'fgets' at line [[#@LINE-2]] but its failure goes unnoticed
  use((long)v);
}

// --- Clean: fully validated. ---

int parse_port(const char *text, long *out) {
  char *end;
  errno = 0;
  long v = strtol(text, &end, 10);
  if (errno == ERANGE || end == text || *end != '\0')
    return -1;
  *out = v;
  return 0;
}

int main(int argc, char **argv) {
  char *end;
  if (argc < 2)
    return 2;
  errno = 0;
  long v = strtol(argv[1], &end, 10);
  if (errno != 0 || end == argv[1] || *end)
    return 1;
  use(v);
  return 0;
}

void checked_separately(void) {
  char *arg = getenv("ARG");
  char *end;
  errno = 0;
  unsigned long v = strtoul(arg, &end, 10);
  if (errno == ERANGE)
    return;
  if (*end != '\0')
    return;
  use((long)v);
}

void trusted_text(void) {
  long v = strtol("123", NULL, 10);
  use(v);
}

long end_pointer_for_the_caller(const char *s, char **end) {
  // The caller gets the end pointer and errno: its business.
  return strtol(s, end, 10);
}
