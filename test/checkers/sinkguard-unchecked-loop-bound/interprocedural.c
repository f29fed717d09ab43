// Loop bounds through calls: a parameter bounds a loop in the callee; the
// caller's check on the argument holds there.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-loop-bound %t

#include <stdio.h>

void process(int item);

static void repeat(int times) {
  for (int i = 0; i < times; i++)
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: loop bound 'times' read by 'fscanf' at line [[#@LINE+7]] has no upper bound
    // CHECK-MESSAGES: :[[@LINE+7]]:3: note: passed to 'repeat' as 'times'
    process(i);
}

void unchecked_caller(FILE *f) {
  int n;
  fscanf(f, "%d", &n);
  repeat(n);
}

void checked_caller(FILE *f) {
  int n;
  fscanf(f, "%d", &n);
  if (n > 100)
    return;
  repeat(n);
}

static void drain(unsigned left) {
  while (left--)
    process(0);
}

void drain_checked(FILE *f) {
  unsigned n;
  fscanf(f, "%u", &n);
  if (n <= 64)
    drain(n);
}
