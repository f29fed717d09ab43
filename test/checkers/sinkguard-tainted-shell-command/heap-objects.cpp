// An object of the program's own class made with `new` holds what its
// constructor (or its initializer list) stores, field by field; the pointer
// designates it, through a method call, a helper or an assignment.
//
// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t

#include <cstdlib>
#include <string>

class Job {
public:
  Job(const char *name, const char *cmd) : name_(name), cmd_(cmd) {}
  void run() const { std::system(cmd_.c_str()); }
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: command passed to 'system' contains data from 'argv' at line 42 [sinkguard-tainted-shell-command]
  void announce() const { std::system(("echo job " + name_).c_str()); }

private:
  std::string name_;
  std::string cmd_;
};

struct Request {
  const char *command;
  const char *label;
};

static void serve(const Request *r) { std::system(r->command); }
// CHECK-MESSAGES: :[[@LINE-1]]:39: warning: command passed to 'system' contains data from 'argv' at line 42 [sinkguard-tainted-shell-command]

static void label(const Request *r) { std::system(r->label); }

class Task {
public:
  explicit Task(std::string c) : cmd_(c) {}
  void start() const { std::system(cmd_.c_str()); }
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: command passed to 'system' contains data from 'argv' at line 42 [sinkguard-tainted-shell-command]

private:
  std::string cmd_;
};

int main(int argc, char **argv) {
  if (argc < 3)
    return 1;
  // The command from argv, the name constant: only run() is reported.
  Job *job = new Job("backup", argv[1]);
  job->run();
  job->announce();
  delete job;
  Request *req = new Request{argv[2], "static"};
  serve(req);
  label(req);
  delete req;
  Task *task;
  task = new Task(argv[1]);
  task->start();
  delete task;
  return 0;
}
