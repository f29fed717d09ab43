// A std::function kept in a member calls what the program stores there:
// a lambda or function assigned to the member in any method, given to its
// constructor's initializer, its default member initializer, or passed to
// a setter that stores its parameter in the member. The call may be in
// another method than the store.
//
// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t

#include <cstdlib>
#include <functional>
#include <string>
#include <utility>

static void run_shell(const char *cmd) { std::system(cmd); }
// CHECK-MESSAGES: :[[@LINE-1]]:42: warning: command passed to 'system' contains data from 'argv' at line 88 [sinkguard-tainted-shell-command]

static void run_fixed(const char *cmd) { std::system(cmd); }

static void log_only(const char *msg) { (void)msg; }

class Dispatcher {
public:
  void on_command(std::function<void(const std::string &)> h) {
    handler_ = std::move(h);
  }
  void run() {
    const char *line = std::getenv("COMMAND");
    if (line)
      handler_(line);
  }

private:
  std::function<void(const std::string &)> handler_;
};

class Server {
public:
  explicit Server(std::function<void(const char *)> exec)
      : exec_(std::move(exec)) {}
  void serve(const char *request) { exec_(request); }

private:
  std::function<void(const char *)> exec_;
};

struct Hooks {
  std::function<int(const std::string &)> on_line;
  std::function<std::string()> read_command;
  std::function<void(const char *)> fixed = run_fixed;
  std::function<void(const char *)> quiet = log_only;

  void configure() {
    on_line = [](const std::string &s) { return std::system(s.c_str()); };
    // CHECK-MESSAGES: :[[@LINE-1]]:49: warning: command passed to 'system' contains data from 'argv' at line 88 [sinkguard-tainted-shell-command]
    read_command = [] { return std::string(std::getenv("HOOK")); };
  }
  void process(const std::string &input) { on_line(input); }
  void execute() {
    std::string cmd = read_command();
    std::system(cmd.c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: command passed to 'system' contains data read by 'getenv' at line 55 [sinkguard-tainted-shell-command]
  }
  void constant() { fixed("date"); }
  void logged(const char *arg) { quiet(arg); }
};

// A plain struct whose member the caller fills.
struct Context {
  std::function<const char *()> source;
  std::function<const char *()> constant;
};

static void use_context(Context &ctx) {
  std::system(ctx.source());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'getenv' at line 104 [sinkguard-tainted-shell-command]
  std::system(ctx.constant());
}

class Logger {
public:
  void set_sink(std::function<void(const char *)> s) { sink_ = s; }
  void write(const char *msg) { sink_(msg); }

private:
  std::function<void(const char *)> sink_;
};

int main(int argc, char **argv) {
  if (argc < 2)
    return 1;
  Dispatcher d;
  d.on_command([](const std::string &c) { std::system(c.c_str()); });
  // CHECK-MESSAGES: :[[@LINE-1]]:43: warning: command passed to 'system' contains data read by 'getenv' at line 27 [sinkguard-tainted-shell-command]
  d.run();
  Server srv(run_shell);
  srv.serve(argv[1]);
  Hooks h;
  h.configure();
  h.process(argv[1]);
  h.execute();
  h.constant();
  h.logged(argv[1]);
  Context ctx;
  ctx.source = [] { return std::getenv("CONTEXT"); };
  ctx.constant = [] { return "uptime"; };
  use_context(ctx);
  // A member that only ever holds a logger: the argument goes nowhere.
  Logger log;
  log.set_sink(log_only);
  log.set_sink([](const char *m) { (void)m; });
  log.write(argv[1]);
  return 0;
}
