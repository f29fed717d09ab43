// A model file may name a member holding a function pointer as a source:
// `net::Channel::receive`, whatever function the program stores there.
//
// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t -- \
// RUN:   -config="{CheckOptions: {sinkguard-tainted-shell-command.ModelFile: '%S/Inputs/field-model.yaml'}}"

#include <cstdlib>
#include <string>

namespace net {
struct Channel {
  bool (*receive)(std::string &into);
  bool (*send)(const std::string &what);
};
} // namespace net

// --- Flagged ---

void run_received(const net::Channel &ch) {
  std::string cmd;
  if (!ch.receive(cmd))
    return;
  std::system(cmd.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'receive' at line [[#@LINE-3]] [sinkguard-tainted-shell-command]
}

// --- Clean ---

void run_sent(const net::Channel &ch) {
  std::string cmd = "uptime";
  if (!ch.send(cmd))
    return;
  std::system(cmd.c_str());
}
