// NOLINT comments silence a reviewed finding of this check, and only it.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-conversion %t

#include <stdlib.h>

int reviewed(void) {
  return atoi(getenv("LEVEL")); // NOLINT(sinkguard-unchecked-conversion): 0 is the default
}

int other_check_named(void) {
  return atoi(getenv("LEVEL")); // NOLINT(sinkguard-unchecked-size)
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'atoi' converts data read by 'getenv' at line [[#@LINE-1]] and cannot report failure or overflow
}
