// C++: an aggregate initialised from a brace list (designated or not, with
// `auto x = T{...}` too) holds in each member what its initialiser holds.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-size %t -- -- -std=c++20

#include <cstdlib>
#include <unistd.h>

struct Limits {
  size_t count;
  size_t size;
};

static size_t readLen(int fd) {
  size_t n;
  read(fd, &n, sizeof n);
  return n;
}

void designated(int fd) {
  Limits l{.count = readLen(fd), .size = 64};
  char *p = new char[l.size];
  char *q = new char[l.count];
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: size 'l.count' read by 'read' at line [[#@LINE-8]] of 'new[]' has no upper bound
  delete[] p;
  delete[] q;
}

void braced(int fd) {
  Limits l = {32, readLen(fd)};
  char *p = new char[l.count];
  delete[] p;
}
