// Range validators: a function of the translation unit that returns true
// only when its parameter is in range, or one the model or an annotation
// declares a validator, bounds the value on the branch where it said yes.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-index %t

#include <stdio.h>

static int table[10];

static int number(FILE *f) {
  int n = 0;
  fscanf(f, "%d", &n);
  return n;
}

static int valid_slot(int n) { return n >= 0 && n < 10; }

static int in_table(int n) {
  if (n < 0)
    return 0;
  if (n >= (int)(sizeof table / sizeof table[0]))
    return 0;
  return 1;
}

static int too_loose(int n) { return n >= 0 && n <= 10; }

static int only_positive(int n) { return n > 0; }

__attribute__((annotate("sinkguard::sanitizer"))) int slot_ok(int n);

int validated(FILE *f) {
  int n = number(f);
  if (!valid_slot(n))
    return -1;
  return table[n];
}

int validated_with_early_returns(FILE *f) {
  int n = number(f);
  if (in_table(n))
    return table[n];
  return -1;
}

int annotated_validator(FILE *f) {
  int n = number(f);
  if (!slot_ok(n))
    return -1;
  return table[n];
}

int validator_ignored(FILE *f) {
  int n = number(f);
  valid_slot(n);
  return table[n];
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: index 'n' read by 'fscanf' at line 13 has no upper bound [sinkguard-unchecked-index]
}

int validator_failure_branch(FILE *f) {
  int n = number(f);
  if (!valid_slot(n))
    return table[n];
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: index 'n' read by 'fscanf' at line 13 has no upper bound
  return 0;
}

int loose_validator(FILE *f) {
  int n = number(f);
  if (!too_loose(n))
    return -1;
  return table[n];
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: index 'n' read by 'fscanf' at line 13 may be 10, past the end of 'table' (10 elements)
}

int lower_bound_validator(FILE *f) {
  int n = number(f);
  if (!only_positive(n))
    return -1;
  return table[n];
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: index 'n' read by 'fscanf' at line 13 has no upper bound
}

int validated_other_variable(FILE *f) {
  int n = number(f);
  int m = number(f);
  if (!valid_slot(m))
    return -1;
  return table[n];
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: index 'n' read by 'fscanf' at line 13 has no upper bound
}
