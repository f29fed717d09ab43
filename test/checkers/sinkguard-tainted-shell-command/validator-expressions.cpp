// A validator that returns the value of a condition, in C++:
// `return verb == "start" || verb == "stop";` on std::string. A
// condition true for other texts does not validate.
//
// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t

#include <cstdlib>
#include <string>

static bool is_verb(const std::string &verb) {
  return verb == "start" || verb == "stop" || verb == "status";
}

static bool is_verb_or_empty(const std::string &verb) {
  return verb == "start" || verb.empty();
}

static bool is_verb_not(const std::string &verb) {
  return !(verb != "start" && verb != "stop");
}

static bool is_verb_or_anything(const std::string &verb) {
  return verb == "start" || verb != "stop";
}

void run(const std::string &verb) {
  if (!is_verb(verb))
    return;
  std::system(("service x " + verb).c_str());
}

void run_not(const std::string &verb) {
  if (is_verb_not(verb))
    std::system(("service x " + verb).c_str());
}

void run_or_empty(const std::string &verb) {
  if (!is_verb_or_empty(verb))
    return;
  std::system(("service x " + verb).c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data from 'argv' at line 50 [sinkguard-tainted-shell-command]
}

void run_anything(const std::string &verb) {
  if (is_verb_or_anything(verb))
    std::system(("service x " + verb).c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: command passed to 'system' contains data from 'argv' at line 50 [sinkguard-tainted-shell-command]
}

int main(int argc, char **argv) {
  if (argc < 2)
    return 1;
  run(argv[1]);
  run_not(argv[1]);
  run_or_empty(argv[1]);
  run_anything(argv[1]);
  return 0;
}
