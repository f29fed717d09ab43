// RUN: %check_sinkguard %s sinkguard-shell-command-construction %t

#include <cstdio>
#include <cstdlib>
#include <string>

void archive(const std::string &dir) {
  std::string cmd = "tar czf /tmp/backup.tgz " + dir;
  std::system(cmd.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: shell command passed to 'system' is assembled from non-constant data ('dir'){{.*}} [sinkguard-shell-command-construction]
  // CHECK-MESSAGES: :[[@LINE-3]]:48: note: 'operator+' concatenates 'dir' into the command
}

void append(const char *user) {
  std::string cmd("finger ");
  cmd += user;
  system(cmd.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: shell command passed to 'system' is assembled from non-constant data ('user'){{.*}}
  // CHECK-MESSAGES: :[[@LINE-3]]:7: note: 'operator+=' appends 'user' into the command
}

void append_member(const std::string &host) {
  std::string cmd = "ssh ";
  cmd.append(host).append(" uptime");
  FILE *p = popen(cmd.data(), "r");
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: shell command passed to 'popen' is assembled from non-constant data ('host'){{.*}}
  // CHECK-MESSAGES: :[[@LINE-3]]:7: note: 'append' appends 'host' into the command
  pclose(p);
}

void inline_concatenation(const std::string &file) {
  system(("cat " + file).c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: shell command passed to 'system' is assembled from non-constant data ('file'){{.*}}
}

void chained(const char *a, const std::string &b) {
  std::string base = a;
  std::string cmd = base + " " + b;
  system(cmd.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: shell command passed to 'system' is assembled from non-constant data ('a', 'b'){{.*}}
  // CHECK-MESSAGES: :[[@LINE-3]]:32: note: 'operator+' concatenates 'a', 'b' into the command
}

// --- Clean ---

void literals_only() {
  std::string cmd = "ls";
  cmd += " -l";
  cmd.append(" /tmp");
  system(cmd.c_str());
  std::system("date");
}

void integer_text(int n) {
  std::string cmd = "sleep " + std::to_string(n);
  system(cmd.c_str());
}

void copied_not_assembled(const std::string &given) {
  // A plain copy is not assembly; whether 'given' is trusted is the taint
  // check's question.
  std::string cmd = given;
  system(cmd.c_str());
}

// --- Lambdas and templates: each body is analysed once, as its own function.

void in_lambda(const std::string &host) {
  auto run = [&host] {
    std::string cmd = "ping " + host;
    return system(cmd.c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: shell command passed to 'system' is assembled from non-constant data ('host'){{.*}}
  };
  run();
  auto constant = [] { return system("true"); };
  constant();
}

template <typename T> int run_template(const T &arg) {
  std::string cmd = std::string("echo ") + arg;
  return system(cmd.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: shell command passed to 'system' is assembled from non-constant data ('arg'){{.*}}
}

int instantiate() {
  return run_template<std::string>("x") + run_template<const char *>("y");
}
