// An allow-list scan without a break, in C++ shapes: a std::string
// compared with the entries of a table in the loop's condition, and the
// index tested against the table's end after it. A scan that stops where
// the text differs, an inverted test, or a text changed after the check
// still reach the sink.
//
// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t

#include <cstdlib>
#include <cstring>
#include <string>

static const char *const kVerbs[] = {"start", "stop", "status"};
constexpr std::size_t kCount = sizeof kVerbs / sizeof kVerbs[0];

void scan_string(const std::string &verb) {
  std::size_t i = 0;
  while (i < kCount && verb != kVerbs[i])
    ++i;
  if (i == kCount)
    return;
  std::system(("service " + verb).c_str());
}

void scan_for(const char *verb) {
  std::size_t i;
  for (i = 0; i != kCount && std::strcmp(verb, kVerbs[i]) != 0; ++i) {
  }
  if (i >= kCount)
    return;
  std::system(verb);
}

void scan_inverted(const std::string &verb) {
  std::size_t i = 0;
  while (i < kCount && verb != kVerbs[i])
    ++i;
  if (i != kCount)
    return;
  std::system(verb.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data from 'argv' at line 65 [sinkguard-tainted-shell-command]
}

void scan_where_equal(const std::string &verb) {
  std::size_t i = 0;
  while (i < kCount && verb == kVerbs[i])
    ++i;
  if (i == kCount)
    return;
  std::system(verb.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data from 'argv' at line 65 [sinkguard-tainted-shell-command]
}

void scan_then_appended(std::string verb, const char *extra) {
  std::size_t i = 0;
  while (i < kCount && verb != kVerbs[i])
    ++i;
  if (i == kCount)
    return;
  verb += extra;
  std::system(verb.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data from 'argv' at line 65 [sinkguard-tainted-shell-command]
}

int main(int argc, char **argv) {
  if (argc < 3)
    return 1;
  scan_string(argv[1]);
  scan_for(argv[1]);
  scan_inverted(argv[1]);
  scan_where_equal(argv[1]);
  scan_then_appended(argv[1], argv[2]);
  return 0;
}
