// C++: std::thread, std::jthread and std::async call the callable they are
// given (a function or a lambda) with the arguments after it, and after
// std::async's launch policy. A thread running a function that does not
// run its argument, or a lambda with a fixed command, is clean.
//
// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t

#include <cstdlib>
#include <future>
#include <string>
#include <thread>

static void run_command(const char *cmd) { std::system(cmd); }
// CHECK-MESSAGES: :[[@LINE-1]]:44: warning: command passed to 'system' contains data read by 'getenv' at line 28 [sinkguard-tainted-shell-command]

static int run_string(int tries, const std::string &cmd) {
  return tries * std::system(cmd.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: command passed to 'system' contains data read by 'getenv' at line 28 [sinkguard-tainted-shell-command]
}

static void log_only(const char *cmd) { (void)cmd; }

static int run_fixed(const std::string &label) {
  return std::system("uptime") + static_cast<int>(label.size());
}

void start() {
  const char *hook = std::getenv("HOOK");
  if (!hook)
    return;
  std::string cmd = hook;

  std::thread worker(run_command, hook);
  worker.join();

  auto status = std::async(std::launch::async, run_string, 2, cmd);
  status.get();

  std::jthread watcher([cmd] { std::system(cmd.c_str()); });
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: command passed to 'system' contains data read by 'getenv' at line 28 [sinkguard-tainted-shell-command]

  // --- Clean ---
  std::thread logger(log_only, hook);
  logger.join();
  auto fixed = std::async(run_fixed, cmd);
  fixed.get();
  std::thread ticker([&cmd] { std::system(cmd.empty() ? "true" : "date"); });
  ticker.join();
}
