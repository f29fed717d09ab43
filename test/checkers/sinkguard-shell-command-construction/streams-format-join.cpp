// Commands assembled with a std::ostringstream (`os << ... ; os.str()`),
// with std::format, or joined by a helper from a container of strings are
// reported when a part is not constant: a number, a literal, or a
// container of literals is constant.
//
// RUN: %check_sinkguard %s sinkguard-shell-command-construction %t

#include <cstdio>
#include <cstdlib>
#include <format>
#include <sstream>
#include <string>
#include <vector>

static std::string join(const std::vector<std::string> &words) {
  std::string line;
  for (const std::string &w : words) {
    line += w;
    line += ' ';
  }
  return line;
}

void stream_direct(const char *user) {
  std::ostringstream os;
  os << "grep " << user << " /etc/passwd";
  std::system(os.str().c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: shell command passed to 'system' is assembled from non-constant data ('user'); run the program with an argument vector (execv, posix_spawn) instead of a shell [sinkguard-shell-command-construction]
}

void stream_copied(const std::string &dir) {
  std::ostringstream os;
  os << "ls " << dir;
  std::string cmd = os.str();
  FILE *p = popen(cmd.c_str(), "r");
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: shell command passed to 'popen' is assembled from non-constant data ('dir'); run the program with an argument vector (execv, posix_spawn) instead of a shell [sinkguard-shell-command-construction]
  pclose(p);
}

void stream_number(int port) {
  std::ostringstream os;
  os << "ss -ltn sport = :" << port;
  std::system(os.str().c_str());
}

void formatted(const char *user) {
  std::string cmd = std::format("id {}", user);
  std::system(cmd.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: shell command passed to 'system' is assembled from non-constant data ('user'); run the program with an argument vector (execv, posix_spawn) instead of a shell [sinkguard-shell-command-construction]
}

void formatted_number(int pid) {
  std::system(std::format("kill -0 {}", pid).c_str());
}

void joined(const char *file) {
  std::vector<std::string> words{"wc", "-l", file};
  std::system(join(words).c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: shell command passed to 'system' is assembled from non-constant data ('file'); run the program with an argument vector (execv, posix_spawn) instead of a shell [sinkguard-shell-command-construction]
}

void joined_literals() {
  const std::vector<std::string> words{"uname", "-a"};
  std::system(join(words).c_str());
}
