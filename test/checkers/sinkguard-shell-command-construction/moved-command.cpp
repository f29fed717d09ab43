// A command moved from one string to another (std::move) is the command
// that was built: assembled from non-constant text, it is reported; built
// from literals, it is not.
//
// RUN: %check_sinkguard %s sinkguard-shell-command-construction %t

#include <cstdlib>
#include <string>
#include <utility>

void moved_assembled(const char *dir) {
  std::string cmd = std::string("ls ") + dir;
  std::string run = std::move(cmd);
  std::system(run.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: shell command passed to 'system' is assembled from non-constant data ('dir'); run the program with an argument vector (execv, posix_spawn) instead of a shell [sinkguard-shell-command-construction]
}

void moved_assigned(const std::string &file) {
  std::string cmd = "cat " + file;
  std::string run;
  run = std::move(cmd);
  std::system(run.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: shell command passed to 'system' is assembled from non-constant data ('file'); run the program with an argument vector (execv, posix_spawn) instead of a shell [sinkguard-shell-command-construction]
}

void moved_constant() {
  std::string cmd = "ls -l";
  std::string run = std::move(cmd);
  std::system(run.c_str());
}

void moved_constant_parts() {
  std::string cmd = std::string("uptime") + " -p";
  std::string run;
  run = std::move(cmd);
  std::system(run.c_str());
}
