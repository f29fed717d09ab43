// Bounds real code writes: a conjunction whose failing branch still bounds
// the value (`n && n > 100`), an index within the buffer allocated for it
// (`malloc(n + 1)` then `p[n]`), a count read() returns.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-index %t

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void conjunction(int fd) {
  char t[128];
  int n;
  read(fd, &n, sizeof n);
  if (n < 0)
    return;
  if (n && n > 100)
    return;
  t[n] = 0;
}

void disjunction(int fd) {
  char t[128];
  int n;
  read(fd, &n, sizeof n);
  if (n < 0)
    return;
  if (n == 7 || n > 100)
    t[n] = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: index 'n' read by 'read' at line [[#@LINE-5]] has no upper bound
}

void not_zero(int fd) {
  char t[128];
  int n;
  read(fd, &n, sizeof n);
  if (!n)
    t[n] = 0;
  if (n)
    t[n] = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: index 'n' read by 'read' at line [[#@LINE-5]] has no upper bound
}

void allocated_for_it(int fd, const char *s) {
  size_t n;
  read(fd, &n, sizeof n);
  char *p = malloc(n + 1);
  if (!p)
    return;
  memcpy(p, s, n);
  p[n] = 0;
  p[n - 1] = 0;
  free(p);
}

void allocated_too_small(int fd, const char *s) {
  size_t n;
  read(fd, &n, sizeof n);
  char *p = malloc(n);
  if (!p)
    return;
  memcpy(p, s, n);
  p[n] = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: index 'n' read by 'read' at line [[#@LINE-6]] has no upper bound
  free(p);
}

void count_of_read(int fd) {
  char buf[100];
  unsigned char idx[4];
  ssize_t n = read(fd, buf, sizeof buf);
  if (n <= 0)
    return;
  read(fd, idx, sizeof idx);
  size_t off = idx[1];
  if (off >= n)
    return;
  buf[off] = 0;
  buf[idx[0]] = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: index 'idx[0]' read by 'read' at line [[#@LINE-6]] has no upper bound
}
