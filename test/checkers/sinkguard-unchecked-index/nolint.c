// RUN: %check_sinkguard %s sinkguard-unchecked-index %t

#include <stdio.h>
#include <stdlib.h>

static int table[4];

int reported(void) {
  return table[atoi(getenv("A"))];
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: index 'atoi(getenv("A"))'{{.*}}
}

int suppressed(void) {
  int a = table[atoi(getenv("B"))]; // NOLINT(sinkguard-unchecked-index)
  // NOLINTNEXTLINE(sinkguard-unchecked-index)
  int b = table[atoi(getenv("C"))];
  return a + b;
}

// NOLINTBEGIN(sinkguard-*)
int suppressed_block(void) { return table[atoi(getenv("D"))]; }
// NOLINTEND(sinkguard-*)

int other_check(void) {
  return table[atoi(getenv("E"))]; // NOLINT(sinkguard-tainted-shell-command)
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: index 'atoi(getenv("E"))'{{.*}}
}
