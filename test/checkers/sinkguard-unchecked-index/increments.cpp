// An index stepped in the subscript, C++ containers and arrays:
// `v[n++]` indexes with n's value before the step, `a[--n]` with the value
// after it.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-index %t

#include <array>
#include <cstdlib>
#include <iostream>

namespace {
std::array<int, 8> slots;

std::size_t read_count() {
  std::size_t n = 0;
  std::cin >> n;
  return n;
}
} // namespace

// --- Flagged ---

void unchecked() {
  std::size_t n = read_count();
  slots[n++] = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: index 'n++' read by 'operator>>'
  // at line 16 has no upper bound [sinkguard-unchecked-index]
}

// --- Clean ---

void checked_before() {
  std::size_t n = read_count();
  if (n >= slots.size())
    return;
  slots[n++] = 1;
}

void counted_down() {
  std::size_t n = read_count();
  if (n == 0 || n > 8)
    return;
  slots[--n] = 1;
}
