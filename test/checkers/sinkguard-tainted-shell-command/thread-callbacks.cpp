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

class Worker {
public:
  explicit Worker(const char *cmd) : cmd_(cmd) {}
  void run() { std::system(cmd_); }
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: command passed to 'system' contains data read by 'getenv' at line 71 [sinkguard-tainted-shell-command]
  void run_with(const char *extra) {
    std::system(label_);
    (void)extra;
  }
  void start() {
    std::thread t(&Worker::run, this);
    t.join();
  }

private:
  const char *cmd_;
  const char *label_ = "uptime";
};

void start_worker() {
  Worker w(std::getenv("WORKER"));
  w.start();
  // --- Clean: the method runs a fixed command; the argument is not run.
  std::thread t(&Worker::run_with, &w, std::getenv("EXTRA"));
  t.join();
}
