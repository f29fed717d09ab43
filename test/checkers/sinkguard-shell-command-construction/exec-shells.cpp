// C++: a std::string command run by a shell that exec* or posix_spawn*
// starts with -c, whether the shell's path is a literal or a member, is
// reported as system's is; a compiler given -c is no shell.
//
// RUN: %check_sinkguard %s sinkguard-shell-command-construction %t

#include <spawn.h>
#include <string>
#include <unistd.h>

class Tunnel {
public:
  Tunnel(const std::string &Shell, const std::string &Proxy)
      : Shell(Shell), Proxy(Proxy) {}
  void connect(const std::string &host) {
    std::string cmd = Proxy + " " + host;
    execl(Shell.c_str(), Shell.c_str(), "-c", cmd.c_str(), nullptr);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: shell command passed to 'execl' is assembled from non-constant data ('Proxy', 'host'); run the program with an argument vector (execv, posix_spawn) instead of a shell [sinkguard-shell-command-construction]
    // CHECK-MESSAGES: :[[@LINE-3]]:35: note: 'operator+' concatenates 'Proxy', 'host' into the command
  }
  void connectFixed() {
    execl(Shell.c_str(), Shell.c_str(), "-c", "exec nc localhost 22",
          nullptr);
  }

private:
  std::string Shell;
  std::string Proxy;
};

void archive(const std::string &dir) {
  std::string cmd = "tar czf /tmp/backup.tgz ";
  cmd += dir;
  const char *argv[] = {"sh", "-c", cmd.c_str(), nullptr};
  pid_t pid;
  posix_spawnp(&pid, "sh", nullptr, nullptr, const_cast<char *const *>(argv),
               environ);
  // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: shell command passed to 'posix_spawnp' is assembled from non-constant data ('dir'){{.*}}
  // CHECK-MESSAGES: :[[@LINE-6]]:7: note: 'operator+=' appends 'dir' into the command
}

void bash_vector(const std::string &name) {
  std::string cmd = "id " + name;
  const char *argv[] = {"bash", "-c", cmd.c_str(), nullptr};
  execv("/bin/bash", const_cast<char *const *>(argv));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: shell command passed to 'execv' is assembled from non-constant data ('name'){{.*}}
}

// --- Clean ---

void compile(const std::string &cxx, const std::string &src) {
  std::string obj = src + ".o";
  execl("/usr/bin/g++", "g++", "-c", src.c_str(), "-o", obj.c_str(), nullptr);
  const char *argv[] = {"c++", "-c", obj.c_str(), nullptr};
  execv(cxx.c_str(), const_cast<char *const *>(argv));
}

void list(const std::string &dir) {
  std::string path = dir + "/";
  execlp("ls", "ls", "-l", "--", path.c_str(), nullptr);
}
