// A callee that reads one field of the object it is given sees what that
// field holds in the caller, not everything the object holds; a callee that
// stores into one field taints that field only; a pointer field set to an
// object designates it.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-size %t

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct reader {
  char *buf;
  size_t pos;
  size_t len;
};
struct ctx {
  struct reader *reader;
  int fd;
};

static void *alloc_len(struct reader *r) { return malloc(r->len); }
static void *alloc_pos(struct reader *r) { return malloc(r->pos); }
// CHECK-MESSAGES: :[[@LINE-1]]:58: warning: size 'r->pos' read by 'read' at line [[#@LINE+16]] passed to 'malloc' has no upper bound

static void feed(struct reader *r, char *data) { r->buf = data; }

void untrusted_bytes_elsewhere(int fd) {
  char b[100];
  struct reader r = {0};
  read(fd, b, sizeof b);
  feed(&r, b);
  free(alloc_len(&r));
  r.buf = b;
  free(alloc_len(&r));
}

void untrusted_field(int fd) {
  struct reader r = {0};
  read(fd, &r.pos, sizeof r.pos);
  free(alloc_pos(&r));
  free(alloc_len(&r));
}

void through_pointer_field(int fd) {
  struct reader r = {0};
  struct ctx c = {0};
  c.reader = &r;
  read(fd, &r.len, sizeof r.len);
  char *p = malloc(c.reader->len);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: size 'c.reader->len' read by 'read' at line [[#@LINE-2]] passed to 'malloc' has no upper bound
  char *q = malloc(c.reader->pos);
  free(p);
  free(q);
}
