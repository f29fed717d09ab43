// A function of the program that is given a length and hands back a
// pointer (`dst = buf_put_uninit(b, n)`) made room for that length, as
// malloc does: copying that many bytes to it, or writing its last byte,
// is in range. A pointer handed back for another value (an offset, a key)
// bounds nothing, and the library's own functions are not taken for one.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-size %t

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct buf {
  char *data;
  size_t size, allocated;
};

static void *buf_put_uninit(struct buf *b, size_t n) {
  if (b->size + n > b->allocated) {
    size_t want = b->size + n;
    char *p = realloc(b->data, want);
    // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: size 'want' read by 'read' at line [[#@LINE+15]] passed to 'realloc' has no upper bound [sinkguard-unchecked-size]
    if (!p)
      abort();
    b->data = p;
    b->allocated = want;
  }
  void *at = b->data + b->size;
  b->size += n;
  return at;
}

static char *slot_at(char *table, unsigned idx) { return table + 16 * idx; }

void append(struct buf *b, int fd) {
  char chunk[4096];
  ssize_t got = read(fd, chunk, sizeof chunk);
  if (got <= 0)
    return;
  size_t n;
  memcpy(&n, chunk, sizeof n);
  char *dst = buf_put_uninit(b, n);
  memcpy(dst, chunk, n); // clean: buf_put_uninit made room for n
  static char table[256];
  char *slot = slot_at(table, 3);
  memcpy(slot, chunk, n);
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: length 'n' read by 'read' at line [[#@LINE-10]] passed to 'memcpy' has no upper bound [sinkguard-unchecked-size]
  char *hit = strchr(chunk, (int)n);
  if (hit)
    memcpy(hit, chunk, n);
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: length 'n' read by 'read' at line [[#@LINE-14]] passed to 'memcpy' has no upper bound [sinkguard-unchecked-size]
}
