// A std::function calls what it holds: a local initialised with (or
// assigned) a lambda or a function, and a std::function parameter bound to
// the lambda or function its caller passes. Data given to the call reaches
// the lambda's or function's parameters.
//
// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t

#include <cstdlib>
#include <functional>
#include <string>

static void run_shell(const char *cmd) { std::system(cmd); }
// CHECK-MESSAGES: :[[@LINE-1]]:42: warning: command passed to 'system' contains data from 'argv' at line 49 [sinkguard-tainted-shell-command]

static void log_only(const char *msg) { (void)msg; }

static void with_callback(const std::function<void(const char *)> &cb,
                          const char *arg) {
  cb(arg);
}

static void local_lambda(const char *arg) {
  std::function<void(const char *)> f = [](const char *c) {
    std::system(c);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: command passed to 'system' contains data from 'argv' at line 49 [sinkguard-tainted-shell-command]
  };
  f(arg);
}

static void assigned_later(const std::string &arg) {
  std::function<int(const std::string &)> g;
  g = [](const std::string &s) { return std::system(s.c_str()); };
  // CHECK-MESSAGES: :[[@LINE-1]]:41: warning: command passed to 'system' contains data from 'argv' at line 49 [sinkguard-tainted-shell-command]
  g(arg);
}

static void clean_cases(const char *arg) {
  // Holds a function that runs no shell.
  std::function<void(const char *)> quiet = log_only;
  quiet(arg);
  // Holds a shell runner, given a constant command.
  std::function<void(const char *)> fixed = run_shell;
  fixed("date");
  // A callback that logs, given the argument.
  with_callback(log_only, arg);
  with_callback([](const char *m) { (void)m; }, arg);
}

int main(int argc, char **argv) {
  if (argc < 2)
    return 1;
  local_lambda(argv[1]);
  assigned_later(argv[1]);
  clean_cases(argv[1]);
  // A function, and a lambda, passed for the callback parameter.
  with_callback(run_shell, argv[1]);
  with_callback([](const char *c) { std::system(c); }, argv[1]);
  // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: command passed to 'system' contains data from 'argv' at line 49 [sinkguard-tainted-shell-command]
  return 0;
}
