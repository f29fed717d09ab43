// A conditional expression whose condition validates the side it picks, in
// C++ shapes: a member initialised with `is_safe(c) ? c : "true"` and used
// by another method, std::string sides. The other side, an inverted test
// or a test of another text still reach the sink.
//
// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t

#include <cstdlib>
#include <cstring>
#include <string>

static const char *const kAllowed[] = {"uptime", "date", nullptr};

static bool is_safe(const char *c) {
  for (int i = 0; kAllowed[i]; i++)
    if (std::strcmp(c, kAllowed[i]) == 0)
      return true;
  return false;
}

static bool is_safe_name(const std::string &c) {
  return c == "uptime" || c == "date";
}

class Runner {
public:
  explicit Runner(const char *c) : cmd_(is_safe(c) ? c : "true") {}
  void run() const { std::system(cmd_); }

private:
  const char *cmd_;
};

class Refused {
public:
  explicit Refused(const char *c) : cmd_(is_safe(c) ? "true" : c) {}
  void run() const { std::system(cmd_); }
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: command passed to 'system' contains data from 'argv' at line 68 [sinkguard-tainted-shell-command]

private:
  const char *cmd_;
};

void string_sides(const std::string &name) {
  std::string cmd = is_safe_name(name) ? name : std::string("date");
  std::system(cmd.c_str());
}

void string_inverted(const std::string &name) {
  std::string cmd = !is_safe_name(name) ? name : std::string("date");
  std::system(cmd.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data from 'argv' at line 68 [sinkguard-tainted-shell-command]
}

void direct(const char *c) { std::system(is_safe(c) ? c : "true"); }

void other_text(const char *c, const char *d) {
  std::system(is_safe(d) ? c : "true");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data from 'argv' at line 68 [sinkguard-tainted-shell-command]
}

void both_sides_input(const char *c, const char *d) {
  const char *run = is_safe(c) ? c : d;
  std::system(run);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data from 'argv' at line 68 [sinkguard-tainted-shell-command]
}

int main(int argc, char **argv) {
  if (argc < 3)
    return 1;
  Runner(argv[1]).run();
  Refused(argv[1]).run();
  string_sides(argv[1]);
  string_inverted(argv[1]);
  direct(argv[1]);
  other_text(argv[1], argv[2]);
  both_sides_input(argv[1], argv[2]);
  return 0;
}
