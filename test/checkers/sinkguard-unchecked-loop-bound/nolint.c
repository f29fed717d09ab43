// NOLINT comments silence a reviewed finding of this check, and only it.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-loop-bound %t

#include <stdio.h>

void process(int item);

void reviewed(FILE *f) {
  int n;
  fscanf(f, "%d", &n);
  for (int i = 0; i < n; i++) // NOLINT(sinkguard-unchecked-loop-bound): local config file
    process(i);
}

void other_check_named(FILE *f) {
  int n;
  fscanf(f, "%d", &n);
  for (int i = 0; i < n; i++) // NOLINT(sinkguard-unchecked-size)
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: loop bound 'n' read by 'fscanf' at line [[#@LINE-2]] has no upper bound
    process(i);
}
