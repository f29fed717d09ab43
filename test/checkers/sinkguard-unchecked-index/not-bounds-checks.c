// What is not a bounds check: each function compares the index in some way
// that does not bound it at the use, next to the clean version of the same
// code.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-index %t

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static int table[10];
static int big[20];

static int number(FILE *f) {
  int n = 0;
  fscanf(f, "%d", &n);
  return n;
}

int result_ignored(FILE *f) {
  int n = number(f);
  (void)(n >= 0 && n < 10);
  return table[n];
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: index 'n' read by 'fscanf' at line 16 has no upper bound [sinkguard-unchecked-index]
}

int result_stored_not_used(FILE *f) {
  int n = number(f);
  int ok = n >= 0 && n < 10;
  (void)ok;
  return table[n];
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: index 'n' read by 'fscanf' at line 16 has no upper bound
}

int one_branch_of_two(FILE *f, int fast) {
  int n = number(f);
  if (fast) {
    if (n < 0 || n >= 10)
      return -1;
  }
  return table[n];
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: index 'n' read by 'fscanf' at line 16 has no upper bound
}

int check_after_use(FILE *f) {
  int n = number(f);
  int v = table[n];
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: index 'n' read by 'fscanf' at line 16 has no upper bound
  if (n < 0 || n >= 10)
    return -1;
  return v;
}

int other_variable(FILE *f) {
  int n = number(f);
  int m = number(f);
  if (m < 0 || m >= 10)
    return -1;
  return table[n];
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: index 'n' read by 'fscanf' at line 16 has no upper bound
}

int lower_bound_only(FILE *f) {
  int n = number(f);
  if (n < 0)
    return -1;
  return table[n];
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: index 'n' read by 'fscanf' at line 16 has no upper bound
}

int upper_bound_only_signed(FILE *f) {
  int n = number(f);
  if (n >= 10)
    return -1;
  return table[n];
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: index 'n' read by 'fscanf' at line 16 is signed and has no lower bound
}

int bound_of_other_array(FILE *f) {
  int n = number(f);
  if (n < 0 || (size_t)n >= sizeof big / sizeof big[0])
    return -1;
  return table[n];
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: index 'n' read by 'fscanf' at line 16 may be 19, past the end of 'table' (10 elements)
}

int bound_of_right_array(FILE *f) {
  int n = number(f);
  if (n < 0 || (size_t)n >= sizeof table / sizeof table[0])
    return -1;
  return table[n];
}

int wider_value_truncated(FILE *f) {
  int64_t wide = number(f);
  if (wide < 0 || wide >= 100000)
    return -1;
  int16_t narrow = (int16_t)wide;
  return big[narrow];
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: index 'narrow' read by 'fscanf' at line 16 has no upper bound
}

int wider_value_fits(FILE *f) {
  int64_t wide = number(f);
  if (wide < 0 || wide >= 10)
    return -1;
  int16_t narrow = (int16_t)wide;
  return table[narrow];
}

int check_on_truncated_copy(FILE *f) {
  int n = number(f);
  if ((uint8_t)n >= 10)
    return -1;
  return table[n];
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: index 'n' read by 'fscanf' at line 16 has no upper bound
}

int changed_after_check(FILE *f) {
  int n = number(f);
  if (n < 0 || n >= 10)
    return -1;
  n += 5;
  return table[n];
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: index 'n' read by 'fscanf' at line 16 may be 14, past the end of 'table' (10 elements)
}

int incremented_after_check(FILE *f) {
  unsigned n = (unsigned)number(f);
  if (n >= 10)
    return -1;
  n++;
  return table[n];
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: index 'n' read by 'fscanf' at line 16 may be 10, past the end of 'table' (10 elements)
}

int reread_after_check(FILE *f) {
  int n = number(f);
  if (n < 0 || n >= 10)
    return -1;
  fscanf(f, "%d", &n);
  return table[n];
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: index 'n' read by 'fscanf' at line [[#@LINE-2]] has no upper bound
}

void update(int *p);

int passed_by_pointer_after_check(FILE *f) {
  int n = number(f);
  if (n < 0 || n >= 10)
    return -1;
  update(&n);
  return table[n];
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: index 'n' read by 'fscanf' at line 16 has no upper bound
}

int untrusted_limit(FILE *f) {
  int count = number(f);
  int n = number(f);
  if (n < 0 || n >= count)
    return -1;
  return table[n];
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: index 'n' read by 'fscanf' at line 16 has no upper bound
}

int checked_limit(FILE *f) {
  int count = number(f);
  if (count < 0 || count > 10)
    return -1;
  int n = number(f);
  if (n < 0 || n >= count)
    return -1;
  return table[n];
}

int not_equal_is_no_bound(FILE *f) {
  int n = number(f);
  if (n != 3 && n >= 0)
    return table[n];
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: index 'n' read by 'fscanf' at line 16 has no upper bound
  return 0;
}

int equal_is_a_bound(FILE *f) {
  int n = number(f);
  if (n == 3)
    return table[n];
  return 0;
}
