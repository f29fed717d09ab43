// RUN: %check_sinkguard %s sinkguard-shell-command-construction %t

#include <stdio.h>
#include <stdlib.h>

void reported(const char *host) {
  char cmd[64];
  snprintf(cmd, sizeof cmd, "ping %s", host);
  system(cmd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: shell command passed to 'system'{{.*}}
}

void suppressed_same_line(const char *host) {
  char cmd[64];
  snprintf(cmd, sizeof cmd, "ping %s", host);
  system(cmd); // NOLINT(sinkguard-shell-command-construction)
}

void suppressed_next_line(const char *host) {
  char cmd[64];
  snprintf(cmd, sizeof cmd, "ping %s", host);
  // NOLINTNEXTLINE(sinkguard-*)
  system(cmd);
}

// NOLINTBEGIN(sinkguard-shell-command-construction)
void suppressed_block(const char *host) {
  char cmd[64];
  snprintf(cmd, sizeof cmd, "ping %s", host);
  system(cmd);
}
// NOLINTEND(sinkguard-shell-command-construction)

void other_check_named(const char *host) {
  char cmd[64];
  snprintf(cmd, sizeof cmd, "ping %s", host);
  system(cmd); // NOLINT(bugprone-command-processor)
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: shell command passed to 'system'{{.*}}
}
