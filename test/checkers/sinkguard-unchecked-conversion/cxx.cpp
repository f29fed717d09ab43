// C++: the C conversions through <cstdlib> and <cstdio>; std::stoi throws on
// failure and is not reported.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-conversion %t

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

void use(long v);

void std_atoi() {
  const char *s = std::getenv("LEVEL");
  use(std::atoi(s));
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'atoi' converts data read by 'getenv' at line [[#@LINE-2]] and cannot report failure or overflow; use 'strtol' and check errno and the end pointer [sinkguard-unchecked-conversion]
}

void std_strtol() {
  std::string line;
  std::getline(std::cin, line);
  long v = std::strtol(line.c_str(), nullptr, 10);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'strtol' converts data read by 'getline' at line [[#@LINE-2]] but its failure goes unnoticed: errno is not set to 0 before it; errno is not checked for ERANGE after it; it takes no end pointer, so nothing parsed and trailing characters go unnoticed
  use(v);
}

void std_sscanf() {
  std::string line;
  std::getline(std::cin, line);
  int a, b;
  std::sscanf(line.c_str(), "%d %d", &a, &b);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the result of 'sscanf' reading 2 values from data read by 'getline' at line [[#@LINE-3]] is ignored; compare it with 2 or bad input leaves them unset
  use(a + b);
}

// --- Clean. ---

void throws_on_failure() {
  std::string line;
  std::getline(std::cin, line);
  use(std::stoi(line));
}

void sscanf_checked() {
  std::string line;
  std::getline(std::cin, line);
  int a, b;
  if (std::sscanf(line.c_str(), "%d %d", &a, &b) != 2)
    return;
  use(a + b);
}

void literal() { use(std::atoi("7")); }
