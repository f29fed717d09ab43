// An assert bounds a size when assertions are compiled in and CountAsserts
// is on (the default); under NDEBUG or with CountAsserts off it does not.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-size %t
// RUN: %check_sinkguard --check-prefix=NOASSERTS %s sinkguard-unchecked-size %t-ndebug -- -- -DNDEBUG
// RUN: %check_sinkguard --check-prefix=NOASSERTS %s sinkguard-unchecked-size %t-off -- \
// RUN:   -config="{CheckOptions: {sinkguard-unchecked-size.CountAsserts: false}}"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>

void *asserted(FILE *f) {
  size_t n;
  fread(&n, sizeof n, 1, f);
  assert(n <= 4096);
  return malloc(n);
  // NOASSERTS: :[[@LINE-1]]:17: warning: size 'n' read by 'fread' at line [[#@LINE-3]] passed to 'malloc' has no upper bound
}

void *checked_in_both(FILE *f) {
  size_t n;
  fread(&n, sizeof n, 1, f);
  assert(n <= 4096);
  if (n > 4096)
    return NULL;
  return malloc(n);
}

void *unchecked(FILE *f) {
  size_t n;
  fread(&n, sizeof n, 1, f);
  assert(n != 0);
  return malloc(n);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: size 'n' read by 'fread' at line [[#@LINE-3]] passed to 'malloc' has no upper bound
  // NOASSERTS: :[[@LINE-2]]:17: warning: size 'n' read by 'fread' at line [[#@LINE-4]] passed to 'malloc' has no upper bound
}
