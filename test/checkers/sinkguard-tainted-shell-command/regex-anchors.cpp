// C++ twin of regex-anchors.c: std::regex_match matches the whole text;
// std::regex_search only validates with a pattern anchored at both ends
// (`^...$`, not multiline), whether the std::regex is built in the call or
// kept in a variable.
//
// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t

#include <cstdlib>
#include <regex>
#include <string>

static const std::regex kName("^[a-z][a-z0-9_]*$");
static const std::regex kLoose("[a-z]+");

// --- Flagged ---

void search_loose() {
  std::string cmd = std::getenv("CMD");
  if (std::regex_search(cmd, kLoose))
    std::system(cmd.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: command passed to 'system' contains data read by 'getenv' at line [[#@LINE-3]] [sinkguard-tainted-shell-command]
}

void search_end_only() {
  std::string cmd = std::getenv("CMD");
  if (std::regex_search(cmd, std::regex("[a-z]+$")))
    std::system(cmd.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: command passed to 'system' contains data read by 'getenv' at line [[#@LINE-3]] [sinkguard-tainted-shell-command]
}

void search_pattern_unknown(const std::regex &re) {
  std::string cmd = std::getenv("CMD");
  if (std::regex_search(cmd, re))
    std::system(cmd.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: command passed to 'system' contains data read by 'getenv' at line [[#@LINE-3]] [sinkguard-tainted-shell-command]
}

// --- Clean ---

void search_anchored() {
  std::string cmd = std::getenv("CMD");
  if (std::regex_search(cmd, kName))
    std::system(cmd.c_str());
}

void search_anchored_temporary() {
  std::string cmd = std::getenv("CMD");
  if (!std::regex_search(cmd, std::regex("^(ls|date)$")))
    return;
  std::system(cmd.c_str());
}

void match_whole() {
  std::string cmd = std::getenv("CMD");
  if (std::regex_match(cmd, kLoose))
    std::system(cmd.c_str());
}
