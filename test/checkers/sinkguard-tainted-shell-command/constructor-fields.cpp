// C++: a constructor defined in the file stores each argument in its own
// field; the object does not hold its arguments as a whole. A command kept
// in one field and run is a finding; the same class built with a fixed
// command and an untrusted label is not, nor a struct whose untrusted
// field is a number beside a fixed command.
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

struct Step {
  Step(const std::string &cmd, int tries) : cmd(cmd), tries(tries) {}
  std::string cmd;
  int tries;
};

int main(int argc, char **argv) {
  if (argc < 3)
    return 1;
  Job from_user(argv[1], "user");
  std::system(from_user.command());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data from 'argv' at line [[#@LINE-5]] [sinkguard-tainted-shell-command]
  Job fixed("uptime", argv[2]);
  std::system(fixed.command()); // clean: the label is never run
  Step s("date", std::atoi(argv[2]));
  std::system(s.cmd.c_str()); // clean: the tries are not the command
  Step bad(argv[1], 3);
  std::system(bad.cmd.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data from 'argv' at line [[#@LINE-12]] [sinkguard-tainted-shell-command]
  return fixed.label()[0] + s.tries + bad.tries;
}
