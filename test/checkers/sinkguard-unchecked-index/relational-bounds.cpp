// C++: a conjunction whose failing branch bounds the value, an index within
// the array allocated for it (`new char[n + 1]`), a bound on a difference.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-index %t

#include <cstdlib>
#include <cstring>
#include <unistd.h>

void conjunction(int fd) {
  char t[128];
  unsigned n;
  read(fd, &n, sizeof n);
  if (n && n > 100)
    return;
  t[n] = 0;
}

void conjunctionNotBounding(int fd) {
  char t[128];
  unsigned n;
  read(fd, &n, sizeof n);
  if (n && n < 100)
    return;
  t[n] = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: index 'n' read by 'read' at line [[#@LINE-4]] has no upper bound
}

void allocatedForIt(int fd) {
  std::size_t n;
  read(fd, &n, sizeof n);
  char *p = new char[n + 1];
  p[n] = 0;
  delete[] p;
}

void allocatedTooSmall(int fd) {
  std::size_t n;
  read(fd, &n, sizeof n);
  char *p = new char[n];
  p[n] = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: index 'n' read by 'read' at line [[#@LINE-3]] has no upper bound
  delete[] p;
}

void difference(int fd) {
  char t[64];
  std::size_t len, off;
  read(fd, &len, sizeof len);
  read(fd, &off, sizeof off);
  if (off > len || len - off >= sizeof t)
    return;
  t[len - off] = 0;
  t[len] = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: index 'len' read by 'read' at line [[#@LINE-6]] has no upper bound
}
