// Untrusted sizes of allocations: malloc, calloc, realloc, reallocarray,
// aligned_alloc, alloca and variable-length arrays; and the checks that
// bound them.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-size %t

#include <alloca.h>
#include <arpa/inet.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define MAX_RECORDS 1024

void *from_fscanf(FILE *f) {
  unsigned n;
  fscanf(f, "%u", &n);
  return malloc(n);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: size 'n' read by 'fscanf' at line [[#@LINE-2]] passed to 'malloc' has no upper bound [sinkguard-unchecked-size]
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'fscanf' reads untrusted data into 'n'
}

void *calloc_count(FILE *f) {
  size_t n;
  fread(&n, sizeof n, 1, f);
  return calloc(n, 16);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: size 'n' read by 'fread' at line [[#@LINE-2]] passed to 'calloc' has no upper bound
}

void *realloc_grow(void *p, int fd) {
  uint32_t len;
  read(fd, &len, sizeof len);
  return realloc(p, ntohl(len));
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: size 'ntohl(len)' read by 'read' at line [[#@LINE-2]] passed to 'realloc' has no upper bound
}

void *reallocarray_rows(void *p, FILE *f) {
  size_t rows;
  fread(&rows, sizeof rows, 1, f);
  return reallocarray(p, rows, 64);
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: size 'rows' read by 'fread' at line [[#@LINE-2]] passed to 'reallocarray' has no upper bound
}

void *aligned(FILE *f) {
  size_t n;
  fread(&n, sizeof n, 1, f);
  return aligned_alloc(64, n);
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: size 'n' read by 'fread' at line [[#@LINE-2]] passed to 'aligned_alloc' has no upper bound
}

void on_stack(FILE *f) {
  size_t n;
  fread(&n, sizeof n, 1, f);
  char *p = alloca(n);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: size 'n' read by 'fread' at line [[#@LINE-2]] passed to 'alloca' has no upper bound
  p[0] = 0;
}

int main(int argc, char **argv) {
  if (argc < 2)
    return 1;
  size_t n = strtoul(argv[1], NULL, 10);
  char buf[n];
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: size 'n' from 'argv' at line [[#@LINE-5]] of a variable-length array has no upper bound
  buf[0] = 0;
  return 0;
}

void *signed_size(const char *arg) {
  (void)arg;
  char line[32];
  fgets(line, sizeof line, stdin);
  int n = atoi(line);
  if (n > MAX_RECORDS)
    return NULL;
  return malloc(n);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: size 'n' read by 'fgets' at line [[#@LINE-5]] passed to 'malloc' is signed and has no lower bound; a negative value becomes a huge size
}

// --- Clean: bounded on every path. ---

void *bounded_early_return(FILE *f) {
  unsigned n;
  if (fscanf(f, "%u", &n) != 1 || n > MAX_RECORDS)
    return NULL;
  return malloc(n);
}

void *bounded_signed(FILE *f) {
  int n;
  if (fscanf(f, "%d", &n) != 1)
    return NULL;
  if (n < 1 || n > MAX_RECORDS)
    return NULL;
  return calloc(n, 8);
}

void *bounded_by_clamp(int fd) {
  uint32_t len;
  read(fd, &len, sizeof len);
  len = ntohl(len);
  size_t n = len < 4096 ? len : 4096;
  return malloc(n);
}

void *byte_sized(int fd) {
  uint8_t len;
  read(fd, &len, 1);
  // A byte is at most 255: a bounded allocation.
  return malloc(len + 1);
}

void *constant_size(void) { return malloc(128); }

void *length_of_string(char **argv) {
  // The length of an existing string is no untrusted number.
  extern unsigned long strlen(const char *);
  return malloc(strlen(argv[1]) + 1);
}

void vla_bounded(FILE *f) {
  unsigned n;
  if (fscanf(f, "%u", &n) != 1 || n == 0 || n > 256)
    return;
  char buf[n];
  buf[0] = 0;
}
