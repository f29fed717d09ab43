// C++: a lambda runs what it captured. A captured variable is a field of
// the closure: by copy or by reference, named or implicit (`[=]`, `[&]`),
// an init-capture, a closure called where it is made, kept in a variable
// or passed to a template that calls it. A lambda that captures input but
// runs a fixed command, or runs a capture validated first, is clean.
//
// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t

#include <cstdlib>
#include <cstring>
#include <string>

template <class F> void later(F &&f) { f(); }
template <class F> int twice(F f) { return f() + f(); }

static bool is_known(const std::string &c) {
  return c == "uptime" || c == "date";
}

void by_copy(const char *c) {
  auto run = [c] { std::system(c); };
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: command passed to 'system' contains data from 'argv' at line 72 [sinkguard-tainted-shell-command]
  run();
}

void by_reference(const std::string &c) {
  auto run = [&c] { std::system(c.c_str()); };
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: command passed to 'system' contains data from 'argv' at line 72 [sinkguard-tainted-shell-command]
  run();
}

void implicit_copy(const std::string &c) {
  std::string cmd = "echo " + c;
  later([=] { std::system(cmd.c_str()); });
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: command passed to 'system' contains data from 'argv' at line 72 [sinkguard-tainted-shell-command]
}

void init_capture(const char *c) {
  twice([cmd = std::string(c)] { return std::system(cmd.c_str()); });
  // CHECK-MESSAGES: :[[@LINE-1]]:41: warning: command passed to 'system' contains data from 'argv' at line 72 [sinkguard-tainted-shell-command]
}

void called_where_made(const char *c) {
  [&] { std::system(c); }();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: command passed to 'system' contains data from 'argv' at line 72 [sinkguard-tainted-shell-command]
}

// --- Clean ---

void fixed_command(const char *c) {
  auto run = [c] {
    std::system("uptime");
    return std::strlen(c);
  };
  run();
}

void validated_first(const std::string &c) {
  if (!is_known(c))
    return;
  later([&c] { std::system(c.c_str()); });
}

void other_capture(const char *c) {
  const char *fixed = "date";
  later([c, fixed] {
    std::system(fixed);
    (void)c;
  });
}

int main(int argc, char **argv) {
  if (argc < 2)
    return 1;
  const char *arg = argv[1];
  by_copy(arg);
  by_reference(arg);
  implicit_copy(arg);
  init_capture(arg);
  called_where_made(arg);
  fixed_command(arg);
  validated_first(arg);
  other_capture(arg);
  return 0;
}
