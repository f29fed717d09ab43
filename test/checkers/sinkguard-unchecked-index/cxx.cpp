// C++: std::vector, std::array and std::string subscripts, std::min,
// std::max and std::clamp, numbers from streams and std::stoi.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-index %t

#include <algorithm>
#include <array>
#include <iostream>
#include <string>
#include <vector>

static int table[8];

int from_cin() {
  int n;
  std::cin >> n;
  return table[n];
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: index 'n' read by 'operator>>' at line [[#@LINE-2]] has no upper bound [sinkguard-unchecked-index]
  // CHECK-MESSAGES: :[[@LINE-3]]:12: note: 'operator>>' reads untrusted data into 'n'
}

int vector_subscript(std::vector<int> &v) {
  unsigned long i;
  std::cin >> i;
  return v[i];
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: index 'i' read by 'operator>>' at line [[#@LINE-2]] has no upper bound
}

int array_subscript() {
  std::array<int, 4> a{};
  unsigned i;
  std::cin >> i;
  if (i > 4)
    return 0;
  return a[i];
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: index 'i' read by 'operator>>' at line [[#@LINE-4]] may be 4, past the end of 'a' (4 elements)
}

char string_subscript(const std::string &s) {
  std::string line;
  std::getline(std::cin, line);
  int pos = std::stoi(line);
  return s[pos];
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: index 'pos' read by 'getline' at line [[#@LINE-3]] has no upper bound
}

int other_container(std::vector<int> &a, std::vector<int> &b) {
  unsigned long i;
  std::cin >> i;
  if (i >= a.size())
    return 0;
  return b[i];
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: index 'i' read by 'operator>>' at line [[#@LINE-4]] is checked against the size of another object than 'b'
}

int min_signed(std::vector<int> &v) {
  int n;
  std::cin >> n;
  return v[std::min(n, 7)];
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: index 'std::min(n, 7)' read by 'operator>>' at line [[#@LINE-2]] is signed and has no lower bound
}

int max_only() {
  int n;
  std::cin >> n;
  return table[std::max(n, 0)];
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: index 'std::max(n, 0)' read by 'operator>>' at line [[#@LINE-2]] has no upper bound
}

int clamp_too_wide() {
  int n;
  std::cin >> n;
  return table[std::clamp(n, 0, 8)];
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: index 'std::clamp(n, 0, 8)' read by 'operator>>' at line [[#@LINE-2]] may be 8, past the end of 'table' (8 elements)
}

// --- Clean. ---

int vector_checked(std::vector<int> &v) {
  unsigned long i;
  std::cin >> i;
  if (i >= v.size())
    return 0;
  return v[i];
}

int vector_at(std::vector<int> &v) {
  unsigned long i;
  std::cin >> i;
  return v.at(i); // at() checks
}

int array_checked() {
  std::array<int, 4> a{};
  unsigned i;
  std::cin >> i;
  if (i >= a.size())
    return 0;
  return a[i];
}

int std_size_bound() {
  unsigned i;
  std::cin >> i;
  if (i >= std::size(table))
    return 0;
  return table[i];
}

int clamp_right() {
  int n;
  std::cin >> n;
  return table[std::clamp(n, 0, 7)];
}

int min_max() {
  int n;
  std::cin >> n;
  return table[std::max(0, std::min(n, 7))];
}

char string_checked(const std::string &s) {
  std::string line;
  std::getline(std::cin, line);
  unsigned long pos = std::stoul(line);
  if (pos < s.size())
    return s[pos];
  return '\0';
}

#include <charconv>

int from_chars_value(const std::string &text) {
  std::string line;
  std::getline(std::cin, line);
  unsigned v = 0;
  std::from_chars(line.data(), line.data() + line.size(), v);
  return table[v];
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: index 'v' read by 'getline' at line [[#@LINE-4]] has no upper bound
}

int from_chars_checked(const std::string &text) {
  std::string line;
  std::getline(std::cin, line);
  unsigned v = 0;
  auto r = std::from_chars(line.data(), line.data() + line.size(), v);
  if (r.ec != std::errc() || v >= 8)
    return -1;
  return table[v];
}
