// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t

#include <cstdio>
#include <cstdlib>
#include <deque>
#include <format>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

void from_cin() {
  std::string host;
  std::cin >> host;
  std::string cmd = "ping -c 1 " + host;
  std::system(cmd.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'operator>>' at line [[#@LINE-3]]
  // CHECK-MESSAGES: :[[@LINE-4]]:12: note: 'operator>>' reads untrusted data into 'host'
  // CHECK-MESSAGES: :[[@LINE-4]]:34: note: 'operator+' concatenates it
  // CHECK-MESSAGES: :[[@LINE-5]]:15: note: assigned to 'cmd'
}

void from_getline() {
  std::string line;
  std::getline(std::cin, line);
  popen(line.c_str(), "r");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'popen' contains data read by 'getline' at line [[#@LINE-2]]
}

void through_append() {
  std::string cmd("grep ");
  cmd += std::getenv("PATTERN");
  cmd.append(" /var/log/syslog");
  system(cmd.data());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'getenv' at line [[#@LINE-3]]
}

void through_stringstream() {
  std::ostringstream os;
  os << "tar czf out.tgz " << std::getenv("DIR");
  system(os.str().c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'getenv' at line [[#@LINE-2]]
}

void through_vector() {
  std::vector<std::string> parts;
  std::string word;
  std::cin >> word;
  parts.push_back(word);
  system(parts[0].c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'operator>>' at line [[#@LINE-3]]
}

void through_range_for() {
  std::vector<std::string> lines;
  std::string l;
  std::getline(std::cin, l);
  lines.push_back(l);
  for (const std::string &each : lines)
    system(each.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: command passed to 'system' contains data read by 'getline' at line [[#@LINE-4]]
}

void through_map() {
  std::map<std::string, std::string> config;
  config["editor"] = std::getenv("EDITOR");
  system(config["editor"].c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'getenv' at line [[#@LINE-2]]
}

class Job {
public:
  void setCommand(const std::string &c) { command = c; }
  const std::string &getCommand() const { return command; }
  void run() const {
    system(command.c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: command passed to 'system' contains data read by 'getenv' at line [[#@LINE+17]]
  }

private:
  std::string command;
  std::string label = "job";
};

void through_setter_getter() {
  Job j;
  j.setCommand(std::getenv("JOB"));
  system(j.getCommand().c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'getenv' at line [[#@LINE-2]]
}

void through_member_function() {
  Job j;
  j.setCommand(std::getenv("JOB2"));
  j.run();
}

void through_lambda() {
  auto run = [](const std::string &c) { return system(c.c_str()); };
  // CHECK-MESSAGES: :[[@LINE-1]]:48: warning: command passed to 'system' contains data read by 'getenv' at line [[#@LINE+1]]
  run(std::getenv("LAMBDA"));
}

void through_format() {
  std::string host;
  std::cin >> host;
  std::string cmd = std::format("ssh {} uptime", host);
  system(cmd.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'operator>>' at line [[#@LINE-3]]
}

void through_deque_iterator() {
  std::deque<std::string> queue;
  std::string job;
  std::getline(std::cin, job);
  queue.push_back(job);
  system(queue.front().c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'getline' at line [[#@LINE-3]]
}

class Task {
public:
  explicit Task(const char *c) : cmd(c), retries(3) {}
  void start() const {
    system(cmd.c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: command passed to 'system' contains data read by 'getenv' at line [[#@LINE+9]]
  }

private:
  std::string cmd;
  int retries;
};

void through_constructor() {
  Task t(std::getenv("TASK"));
  t.start();
}

// --- Clean ---

void format_with_number() {
  int n;
  std::cin >> n;
  std::string cmd = std::format("sleep {}", n);
  system(cmd.c_str());
}

void constructor_with_constant() {
  Task t("uptime");
  t.start();
}

void number_as_text() {
  int n;
  std::cin >> n;
  std::string cmd = "sleep " + std::to_string(n);
  system(cmd.c_str());
}

void compared_with_literal() {
  std::string action;
  std::cin >> action;
  if (action == "restart")
    system(action.c_str());
}

void allow_listed_characters() {
  std::string name;
  std::getline(std::cin, name);
  if (name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789") !=
      std::string::npos)
    return;
  system(("id " + name).c_str());
}

void untainted_member() {
  Job j;
  j.setCommand("uptime");
  j.run();
}

void range_for_over_constants() {
  std::vector<std::string> fixed;
  fixed.push_back("ls");
  for (const std::string &each : fixed)
    system(each.c_str());
}
