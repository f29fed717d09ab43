// An assert counts as a bounds check when assertions are compiled in; under
// NDEBUG it checks nothing, and the index is reported. With CountAsserts
// off, asserts never count (release builds compile them out), as under
// NDEBUG; an `if` still does.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-index %t
// RUN: %check_sinkguard --check-prefix=NDEBUG %s sinkguard-unchecked-index %t-ndebug -- -- -DNDEBUG
// RUN: %check_sinkguard --check-prefix=NDEBUG %s sinkguard-unchecked-index %t-noasserts -- \
// RUN:   -config="{CheckOptions: {sinkguard-unchecked-index.CountAsserts: false}}"

#include <assert.h>
#include <stdio.h>

static int table[10];

int asserted(FILE *f) {
  int n;
  fscanf(f, "%d", &n);
  assert(n >= 0 && n < 10);
  return table[n];
  // NDEBUG: :[[@LINE-1]]:16: warning: index 'n' read by 'fscanf' at line [[#@LINE-3]] has no upper bound [sinkguard-unchecked-index]
}

int asserted_half(FILE *f) {
  int n;
  fscanf(f, "%d", &n);
  assert(n < 10);
  return table[n];
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: index 'n' read by 'fscanf' at line [[#@LINE-3]] is signed and has no lower bound
  // NDEBUG: :[[@LINE-2]]:16: warning: index 'n' read by 'fscanf' at line [[#@LINE-4]] has no upper bound
}

int checked_in_both(FILE *f) {
  unsigned n;
  fscanf(f, "%u", &n);
  assert(n < 10);
  if (n >= 10)
    return -1;
  return table[n];
}
