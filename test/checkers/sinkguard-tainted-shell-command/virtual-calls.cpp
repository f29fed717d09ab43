// A virtual call through a pointer or reference of the base type: each
// override the file defines may run. A call whose object's type is known,
// or that names its class, runs that one function.
//
// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t

#include <cstdio>
#include <cstdlib>

class Action {
public:
  virtual ~Action() {}
  virtual void apply(const char *arg) = 0;
  virtual const char *describe() { return "action"; }
};

class Print : public Action {
public:
  void apply(const char *arg) override { std::printf("%s\n", arg); }
};

class Exec : public Action {
public:
  void apply(const char *arg) override {
    std::system(arg);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: command passed to 'system' contains data read by 'getenv' at line [[#@LINE+16]] [sinkguard-tainted-shell-command]
  }
};

class FromEnv : public Action {
public:
  void apply(const char *arg) override { (void)arg; }
  const char *describe() override { return std::getenv("ACTION_DESC"); }
};

void run_all(Action **actions, int n, const char *arg) {
  for (int i = 0; i < n; i++)
    actions[i]->apply(arg);
}

void from_environment(Action **actions, int n) {
  run_all(actions, n, std::getenv("ACTION_ARG"));
}

void describe(Action &a) {
  std::system(a.describe());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'getenv' at line [[#@LINE-14]] [sinkguard-tainted-shell-command]
}

// --- Clean ---

// The object's type is known: Print's apply runs.
void print_only() {
  Print p;
  p.apply(std::getenv("ACTION_ARG"));
}

// The call names the base: its describe returns a constant.
class Logged : public FromEnv {
public:
  void log() { std::system(Action::describe()); }
};
