// C++: a global (a std::string at namespace scope, a static data member)
// that one function stores untrusted data in and another runs: found one
// file at a time, whichever function comes first.
//
// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t

#include <cstdlib>
#include <string>

namespace deploy {

std::string target_host;

void push() {
  std::string cmd = "scp build.tgz " + target_host + ":";
  std::system(cmd.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'getenv' at line [[#@LINE+4]] [sinkguard-tainted-shell-command]
}

void configure() {
  if (const char *h = std::getenv("DEPLOY_HOST"))
    target_host = h;
}

} // namespace deploy

class Hooks {
public:
  static const char *on_exit;
  static void remember(const char *cmd) { on_exit = cmd; }
  static void run() { std::system(on_exit); }
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: command passed to 'system' contains data read by 'getenv' at line [[#@LINE+5]] [sinkguard-tainted-shell-command]
};
const char *Hooks::on_exit = "true";

void install_hooks() {
  Hooks::remember(std::getenv("ON_EXIT"));
}

// --- Clean ---

namespace tools {
std::string compressor = "gzip";
void use_fast() { compressor = "lz4"; }
void compress() { std::system(compressor.c_str()); }
} // namespace tools
