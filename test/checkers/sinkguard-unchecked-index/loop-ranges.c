// Ranges through loops: `n++`, `n--` and `n += k` move a checked range
// instead of forgetting it, and a range that keeps growing round after
// round at a loop's head is widened, so the analysis ends after a few
// rounds whatever the loop's bound (a loop of 100,000 iterations is not
// followed iteration by iteration) and still sees what the loop did.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-index %t

#include <stdlib.h>

static int table[64];

void checked_before_a_long_loop(void) {
  int n = atoi(getenv("N"));
  if (n < 0 || n >= 64)
    return;
  for (int i = 0; i < 100000; i++)
    table[n] += i;
}

void counted_up_under_the_loop_condition(void) {
  int n = atoi(getenv("N"));
  if (n < 0)
    return;
  while (n < 64) {
    table[n] = 1;
    n++;
  }
}

void counted_down_under_the_loop_condition(void) {
  int n = atoi(getenv("N"));
  if (n >= 64)
    return;
  while (n >= 0) {
    table[n] = 1;
    n--;
  }
}

void stepped_by_two_under_the_loop_condition(void) {
  int n = atoi(getenv("N"));
  if (n < 0)
    return;
  for (; n < 63; n += 2)
    table[n] = 1;
}

void grows_in_a_loop(void) {
  int n = atoi(getenv("N"));
  if (n < 0 || n >= 64)
    return;
  for (int k = 0; k < 10; k++)
    n += 2;
  table[n] = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: index 'n' read by 'getenv' at line 50 has no upper bound [sinkguard-unchecked-index]
  // CHECK-MESSAGES: :50:16: note: 'getenv' returns untrusted data
  // CHECK-MESSAGES: :50:7: note: assigned to 'n'
}

void incremented_past_the_check(void) {
  int n = atoi(getenv("N"));
  if (n < 0 || n >= 64)
    return;
  n++;
  table[n] = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: index 'n' read by 'getenv' at line 62 may be 64, past the end of 'table' (64 elements) [sinkguard-unchecked-index]
  // CHECK-MESSAGES: :62:16: note: 'getenv' returns untrusted data
  // CHECK-MESSAGES: :62:7: note: assigned to 'n'
}

void below_zero_after_the_loop(void) {
  int n = atoi(getenv("N"));
  if (n < 0 || n >= 64)
    return;
  while (n > -5)
    n--;
  table[n] = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: index 'n' read by 'getenv' at line 73 is signed and has no lower bound [sinkguard-unchecked-index]
  // CHECK-MESSAGES: :73:16: note: 'getenv' returns untrusted data
  // CHECK-MESSAGES: :73:7: note: assigned to 'n'
}

void unsigned_decrement_may_wrap(void) {
  unsigned n = (unsigned)atoi(getenv("N"));
  if (n >= 64)
    return;
  n--;
  table[n] = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: index 'n' read by 'getenv' at line 85 has no upper bound [sinkguard-unchecked-index]
  // CHECK-MESSAGES: :85:31: note: 'getenv' returns untrusted data
  // CHECK-MESSAGES: :85:12: note: assigned to 'n'
}
