// A number read out of a string stream is as untrusted as the stream's
// text: parsed from a line of standard input it bounds a loop only after
// a check; parsed from constant text it is a constant.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-loop-bound %t

#include <iostream>
#include <sstream>
#include <string>

static int table[64];

void from_input() {
  std::string line;
  std::getline(std::cin, line);
  std::istringstream fields(line);
  int count = 0;
  fields >> count;
  for (int i = 0; i < count; ++i)
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: loop bound 'count' read by 'getline' at line 15 has no upper bound [sinkguard-unchecked-loop-bound]
    table[i] = 0;
}

void from_input_checked() {
  std::string line;
  std::getline(std::cin, line);
  std::istringstream fields(line);
  int count = 0;
  fields >> count;
  if (count < 0 || count > 64)
    return;
  for (int i = 0; i < count; ++i)
    table[i] = 1;
}

void from_constant_text() {
  std::istringstream fields("16");
  int count = 0;
  fields >> count;
  for (int i = 0; i < count; ++i)
    table[i] = 2;
}
