// Sizes through calls: a helper allocates with its parameter; the caller's
// check on the argument holds there; a helper that checks first is clean.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-size %t

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static void *alloc_records(uint32_t count) {
  return malloc(count * 32u);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: size 'count * 32u' read by 'read' at line [[#@LINE+6]] passed to 'malloc' has no upper bound; the multiplication may overflow
  // CHECK-MESSAGES: :[[@LINE+6]]:10: note: passed to 'alloc_records' as 'count'
}

void *unchecked_caller(int fd) {
  uint32_t n;
  read(fd, &n, sizeof n);
  return alloc_records(n);
}

void *checked_caller(int fd) {
  uint32_t n;
  read(fd, &n, sizeof n);
  if (n > 1024)
    return NULL;
  return alloc_records(n);
}

static void *alloc_checked(size_t n) {
  if (n == 0 || n > 65536)
    return NULL;
  return malloc(n);
}

void *checking_helper(FILE *f) {
  size_t n;
  fread(&n, sizeof n, 1, f);
  return alloc_checked(n);
}

static size_t read_size(int fd) {
  size_t n;
  read(fd, &n, sizeof n);
  return n;
}

void *size_from_helper(int fd) {
  size_t n = read_size(fd);
  return malloc(n);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: size 'n' read by 'read' at line [[#@LINE-7]] passed to 'malloc' has no upper bound
}
