// An allocator called through a struct field that an init function sets:
// the functions the file stores there are the callees, so a size from the
// input reaches their malloc, in every host.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-size %t

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

struct allocator {
  void *(*alloc)(size_t n);
  void (*release)(void *p);
};
static void *plain_alloc(size_t n) { return malloc(n); }
static void plain_release(void *p) { free(p); }
void allocator_init(struct allocator *a) {
  a->alloc = plain_alloc;
  a->release = plain_release;
}

void *read_record(struct allocator *a, FILE *f) {
  unsigned long len;
  if (fscanf(f, "%lu", &len) != 1)
    return NULL;
  return a->alloc(len);
  // CHECK-MESSAGES: :[[@LINE-12]]:52: warning: size 'n' read by 'fscanf' at line [[#@LINE-3]] passed to 'malloc' has no upper bound [sinkguard-unchecked-size]
}

// --- Clean ---

void *read_small_record(struct allocator *a, FILE *f) {
  unsigned long len;
  if (fscanf(f, "%lu", &len) != 1 || len > 4096)
    return NULL;
  return a->alloc(len);
}

void *fixed_record(struct allocator *a) { return a->alloc(64); }
