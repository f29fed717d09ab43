// The end pointer may be the caller's (`strtoull(s, tail, 0)` with a
// `char **tail` parameter): the conversion takes one, and whether the
// caller checks it is the caller's business. errno is still this
// function's to reset and check.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-conversion %t

#include <errno.h>
#include <stdlib.h>

static int parse_checked(const char *s, unsigned long long *v, char **tail) {
  errno = 0;
  *v = strtoull(s, tail, 0);
  if (errno || s == *tail)
    return errno ? errno : EINVAL;
  return 0;
}

static int parse_unchecked(const char *s, unsigned long long *v,
                           char **tail) {
  *v = strtoull(s, tail, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'strtoull' converts data from 'argv' at line [[#@LINE+9]] but its failure goes unnoticed: errno is not set to 0 before it; errno is not checked for ERANGE after it [sinkguard-unchecked-conversion]
  return s == *tail;
}

static int no_end_at_all(const char *s) {
  return (int)strtol(s, NULL, 10);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'strtol' converts data from 'argv' at line [[#@LINE+3]] but its failure goes unnoticed: errno is not set to 0 before it; errno is not checked for ERANGE after it; it takes no end pointer, so nothing parsed and trailing characters go unnoticed [sinkguard-unchecked-conversion]
}

int main(int argc, char **argv) {
  unsigned long long v = 0;
  char *end;
  if (argc < 2)
    return 1;
  if (parse_checked(argv[1], &v, &end))
    return 1;
  if (parse_unchecked(argv[1], &v, &end))
    return 1;
  return no_end_at_all(argv[1]) + (int)v;
}
