// Checks that make a command safe when they dominate the sink: membership
// in a fixed (const) set or map (count, contains, find != end), a full
// std::regex_match, an address inet_pton accepted. Checks that do not:
// std::regex_search (a part of the text), strspn(s, SET) != 0 (the first
// character only), membership in a set the program fills itself.
//
// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t

#include <arpa/inet.h>
#include <cstdlib>
#include <cstring>
#include <map>
#include <regex>
#include <set>
#include <string>

static const std::set<std::string> kAllowed = {"uptime", "date"};
static const std::map<std::string, int> kLevels = {};

void search_only(const char *in) {
  (void)in;
  std::string cmd = std::getenv("CMD");
  if (std::regex_search(cmd, std::regex("^[a-z]+")))
    std::system(cmd.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: command passed to 'system' contains data read by 'getenv' at line [[#@LINE-3]] [sinkguard-tainted-shell-command]
}

void first_character_only() {
  const char *cmd = std::getenv("CMD");
  if (cmd && strspn(cmd, "abcdefghijklmnopqrstuvwxyz") != 0)
    std::system(cmd);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: command passed to 'system' contains data read by 'getenv' at line [[#@LINE-3]] [sinkguard-tainted-shell-command]
}

void set_filled_by_the_program() {
  std::set<std::string> seen;
  std::string cmd = std::getenv("CMD");
  seen.insert(cmd);
  if (seen.count(cmd))
    std::system(cmd.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: command passed to 'system' contains data read by 'getenv' at line [[#@LINE-4]] [sinkguard-tainted-shell-command]
}

void not_in_the_list() {
  std::string cmd = std::getenv("CMD");
  if (kAllowed.find(cmd) == kAllowed.end())
    std::system(cmd.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: command passed to 'system' contains data read by 'getenv' at line [[#@LINE-3]] [sinkguard-tainted-shell-command]
}

// --- Clean ---

void counted() {
  std::string cmd = std::getenv("CMD");
  if (kAllowed.count(cmd))
    std::system(cmd.c_str());
}

void contained() {
  std::string cmd = std::getenv("CMD");
  if (!kAllowed.contains(cmd))
    return;
  std::system(cmd.c_str());
}

void found() {
  std::string cmd = std::getenv("CMD");
  if (kAllowed.find(cmd) != kAllowed.end())
    std::system(cmd.c_str());
}

void found_in_map() {
  std::string level = std::getenv("LEVEL");
  if (kLevels.find(level) == kLevels.end())
    return;
  std::system(("logger -p " + level).c_str());
}

void full_match() {
  std::string host = std::getenv("HOST");
  if (!std::regex_match(host, std::regex("[a-z0-9.-]+")))
    return;
  std::system(("ping -c1 " + host).c_str());
}

void numeric_address() {
  const char *host = std::getenv("HOST");
  unsigned char buf[16];
  if (!host || inet_pton(AF_INET, host, buf) != 1)
    return;
  std::string cmd = std::string("ping -c1 ") + host;
  std::system(cmd.c_str());
}
