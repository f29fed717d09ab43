// C++ twin of function-tables.c: a table of functions called by index.
//
// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t

#include <cstdio>
#include <cstdlib>
#include <string>

namespace {
void runCommand(const std::string &Arg) { std::system(Arg.c_str()); }
// CHECK-MESSAGES: :[[@LINE-1]]:43: warning: command passed to 'system' contains data read by 'getenv' at line [[#@LINE+11]] [sinkguard-tainted-shell-command]
void show(const std::string &Arg) { (void)Arg; }

using Handler = void (*)(const std::string &);
const Handler Handlers[] = {show, runCommand};
const Handler Printers[] = {show};
} // namespace

// --- Flagged ---

void dispatch(unsigned Type) {
  std::string Arg = std::getenv("ARG");
  Handlers[Type % 2](Arg);
}

// --- Clean ---

void print(unsigned Type) {
  std::string Arg = std::getenv("ARG");
  Printers[Type % 1](Arg);
}
