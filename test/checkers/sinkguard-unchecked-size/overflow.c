// Sizes computed from untrusted numbers: the multiplication or addition may
// overflow before the allocation; bounded factors do not.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-size %t

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct record {
  char name[32];
  uint32_t id;
};

struct record *read_records(int fd) {
  uint32_t count;
  read(fd, &count, sizeof count);
  return malloc(count * sizeof(struct record));
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: size 'count * sizeof(struct record)' read by 'read' at line [[#@LINE-2]] passed to 'malloc' has no upper bound; the multiplication may overflow
}

char *with_terminator(FILE *f) {
  size_t len;
  fread(&len, sizeof len, 1, f);
  char *s = malloc(len + 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: size 'len + 1' read by 'fread' at line [[#@LINE-2]] passed to 'malloc' has no upper bound; the addition may overflow
  return s;
}

int *shifted(int fd) {
  uint32_t words;
  read(fd, &words, sizeof words);
  return malloc(words << 2);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: size 'words << 2' read by 'read' at line [[#@LINE-2]] passed to 'malloc' has no upper bound; the multiplication may overflow
}

int *int_product(int fd) {
  int rows, cols;
  read(fd, &rows, sizeof rows);
  read(fd, &cols, sizeof cols);
  if (rows < 0 || rows > 1000)
    return NULL;
  // cols is unchecked: the product is unbounded.
  return malloc(rows * cols);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: size 'rows * cols' read by 'read' at line [[#@LINE-6]] passed to 'malloc' has no upper bound; the multiplication may overflow
}

// --- Clean: the factors are bounded first. ---

struct record *read_records_checked(int fd) {
  uint32_t count;
  read(fd, &count, sizeof count);
  if (count > 4096)
    return NULL;
  return malloc(count * sizeof(struct record));
}

int *both_checked(int fd) {
  int rows, cols;
  read(fd, &rows, sizeof rows);
  read(fd, &cols, sizeof cols);
  if (rows < 0 || rows > 1000 || cols < 0 || cols > 1000)
    return NULL;
  return malloc(rows * cols);
}

char *copy_text(FILE *f) {
  size_t len;
  fread(&len, sizeof len, 1, f);
  if (len >= 65536)
    return NULL;
  char *s = malloc(len + 1);
  return s;
}

struct record *calloc_checks_itself(int fd) {
  uint32_t count;
  read(fd, &count, sizeof count);
  if (count > 100000)
    return NULL;
  // calloc multiplies safely; the count is bounded.
  return calloc(count, sizeof(struct record));
}
