// Functions marked in source with annotate("sinkguard::...").
// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t

#include <stdlib.h>
#include <string.h>

__attribute__((annotate("sinkguard::source"))) const char *read_token(void);
__attribute__((annotate("sinkguard::source"))) void read_into(char *buf, int n);
__attribute__((annotate("sinkguard::sink"))) void run_remote(const char *cmd);
__attribute__((annotate("sinkguard::sanitizer"))) char *shell_escape(const char *s);
__attribute__((annotate("sinkguard::sanitizer"))) int is_safe_token(const char *s);

void annotated_source(void) {
  system(read_token());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'read_token' at line [[#@LINE-1]]
}

void annotated_out_parameter_source(void) {
  char buf[64];
  read_into(buf, sizeof buf);
  system(buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'read_into' at line [[#@LINE-2]]
}

void annotated_sink(void) {
  run_remote(getenv("CMD"));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'run_remote' contains data read by 'getenv' at line [[#@LINE-1]]
}

// --- Clean ---

void annotated_sanitizer(void) {
  system(shell_escape(getenv("CMD")));
  run_remote(shell_escape(read_token()));
}

void annotated_validator(void) {
  const char *t = read_token();
  if (is_safe_token(t))
    system(t);
}

void unannotated_function_is_not_a_source(const char *(*get)(void)) {
  system(get());
}
