// NOLINT comments silence a reviewed finding of this check, and only it.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-size %t

#include <stdio.h>
#include <stdlib.h>

void *reviewed(FILE *f) {
  size_t n;
  fread(&n, sizeof n, 1, f);
  return malloc(n); // NOLINT(sinkguard-unchecked-size): bounded by the file format
}

void *reviewed_next_line(FILE *f) {
  size_t n;
  fread(&n, sizeof n, 1, f);
  // NOLINTNEXTLINE(sinkguard-unchecked-size)
  return malloc(n);
}

void *other_check_named(FILE *f) {
  size_t n;
  fread(&n, sizeof n, 1, f);
  return malloc(n); // NOLINT(sinkguard-unchecked-index)
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: size 'n' read by 'fread' at line [[#@LINE-2]] passed to 'malloc' has no upper bound
}
