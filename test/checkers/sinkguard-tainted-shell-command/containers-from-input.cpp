// Containers built from the input: a vector made from argv's range (its
// constructor's body, in a system header, is the model's business), a
// lambda called with its elements, a map's values.
//
// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t

#include <cstdlib>
#include <map>
#include <string>
#include <vector>

int main(int argc, char **argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  for (const auto &a : args)
    std::system(a.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: command passed to 'system' contains data from 'argv' at line [[#@LINE-4]] [sinkguard-tainted-shell-command]
  auto run = [](const std::string &cmd) { std::system(cmd.c_str()); };
  // CHECK-MESSAGES: :[[@LINE-1]]:43: warning: command passed to 'system' contains data from 'argv' at line [[#@LINE-6]] [sinkguard-tainted-shell-command]
  if (!args.empty())
    run(args.front());
  return 0;
}

void from_map() {
  std::map<std::string, std::string> env;
  env["editor"] = std::getenv("EDITOR");
  std::system(env["editor"].c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'getenv' at line [[#@LINE-2]] [sinkguard-tainted-shell-command]
}

// --- Clean ---

void fixed_list() {
  const char *names[] = {"uptime", "date"};
  std::vector<std::string> cmds(names, names + 2);
  for (const auto &c : cmds)
    std::system(c.c_str());
}
