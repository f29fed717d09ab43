// The standard library's value holders keep the text they are given:
// std::pair (and its structured bindings), std::optional, std::make_pair,
// std::make_optional, and `new std::string(...)`. (Each is one object:
// what is in one part is in all.) A string's replace()
// puts its text in.
//
// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t

#include <cstdlib>
#include <optional>
#include <string>
#include <utility>

static std::optional<std::string> from_env(const char *name) {
  if (const char *v = std::getenv(name))
    return std::string(v);
  return std::nullopt;
}

static std::optional<std::string> fixed_command() {
  return std::string("uptime");
}

static void pairs(const char *arg) {
  std::pair<std::string, int> job = std::make_pair(std::string(arg), 1);
  std::system(job.first.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data from 'argv' at line 70 [sinkguard-tainted-shell-command]
  std::pair<std::string, int> both{arg, 2};
  auto [named, count] = both;
  std::system(named.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data from 'argv' at line 70 [sinkguard-tainted-shell-command]
  // A pair is one object: constant only when all of it is.
  std::pair<std::string, std::string> fixed{"date", "-u"};
  auto [program, option] = fixed;
  std::system(program.c_str());
  std::system(option.c_str());
}

static void optionals(const char *arg) {
  if (auto cmd = from_env("HOOK"))
    std::system(cmd->c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: command passed to 'system' contains data read by 'getenv' at line 15 [sinkguard-tainted-shell-command]
  std::optional<std::string> given = std::make_optional(std::string(arg));
  std::system(given.value().c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data from 'argv' at line 70 [sinkguard-tainted-shell-command]
  if (auto quiet = fixed_command())
    std::system(quiet->c_str());
}

static void replaced(const char *arg) {
  std::string cmd = "ls X";
  cmd.replace(3, 1, arg);
  std::system(cmd.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data from 'argv' at line 70 [sinkguard-tainted-shell-command]
  std::string safe = "ls X";
  safe.replace(3, 1, "/tmp");
  std::system(safe.c_str());
}

static void allocated(const char *arg) {
  std::string *cmd = new std::string(arg);
  std::system(cmd->c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data from 'argv' at line 70 [sinkguard-tainted-shell-command]
  delete cmd;
  std::string *fixed = new std::string("whoami");
  std::system(fixed->c_str());
  delete fixed;
}

int main(int argc, char **argv) {
  if (argc < 2)
    return 1;
  pairs(argv[1]);
  optionals(argv[1]);
  replaced(argv[1]);
  allocated(argv[1]);
  return 0;
}
