// A helper that reads into the caller's string or buffer and returns
// whether it succeeded is a source, not a validator. A helper that reads
// and then accepts only safe text does validate it.
//
// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>

static bool next_command(std::string &out) {
  if (!std::getline(std::cin, out))
    return false;
  return !out.empty();
}

static bool read_into(char *buf, std::size_t size, std::FILE *f) {
  if (!std::fgets(buf, static_cast<int>(size), f))
    return false;
  return true;
}

static bool next_safe_command(std::string &out) {
  if (!std::getline(std::cin, out))
    return false;
  return out.find_first_not_of("abcdefghijklmnopqrstuvwxyz") ==
         std::string::npos;
}

void command_checked_for_success() {
  std::string cmd;
  if (!next_command(cmd))
    return;
  std::system(cmd.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system'
  // contains data read by 'getline' at line 14
  // [sinkguard-tainted-shell-command]
}

void buffer_checked_for_success(std::FILE *f) {
  char buf[64];
  if (read_into(buf, sizeof buf, f))
    std::system(buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: command passed to 'system'
  // contains data read by 'fgets' at line 20 [sinkguard-tainted-shell-command]
}

// --- Clean ---

void safe_command() {
  std::string cmd;
  if (next_safe_command(cmd))
    std::system(cmd.c_str());
}

void read_but_not_run(std::FILE *f) {
  char buf[64];
  if (read_into(buf, sizeof buf, f))
    std::system("uptime");
}
