// C++ twin of condition-flags.c: a bool assigned a comparison and tested
// later tests that comparison, while neither is written again.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-size %t

#include <cstdlib>
#include <unistd.h>
#include <vector>

static size_t read_len(int fd) {
  size_t n = 0;
  read(fd, &n, sizeof n);
  return n;
}

std::vector<char> sized(int fd) {
  size_t n = read_len(fd);
  const bool too_big = n > 65536;
  if (too_big)
    return {};
  return std::vector<char>(n);
}

void *allocated(int fd) {
  size_t n = read_len(fd);
  bool ok = n != 0 && n <= 4096;
  if (!ok)
    return nullptr;
  return malloc(n);
}

// Flagged: the flag is tested the wrong way round.
void *inverted(int fd) {
  size_t n = read_len(fd);
  bool ok = n <= 4096;
  if (ok)
    return nullptr;
  return malloc(n);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: size 'n' read by 'read' at line 12 passed to 'malloc' has no upper bound [sinkguard-unchecked-size]
}

// Flagged: n grows after the comparison.
void *grown(int fd) {
  size_t n = read_len(fd);
  bool ok = n <= 4096;
  n += read_len(fd);
  if (!ok)
    return nullptr;
  return malloc(n);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: size 'n' read by 'read' at line 12 passed to 'malloc' has no upper bound [sinkguard-unchecked-size]
}
