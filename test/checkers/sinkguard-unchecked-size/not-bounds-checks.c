// What is not a bound on a size: a comparison whose result is ignored, one
// on one branch only, one after the use, one on another variable, a lower
// bound only, a check on a wider value later truncated; and the real checks
// next to each.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-size %t

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define LIMIT 4096

void *ignored(FILE *f) {
  size_t n;
  fread(&n, sizeof n, 1, f);
  int ok = n <= LIMIT;
  (void)ok;
  return malloc(n);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: size 'n' read by 'fread' at line [[#@LINE-4]] passed to 'malloc' has no upper bound
}

void *one_branch(FILE *f, int strict) {
  size_t n;
  fread(&n, sizeof n, 1, f);
  if (strict && n > LIMIT)
    return NULL;
  return malloc(n);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: size 'n' read by 'fread' at line [[#@LINE-4]] passed to 'malloc' has no upper bound
}

void *after_use(FILE *f) {
  size_t n;
  fread(&n, sizeof n, 1, f);
  void *p = malloc(n);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: size 'n' read by 'fread' at line [[#@LINE-2]] passed to 'malloc' has no upper bound
  if (n > LIMIT) {
    free(p);
    return NULL;
  }
  return p;
}

void *other_variable(FILE *f) {
  size_t n, m;
  fread(&n, sizeof n, 1, f);
  fread(&m, sizeof m, 1, f);
  if (m > LIMIT)
    return NULL;
  return malloc(n);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: size 'n' read by 'fread' at line [[#@LINE-5]] passed to 'malloc' has no upper bound
}

void *lower_bound_only(FILE *f) {
  size_t n;
  fread(&n, sizeof n, 1, f);
  if (n == 0)
    return NULL;
  return malloc(n);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: size 'n' read by 'fread' at line [[#@LINE-4]] passed to 'malloc' has no upper bound
}

void *wide_then_truncated(FILE *f) {
  int64_t wide;
  fread(&wide, sizeof wide, 1, f);
  if (wide > LIMIT)
    return NULL;
  // A huge negative value passes the check and truncates to any int.
  int n = (int)wide;
  return malloc(n);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: size 'n' read by 'fread' at line [[#@LINE-6]] passed to 'malloc' has no upper bound
}

void *changed_after_check(FILE *f) {
  size_t n;
  fread(&n, sizeof n, 1, f);
  if (n > LIMIT)
    return NULL;
  n *= 1024;
  return malloc(n);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: size 'n' read by 'fread' at line [[#@LINE-5]] passed to 'malloc' has no upper bound
}

// --- Clean: the same, checked properly. ---

void *both_branches(FILE *f, int strict) {
  size_t n;
  fread(&n, sizeof n, 1, f);
  if (strict) {
    if (n > LIMIT)
      return NULL;
  } else if (n > 2 * LIMIT) {
    return NULL;
  }
  return malloc(n);
}

void *wide_checked_both_ends(FILE *f) {
  int64_t wide;
  fread(&wide, sizeof wide, 1, f);
  if (wide < 1 || wide > LIMIT)
    return NULL;
  int n = (int)wide;
  return malloc(n);
}

void *early_exit(FILE *f) {
  size_t n;
  fread(&n, sizeof n, 1, f);
  if (n > LIMIT)
    exit(1);
  return malloc(n);
}
