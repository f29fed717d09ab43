// AllowedWrappers names functions that may assemble and run commands (they
// quote or validate what they are given themselves).
// RUN: %check_sinkguard %s sinkguard-shell-command-construction %t -- \
// RUN:   -config="{CheckOptions: {sinkguard-shell-command-construction.AllowedWrappers: 'run_quoted;tools::spawn_checked'}}"

#include <stdio.h>
#include <stdlib.h>

int run_quoted(const char *arg) {
  char cmd[256];
  snprintf(cmd, sizeof cmd, "ls -- '%s'", arg);
  return system(cmd);
}

int run_unlisted(const char *arg) {
  char cmd[256];
  snprintf(cmd, sizeof cmd, "ls -- '%s'", arg);
  return system(cmd);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: shell command passed to 'system' is assembled from non-constant data ('arg'){{.*}}
}
