// Bounds real code writes on sums, differences and pointers: a check of
// `a + b`, of `len - off`, of `p + n` against an end pointer bounds the
// length used after it; so does the count read() returns.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-size %t

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX 256

struct msg {
  const unsigned char *pos;
  const unsigned char *end;
};
struct hdr {
  unsigned len;
  unsigned type;
};

void sum_checked(int fd, char *d, const char *s) {
  size_t a, b;
  read(fd, &a, sizeof a);
  read(fd, &b, sizeof b);
  if (a + b > MAX)
    return;
  memcpy(d, s, b);
}

void sum_of_other(int fd, char *d, const char *s) {
  size_t a, b, c;
  read(fd, &a, sizeof a);
  read(fd, &b, sizeof b);
  read(fd, &c, sizeof c);
  if (a + c > MAX)
    return;
  memcpy(d, s, b);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: length 'b' read by 'read' at line [[#@LINE-5]] passed to 'memcpy' has no upper bound
}

void difference_checked(int fd, const char *src) {
  char name[32];
  size_t len, off;
  read(fd, &len, sizeof len);
  read(fd, &off, sizeof off);
  if (off > len)
    return;
  if (len - off >= sizeof name)
    return;
  memcpy(name, src, len - off);
}

void difference_unchecked(int fd, const char *src) {
  char name[32];
  size_t len, off;
  read(fd, &len, sizeof len);
  read(fd, &off, sizeof off);
  if (off > len)
    return;
  memcpy(name, src, len - off);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: length 'len - off' read by 'read' at line [[#@LINE-5]] passed to 'memcpy' has no upper bound
}

void difference_then_changed(int fd, const char *src) {
  char name[32];
  size_t len, off;
  read(fd, &len, sizeof len);
  read(fd, &off, sizeof off);
  if (off > len || len - off >= sizeof name)
    return;
  read(fd, &len, sizeof len);
  memcpy(name, src, len - off);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: length 'len - off' read by 'read' at line [[#@LINE-2]] passed to 'memcpy' has no upper bound
}

void left_after_header(int fd, char *out) {
  unsigned char buf[512];
  ssize_t av = read(fd, buf, sizeof buf);
  if (av < 0)
    return;
  struct hdr h;
  memcpy(&h, buf, sizeof h);
  if (h.len > av)
    return;
  size_t left = av - h.len;
  memcpy(out, buf + h.len, left);
}

void left_unchecked(int fd, char *out) {
  unsigned char buf[512];
  ssize_t av = read(fd, buf, sizeof buf);
  if (av < 0)
    return;
  struct hdr h;
  memcpy(&h, buf, sizeof h);
  size_t left = av - h.len;
  memcpy(out, buf, left);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: length 'left' read by 'read' at line [[#@LINE-7]] passed to 'memcpy' has no upper bound
}

void pointer_checked(struct msg *m, int fd, char *out) {
  size_t sz;
  read(fd, &sz, sizeof sz);
  if (m->pos + sz > m->end)
    abort();
  memcpy(out, m->pos, sz);
}

void pointer_wrong_way(struct msg *m, int fd, char *out) {
  size_t sz;
  read(fd, &sz, sizeof sz);
  if (m->pos + sz < m->end)
    abort();
  memcpy(out, m->pos, sz);
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: length 'sz' read by 'read' at line [[#@LINE-4]] passed to 'memcpy' has no upper bound
}

void distance_checked(const unsigned char *p, const unsigned char *end,
                      int fd, char *out) {
  size_t k;
  read(fd, &k, sizeof k);
  if (end - p < k)
    return;
  memcpy(out, p, k);
}
