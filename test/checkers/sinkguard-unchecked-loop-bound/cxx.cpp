// C++: loop bounds from streams and std::stoi; std::min bounds them; range
// for loops over containers are no counted loops.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-loop-bound %t

#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

void process(int item);

void from_stream() {
  int n;
  std::cin >> n;
  for (int i = 0; i < n; ++i)
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: loop bound 'n' read by 'operator>>' at line [[#@LINE-2]] has no upper bound [sinkguard-unchecked-loop-bound]
    process(i);
}

void from_stoi() {
  std::string line;
  std::getline(std::cin, line);
  int rounds = std::stoi(line);
  while (rounds-- > 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: loop counter 'rounds' read by 'getline' at line [[#@LINE-3]] has no upper bound
    process(rounds);
}

struct Config {
  unsigned retries;
};

void member_bound(Config &c) {
  std::cin >> c.retries;
  for (unsigned i = 0; i != c.retries; ++i)
    // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: loop bound 'c.retries' read by 'operator>>' at line [[#@LINE-2]] has no upper bound
    process(static_cast<int>(i));
}

// --- Clean. ---

void bounded_min() {
  int n;
  std::cin >> n;
  int limit = std::min(n, 32);
  for (int i = 0; i < limit; ++i)
    process(i);
}

void range_for(const std::vector<int> &v) {
  for (int x : v)
    process(x);
}

void checked_stream() {
  unsigned n;
  if (!(std::cin >> n) || n > 64)
    return;
  for (unsigned i = 0; i < n; ++i)
    process(static_cast<int>(i));
}

void size_bound(const std::vector<int> &v) {
  for (std::size_t i = 0; i < v.size(); ++i)
    process(v[i]);
}
