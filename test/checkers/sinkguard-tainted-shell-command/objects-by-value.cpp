// An object passed by value (copied, or moved) into a helper carries what
// its fields hold, field by field: the helper's use of one field sees that
// field of the caller's object, not its neighbours.
//
// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t

#include <cstdlib>
#include <string>
#include <utility>

struct Request {
  std::string command;
  std::string label;
};

struct RawRequest {
  const char *command;
  const char *label;
};

class Job {
public:
  Job(const char *name, const char *cmd) : name_(name), cmd_(cmd) {}
  void run() const { std::system(cmd_.c_str()); }
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: command passed to 'system' contains data from 'argv' at line 42 [sinkguard-tainted-shell-command]
  void announce() const { std::system(("echo " + name_).c_str()); }

private:
  std::string name_;
  std::string cmd_;
};

static void serve(Request r) { std::system(r.command.c_str()); }
// CHECK-MESSAGES: :[[@LINE-1]]:32: warning: command passed to 'system' contains data from 'argv' at line 42 [sinkguard-tainted-shell-command]
static void tag(Request r) { std::system(r.label.c_str()); }
static void serve_raw(RawRequest r) { std::system(r.command); }
// CHECK-MESSAGES: :[[@LINE-1]]:39: warning: command passed to 'system' contains data from 'argv' at line 42 [sinkguard-tainted-shell-command]
static void tag_raw(RawRequest r) { std::system(r.label); }
static void start(Job j) { j.run(); }
static void greet(Job j) { j.announce(); }

int main(int argc, char **argv) {
  if (argc < 2)
    return 1;
  Request req;
  req.command = argv[1];
  req.label = "request";
  serve(req);
  tag(req);
  RawRequest raw{argv[1], "raw"};
  serve_raw(raw);
  tag_raw(raw);
  Job job("backup", argv[1]);
  start(std::move(job));
  greet(Job("backup", argv[1]));
  return 0;
}
