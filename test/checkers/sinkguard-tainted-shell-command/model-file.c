// User rules from a model file: the ModelFile option, and the project's
// .sinkguard.yaml found next to the file or above it.
//
// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t -- \
// RUN:   -config="{CheckOptions: {sinkguard-tainted-shell-command.ModelFile: '%S/Inputs/model.yaml'}}"
//
// RUN: rm -rf %t.dir && mkdir -p %t.dir/src && cp %S/Inputs/model.yaml %t.dir/.sinkguard.yaml
// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t.dir/src/project
//
// A bad model file is reported with file:line:col and ignored: the built-in
// rules still apply (popen is back, the user's functions are unknown).
// RUN: %check_sinkguard --check-prefix=BAD --driver-exit=2 %s sinkguard-tainted-shell-command %t-bad -- \
// RUN:   -config="{CheckOptions: {sinkguard-tainted-shell-command.ModelFile: '%S/Inputs/bad-model.yaml'}}"
// BAD: warning: model file ignored: {{.*}}bad-model.yaml:4:11: {{.*}}satellite{{.*}} [clang-tidy-config]

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>

int read_packet(int fd, char *buf, int n);
void run_remote(const char *host, const char *cmd);
void copy_field(char *dst, const char *src);
char *shell_quote(const char *s);
int is_safe_host(const char *s);
void die(const char *why);

void user_source(int fd) {
  char buf[256];
  read_packet(fd, buf, sizeof buf);
  system(buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'read_packet' at line [[#@LINE-2]]
}

void user_sink_and_propagator(void) {
  char cmd[64];
  copy_field(cmd, getenv("CMD"));
  run_remote("db1", cmd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'run_remote' contains data read by 'getenv' at line [[#@LINE-2]]
  // BAD-NOT: :[[@LINE-2]]:3: warning
}

void disabled_builtin(void) {
  popen(getenv("CMD"), "r");
  // BAD: :[[@LINE-1]]:3: warning: command passed to 'popen' contains data read by 'getenv'
}

// --- Clean with the model ---

void user_sanitizer_and_validator(int fd) {
  char buf[256];
  read_packet(fd, buf, sizeof buf);
  system(shell_quote(buf));
  if (is_safe_host(buf))
    run_remote("db1", buf);
}

// die() does not return (the model file says so; its declaration does
// not): the loop rejects every host that is not letters and digits.
void user_noreturn(void) {
  char *host = getenv("HOST");
  for (const char *p = host; *p; ++p)
    if (!isalnum((unsigned char)*p))
      die("bad host");
  system(host);
  // BAD: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'getenv'
}
