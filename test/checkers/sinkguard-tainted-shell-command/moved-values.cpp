// std::move, std::forward and std::as_const name the object they are given:
// data moved into a variable, a member (by a constructor's initializer or
// an assignment), a container or a forwarding helper's callee is the data
// that was moved.
//
// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t

#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

static void run(std::string cmd) { std::system(cmd.c_str()); }
// CHECK-MESSAGES: :[[@LINE-1]]:36: warning: command passed to 'system' contains data from 'argv' at line 74 [sinkguard-tainted-shell-command]

static void run_constant(std::string cmd) { std::system(cmd.c_str()); }

static void log_line(std::string line) { (void)line; }

template <class T> static void forward_to_run(T &&c) {
  run(std::forward<T>(c));
}

class Job {
public:
  explicit Job(std::string c) : cmd_(std::move(c)) {}
  void exec() const { std::system(cmd_.c_str()); }
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: command passed to 'system' contains data from 'argv' at line 74 [sinkguard-tainted-shell-command]

private:
  std::string cmd_;
};

class Task {
public:
  void set(std::string c) { cmd_ = std::move(c); }
  void exec() const { std::system(cmd_.c_str()); }
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: command passed to 'system' contains data from 'argv' at line 74 [sinkguard-tainted-shell-command]

private:
  std::string cmd_;
};

class Quiet {
public:
  explicit Quiet(std::string c) : cmd_(std::move(c)) {}
  void exec() const { std::system(cmd_.c_str()); }

private:
  std::string cmd_;
};

static void moved_local(const char *arg) {
  std::string c = arg;
  std::string d = std::move(c);
  std::system(d.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data from 'argv' at line 74 [sinkguard-tainted-shell-command]
}

static void moved_into_vector(const char *arg) {
  std::vector<std::string> queue;
  std::string c = arg;
  queue.push_back(std::move(c));
  std::system(queue[0].c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data from 'argv' at line 74 [sinkguard-tainted-shell-command]
}

static void as_const_read(const char *arg) {
  std::string c = arg;
  std::system(std::as_const(c).c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data from 'argv' at line 74 [sinkguard-tainted-shell-command]
}

int main(int argc, char **argv) {
  if (argc < 2)
    return 1;
  moved_local(argv[1]);
  moved_into_vector(argv[1]);
  as_const_read(argv[1]);
  std::string a = argv[1];
  forward_to_run(a);
  Job job(argv[1]);
  job.exec();
  Task task;
  task.set(argv[1]);
  task.exec();
  // Moved, but constant or never run.
  std::string fixed = "uptime";
  run_constant(std::move(fixed));
  Quiet quiet("date");
  quiet.exec();
  std::string line = argv[1];
  log_line(std::move(line));
  return 0;
}
