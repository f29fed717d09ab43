// C++: a function or a lambda passed to a helper that calls it with the
// data passed beside it.
//
// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t

#include <cstdlib>
#include <string>

namespace {

void shell_main(const char *cmd) {
  std::system(cmd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'getenv' at line [[#@LINE+11]] [sinkguard-tainted-shell-command]
}
void print_main(const char *cmd) { (void)cmd; }

void run_child(void (*fn)(const char *), const char *data) { fn(data); }

template <class F> void with_value(const std::string &v, F f) { f(v); }

} // namespace

void start() {
  if (const char *cmd = std::getenv("START"))
    run_child(shell_main, cmd);
}

void start_lambda() {
  std::string cmd = std::getenv("HOOK");
  with_value(cmd, [](const std::string &c) { std::system(c.c_str()); });
  // CHECK-MESSAGES: :[[@LINE-1]]:46: warning: command passed to 'system' contains data read by 'getenv' at line [[#@LINE-2]] [sinkguard-tainted-shell-command]
}

// --- Clean ---

void print_only() {
  if (const char *cmd = std::getenv("START"))
    run_child(print_main, cmd);
}

void lambda_fixed() {
  with_value(std::string("uptime"),
             [](const std::string &c) { std::system(c.c_str()); });
}
