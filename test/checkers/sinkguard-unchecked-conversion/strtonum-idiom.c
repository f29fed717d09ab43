// The strtonum idiom (OpenBSD's strtonum, and code written after it): errno
// set to 0, the end pointer checked, then the result compared with the
// type's limits in the same condition as errno (`ll == LLONG_MIN && errno ==
// ERANGE`): a complete check, whichever of the two a condition tests first.
// A comparison of the result in such a condition is part of the check, not
// a use before it; a use anywhere else before errno is tested still is.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-conversion %t

#include <errno.h>
#include <limits.h>
#include <stdlib.h>

void use(long long v);

long long result_first(void) {
  const char *s = getenv("N");
  char *ep;
  errno = 0;
  long long ll = strtoll(s, &ep, 10);
  if (s == ep || *ep != '\0')
    return -1;
  if ((ll == LLONG_MIN && errno == ERANGE) ||
      (ll == LLONG_MAX && errno == ERANGE))
    return -1;
  return ll;
}

long long errno_first(void) {
  const char *s = getenv("N");
  char *ep;
  errno = 0;
  long long ll = strtoll(s, &ep, 10);
  if (s == ep || *ep != '\0')
    return -1;
  if (errno == ERANGE && (ll == LLONG_MIN || ll == LLONG_MAX))
    return -1;
  return ll;
}

long long used_before_errno(void) {
  const char *s = getenv("N");
  char *ep;
  errno = 0;
  long long ll = strtoll(s, &ep, 10);
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'strtoll' converts data read by 'getenv' at line [[#@LINE-4]] but its failure goes unnoticed: the result is used before errno and the end pointer are checked [sinkguard-unchecked-conversion]
  if (s == ep || *ep != '\0')
    return -1;
  use(ll);
  if ((ll == LLONG_MIN && errno == ERANGE) ||
      (ll == LLONG_MAX && errno == ERANGE))
    return -1;
  return ll;
}

long long limits_without_errno(void) {
  const char *s = getenv("N");
  char *ep;
  errno = 0;
  long long ll = strtoll(s, &ep, 10);
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'strtoll' converts data read by 'getenv' at line [[#@LINE-4]] but its failure goes unnoticed: errno is not checked for ERANGE after it [sinkguard-unchecked-conversion]
  if (s == ep || *ep != '\0')
    return -1;
  if (ll == LLONG_MIN || ll == LLONG_MAX)
    return -1;
  return ll;
}
