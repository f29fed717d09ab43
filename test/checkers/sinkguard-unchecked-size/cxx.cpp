// C++: new[] sized by untrusted numbers from streams, std::stoul and binary
// reads; std::min and std::clamp bound them.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-size %t

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>

struct Item {
  int id;
};

Item *items_from_stdin() {
  unsigned n;
  std::cin >> n;
  return new Item[n];
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: size 'n' read by 'operator>>' at line [[#@LINE-2]] of 'new[]' has no upper bound [sinkguard-unchecked-size]
}

char *buffer_from_text(const std::string &line) {
  std::string copy = line;
  unsigned long n = std::stoul(copy);
  return new char[n];
}

char *buffer_from_env() {
  const char *s = std::getenv("BUF");
  unsigned long n = std::strtoul(s, nullptr, 10);
  return new char[n + 1];
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: size 'n + 1' read by 'getenv' at line [[#@LINE-3]] of 'new[]' has no upper bound; the addition may overflow
}

int *signed_count(std::FILE *f) {
  int n;
  std::fread(&n, sizeof n, 1, f);
  if (n > 4096)
    return nullptr;
  return new int[n];
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: size 'n' read by 'fread' at line [[#@LINE-4]] of 'new[]' is signed and has no lower bound; a negative value becomes a huge size
}

void copy_from_stream(char *dst, const char *src) {
  std::size_t n;
  std::cin >> n;
  std::memcpy(dst, src, n);
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: length 'n' read by 'operator>>' at line [[#@LINE-2]] passed to 'memcpy' has no upper bound
}

// --- Clean. ---

Item *items_min() {
  unsigned n;
  std::cin >> n;
  return new Item[std::min(n, 100u)];
}

Item *items_clamp() {
  int n;
  std::cin >> n;
  return new Item[std::clamp(n, 1, 64)];
}

Item *items_checked() {
  unsigned n;
  if (!(std::cin >> n) || n > 1000)
    return nullptr;
  return new Item[n];
}

Item *items_fixed() { return new Item[16]; }

Item *one_item() { return new Item(); }

#include <vector>

void resize_from_stream(std::vector<Item> &items) {
  std::size_t n;
  std::cin >> n;
  items.resize(n);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: size 'n' read by 'operator>>' at line [[#@LINE-2]] passed to 'resize' has no upper bound
}

void reserve_from_stream(std::string &text) {
  unsigned long n;
  std::cin >> n;
  text.reserve(n);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: size 'n' read by 'operator>>' at line [[#@LINE-2]] passed to 'reserve' has no upper bound
}

void resize_checked(std::vector<Item> &items) {
  std::size_t n;
  if (!(std::cin >> n) || n > 4096)
    return;
  items.resize(n);
}

// Containers made with a count: as much memory as new[].
#include <deque>

std::size_t vector_from_stream() {
  std::size_t n;
  std::cin >> n;
  std::vector<Item> items(n);
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: size 'n' read by 'operator>>' at line [[#@LINE-2]] of a 'std::vector<Item>' has no upper bound
  return items.size();
}

void deque_and_string_from_env() {
  unsigned long n = std::strtoul(std::getenv("COUNT"), nullptr, 10);
  std::deque<int> slots(n);
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: size 'n' read by 'getenv' at line [[#@LINE-2]] of a 'std::deque<int>' has no upper bound
  std::string pad(n, ' ');
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: size 'n' read by 'getenv' at line [[#@LINE-4]] of a 'std::string' has no upper bound
}

// --- Clean: checked counts, constants, and what is not a count. ---

std::size_t vector_checked() {
  std::size_t n;
  if (!(std::cin >> n) || n > 4096)
    return 0;
  std::vector<Item> items(n, Item{0});
  return items.size();
}

std::size_t vector_fixed() {
  std::vector<Item> items(64);
  std::deque<int> slots;
  return items.size();
}

std::size_t string_from_text() {
  std::string line;
  std::getline(std::cin, line);
  // The text, not a count.
  std::string copy(line.c_str());
  return copy.size();
}
