// The strtonum idiom in C++ (<cstdlib>, std::strtoll): the result compared
// with the type's limits in the condition that tests errno is checked, in
// either order; without errno it is not.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-conversion %t

#include <cstdlib>
#include <errno.h>
#include <limits.h>

long long result_first(const char *s) {
  char *ep;
  errno = 0;
  long long ll = std::strtoll(s, &ep, 10);
  if (s == ep || *ep != '\0')
    return -1;
  if ((ll == LLONG_MIN && errno == ERANGE) ||
      (ll == LLONG_MAX && errno == ERANGE))
    return -1;
  return ll;
}

long long without_errno(const char *s) {
  char *ep;
  errno = 0;
  long long ll = std::strtoll(s, &ep, 10);
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'strtoll' converts data read by 'getenv' at line [[#@LINE+9]] but its failure goes unnoticed: errno is not checked for ERANGE after it [sinkguard-unchecked-conversion]
  if (s == ep || *ep != '\0')
    return -1;
  if (ll == LLONG_MIN || ll == LLONG_MAX)
    return -1;
  return ll;
}

int main() {
  const char *s = std::getenv("N");
  return static_cast<int>(result_first(s) + without_errno(s));
}
