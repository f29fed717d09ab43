// An object a smart pointer owns, made by std::make_unique,
// std::make_shared or `new` given to its constructor, holds what its
// constructor stores, field by field; `p->method()` and `*p` reach it, also
// through a pointer to a base class whose virtual method it overrides.
//
// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t

#include <cstdlib>
#include <memory>
#include <string>

class Job {
public:
  explicit Job(const char *cmd) : cmd_(cmd) {}
  void run() const { std::system(cmd_.c_str()); }
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: command passed to 'system' contains data from 'argv' at line 69 [sinkguard-tainted-shell-command]

private:
  std::string cmd_;
};

class Shared {
public:
  Shared(const char *name, const char *cmd) : name_(name), cmd_(cmd) {}
  void run() const { std::system(cmd_.c_str()); }
  void greet() const { std::system(("echo hello " + name_).c_str()); }
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: command passed to 'system' contains data from 'argv' at line 69 [sinkguard-tainted-shell-command]

private:
  std::string name_;
  std::string cmd_;
};

class Owned {
public:
  explicit Owned(std::string cmd) : cmd_(cmd) {}
  void run() const { std::system(cmd_.c_str()); }
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: command passed to 'system' contains data from 'argv' at line 69 [sinkguard-tainted-shell-command]

private:
  std::string cmd_;
};

class Command {
public:
  virtual ~Command() = default;
  virtual void execute() = 0;
};

class ShellCommand : public Command {
public:
  explicit ShellCommand(std::string cmd) : cmd_(cmd) {}
  void execute() override { std::system(cmd_.c_str()); }
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: command passed to 'system' contains data from 'argv' at line 69 [sinkguard-tainted-shell-command]

private:
  std::string cmd_;
};

class Fixed {
public:
  explicit Fixed(const char *cmd) : cmd_(cmd) {}
  void run() const { std::system(cmd_.c_str()); }

private:
  std::string cmd_;
};

int main(int argc, char **argv) {
  if (argc < 2)
    return 1;
  auto job = std::make_unique<Job>(argv[1]);
  job->run();
  // The name from argv, the command constant: only greet() is reported.
  std::shared_ptr<Shared> shared = std::make_shared<Shared>(argv[1], "date");
  shared->run();
  (*shared).greet();
  std::unique_ptr<Owned> owned(new Owned(argv[1]));
  owned->run();
  std::unique_ptr<Command> command = std::make_unique<ShellCommand>(argv[1]);
  command->execute();
  auto fixed = std::make_unique<Fixed>("uptime");
  fixed->run();
  return 0;
}
