// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t

#include <stdlib.h>

void reported(void) {
  system(getenv("A"));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system'{{.*}}
}

void suppressed(void) {
  system(getenv("B")); // NOLINT(sinkguard-tainted-shell-command)
  // NOLINTNEXTLINE(sinkguard-tainted-shell-command)
  system(getenv("C"));
}

// NOLINTBEGIN(sinkguard-*)
void suppressed_block(void) { system(getenv("D")); }
// NOLINTEND(sinkguard-*)

void other_check(void) {
  system(getenv("E")); // NOLINT(sinkguard-shell-command-construction)
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system'{{.*}}
}
