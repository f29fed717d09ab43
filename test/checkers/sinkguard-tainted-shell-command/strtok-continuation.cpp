// C++: std::strtok(nullptr, d) goes on in the text its last call was given:
// a later token of an untrusted line is untrusted, of a fixed list is not.
//
// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t

#include <cstdio>
#include <cstdlib>
#include <cstring>

void second_token() {
  char line[256];
  if (!std::fgets(line, sizeof line, stdin))
    return;
  char *verb = std::strtok(line, "!");
  char *arg = std::strtok(nullptr, "!");
  if (verb && arg && std::strcmp(verb, "run") == 0)
    std::system(arg);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: command passed to 'system' contains data read by 'fgets' at line [[#@LINE-6]] [sinkguard-tainted-shell-command]
}

// --- Clean ---

void fixed_list() {
  char list[] = "uptime,date";
  for (char *cmd = std::strtok(list, ","); cmd;
       cmd = std::strtok(nullptr, ","))
    std::system(cmd);
}
