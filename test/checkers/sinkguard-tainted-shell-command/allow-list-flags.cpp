// An allow-list check that sets a flag, and the flag tested before the
// sink (C++ shapes: std::string compared with literals, a range-for over a
// table, a bool flag). A flag assigned again, a text changed after the
// check, or a check of another text still reach the sink.
//
// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

static const char *const kAllowed[] = {"uptime", "date", "who"};

struct Verb {
  const char *name;
  int level;
};
static const Verb kVerbs[] = {{"start", 1}, {"stop", 2}};

void flag_then_changed() {
  std::string cmd = std::getenv("CMD");
  bool ok = false;
  for (int i = 0; i < 3; i++)
    if (cmd == kAllowed[i])
      ok = true;
  cmd += std::getenv("ARGS");
  if (ok)
    std::system(cmd.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: command passed to 'system'
  // contains data read by 'getenv' at line 22 [sinkguard-tainted-shell-command]
}

void flag_set_again() {
  std::string cmd = std::getenv("CMD");
  bool ok = false;
  for (int i = 0; i < 3; i++)
    if (cmd == kAllowed[i])
      ok = true;
  ok = std::getenv("FORCE") != nullptr;
  if (ok)
    std::system(cmd.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: command passed to 'system'
  // contains data read by 'getenv' at line [[#@LINE-8]]
  // [sinkguard-tainted-shell-command]
}

void flag_for_another_text(const char *other) {
  std::string cmd = std::getenv("CMD");
  bool ok = false;
  for (const char *a : kAllowed)
    if (std::strcmp(other, a) == 0)
      ok = true;
  if (ok)
    std::system(cmd.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: command passed to 'system'
  // contains data read by 'getenv' at line [[#@LINE-7]]
  // [sinkguard-tainted-shell-command]
}

void flag_inverted() {
  const char *cmd = std::getenv("CMD");
  bool listed = false;
  for (const char *a : kAllowed)
    if (std::strcmp(cmd, a) == 0)
      listed = true;
  if (listed)
    return;
  std::system(cmd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system'
  // contains data read by 'getenv' at line [[#@LINE-8]]
  // [sinkguard-tainted-shell-command]
}

void index_before_the_end() {
  std::string cmd = std::getenv("CMD");
  unsigned i;
  for (i = 0; i < 3; i++)
    if (cmd == kAllowed[i])
      break;
  if (i < 3)
    return;
  std::system(cmd.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system'
  // contains data read by 'getenv' at line [[#@LINE-8]]
  // [sinkguard-tainted-shell-command]
}

// --- Clean ---

void flag_of_a_string() {
  std::string cmd = std::getenv("CMD");
  bool ok = false;
  for (int i = 0; i < 3; i++)
    if (cmd == kAllowed[i]) {
      ok = true;
      break;
    }
  if (!ok)
    return;
  std::system(cmd.c_str());
}

void flag_of_a_range_for() {
  const char *cmd = std::getenv("CMD");
  bool ok = false;
  for (const char *a : kAllowed)
    if (std::strcmp(cmd, a) == 0)
      ok = true;
  if (ok)
    std::system(cmd);
}

void range_for_without_flag() {
  const char *cmd = std::getenv("CMD");
  for (const char *a : kAllowed)
    if (std::strcmp(a, cmd) == 0) {
      std::system(cmd);
      return;
    }
}

void flag_of_a_record_table() {
  std::string verb = std::getenv("VERB");
  bool known = false;
  for (unsigned i = 0; i < sizeof kVerbs / sizeof kVerbs[0]; i++)
    if (verb == kVerbs[i].name)
      known = true;
  if (!known)
    return;
  std::system(("service app " + verb).c_str());
}

void index_at_the_end() {
  std::string cmd = std::getenv("CMD");
  unsigned i;
  for (i = 0; i != 3; ++i)
    if (cmd == kAllowed[i])
      break;
  if (i >= 3)
    return;
  std::system(cmd.c_str());
}
