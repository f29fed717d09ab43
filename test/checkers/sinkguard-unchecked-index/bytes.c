// Bytes read with getchar, fgetc and getc are -1 (EOF) to 255: after the
// EOF test they index a 256-entry table safely, not a smaller one.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-index %t

#include <stdio.h>

static int counts[256];
static int classes[16];

void histogram(FILE *f) {
  int c;
  while ((c = fgetc(f)) != EOF)
    counts[c]++;
}

int after_eof_test(void) {
  int c = getchar();
  if (c == EOF)
    return 0;
  return counts[c];
}

int without_eof_test(FILE *f) {
  int c = getc(f);
  return counts[c];
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: index 'c' read by 'getc' at line [[#@LINE-2]] is signed and has no lower bound [sinkguard-unchecked-index]
}

int table_too_small(FILE *f) {
  int c = getc(f);
  if (c == EOF)
    return 0;
  return classes[c];
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: index 'c' read by 'getc' at line [[#@LINE-4]] has no upper bound
}

int table_too_small_checked(FILE *f) {
  int c = getc(f);
  if (c == EOF || c >= 16)
    return 0;
  return classes[c];
}
