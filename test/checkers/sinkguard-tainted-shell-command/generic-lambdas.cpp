// A generic lambda (`[](auto c) { ... }`) given to std::thread,
// std::jthread or std::async runs the call operator the library makes of it
// for the arguments given, and so does one held by a variable and called.
//
// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t

#include <cstdlib>
#include <future>
#include <string>
#include <thread>

int main(int argc, char **argv) {
  if (argc < 2)
    return 1;
  std::thread worker([](auto cmd) { std::system(cmd); }, argv[1]);
  // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: command passed to 'system' contains data from 'argv' at line 12 [sinkguard-tainted-shell-command]
  worker.join();
  std::jthread joined([](const auto &cmd) { std::system(cmd.c_str()); },
  // CHECK-MESSAGES: :[[@LINE-1]]:45: warning: command passed to 'system' contains data from 'argv' at line 12 [sinkguard-tainted-shell-command]
                      std::string(argv[1]));
  auto run = [](auto c) { return std::system(c); };
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: command passed to 'system' contains data from 'argv' at line 12 [sinkguard-tainted-shell-command]
  run(argv[1]);
  // A generic lambda given a constant, or logging its argument.
  std::thread fixed([](auto cmd) { std::system(cmd); }, "uptime");
  fixed.join();
  std::thread logger([](auto msg) { (void)msg; }, argv[1]);
  logger.join();
  return 0;
}
