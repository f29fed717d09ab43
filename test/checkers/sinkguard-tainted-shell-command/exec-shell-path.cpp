// C++: a shell whose path is a variable (a member, a std::string) given
// "-c" as argv[1] runs argv[2] as a command line; a compiler given "-c"
// does not.
//
// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t

#include <cstdlib>
#include <pwd.h>
#include <spawn.h>
#include <string>
#include <unistd.h>

class Runner {
public:
  explicit Runner(const std::string &Shell) : Shell(Shell) {}
  void runFromEnvironment() {
    const char *cmd = std::getenv("CMD");
    execl(Shell.c_str(), Shell.c_str(), "-c", cmd, nullptr);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: command passed to 'execl' contains data read by 'getenv' at line [[#@LINE-2]]
  }
  void runFixed() { execl(Shell.c_str(), Shell.c_str(), "-c", "true", nullptr); }

private:
  std::string Shell;
};

void vector_of_login_shell(const passwd *pw) {
  const char *argv[] = {"-sh", "-c", std::getenv("CMD"), nullptr};
  execv(pw->pw_shell, const_cast<char *const *>(argv));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'execv' contains data read by 'getenv' at line [[#@LINE-2]]
}

void spawn_element_by_element(const std::string &shell) {
  const char *argv[4];
  argv[0] = shell.c_str();
  argv[1] = "-c";
  argv[2] = std::getenv("CMD");
  argv[3] = nullptr;
  pid_t pid;
  posix_spawnp(&pid, shell.c_str(), nullptr, nullptr,
               const_cast<char *const *>(argv), environ);
  // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: command passed to 'posix_spawnp' contains data read by 'getenv' at line [[#@LINE-5]]
}

// --- Not a shell, or nothing untrusted in the command. ---

void compiler(const std::string &cc) {
  const char *argv[] = {"c++", "-c", "--", std::getenv("SRC"), nullptr};
  execv(cc.c_str(), const_cast<char *const *>(argv));
  execl("/usr/bin/g++", "g++", "-c", "--", std::getenv("SRC"), nullptr);
}

void fixed_command(const passwd *pw) {
  const char *argv[] = {"-sh", "-c", "exec uptime", nullptr};
  execv(pw->pw_shell, const_cast<char *const *>(argv));
}
