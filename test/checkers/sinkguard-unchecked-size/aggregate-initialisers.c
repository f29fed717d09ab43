// A struct initialised from a brace list holds in each field what that
// field's initialiser holds (nested lists in nested fields): one untrusted
// initialiser does not make the other fields untrusted.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-size %t

#include <stdlib.h>
#include <unistd.h>

struct id {
  unsigned char b[16];
};
struct inner {
  size_t n;
  const char *name;
};
struct hdr {
  struct id sid;
  size_t count;
  struct inner in;
};

static struct id read_id(int fd) {
  struct id x;
  read(fd, &x, sizeof x);
  return x;
}

static size_t read_len(int fd) {
  size_t n;
  read(fd, &n, sizeof n);
  return n;
}

void designated(int fd) {
  struct hdr h = {.sid = read_id(fd), .count = 4, .in = {8, "x"}};
  char *p = malloc(h.count);
  char *q = malloc(h.in.n);
  free(p);
  free(q);
}

void positional(int fd) {
  struct hdr h = {{{0}}, read_len(fd), {16, "y"}};
  char *p = malloc(h.count);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: size 'h.count' read by 'read' at line [[#@LINE-15]] passed to 'malloc' has no upper bound
  char *q = malloc(h.in.n);
  free(p);
  free(q);
}

void nested(int fd) {
  struct hdr h = {.count = 1, .in = {.n = read_len(fd), .name = "z"}};
  char *p = malloc(h.in.n);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: size 'h.in.n' read by 'read' at line [[#@LINE-24]] passed to 'malloc' has no upper bound
  char *q = malloc(h.count);
  free(p);
  free(q);
}
