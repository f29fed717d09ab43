// C++: a method called on a temporary object (`Runner(argv[1]).run()`,
// `Job{cmd, label}.command()`) reads what the constructor stored in that
// temporary's fields. A temporary built with a fixed command, or whose
// untrusted argument lands in a field the method does not read, is clean.
//
// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t

#include <cstdlib>
#include <string>

class Job {
public:
  Job(const char *command, const char *label)
      : command_(command), label_(label) {}
  const char *command() const { return command_; }
  const char *label() const { return label_; }

private:
  const char *command_;
  const char *label_;
};

class Runner {
public:
  explicit Runner(std::string cmd) : cmd_(cmd) {}
  int run() const { return std::system(cmd_.c_str()); }
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: command passed to 'system' contains data from 'argv' at line 33 [sinkguard-tainted-shell-command]

private:
  std::string cmd_;
};

int main(int argc, char **argv) {
  if (argc < 3)
    return 1;
  std::system(Job(argv[1], "user").command());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data from 'argv' at line 33 [sinkguard-tainted-shell-command]
  std::system(Job("uptime", argv[2]).command()); // clean: the label
  std::system(Job{"date", argv[2]}.command());   // clean: the label
  int status = Runner(argv[1]).run();
  status += Runner("uptime").run();
  return status;
}
