// Checks the way projects write them: a length checked against the size of
// the array it then ends (`user[ulen] = '\0'`), a clamp to that size, an
// offset checked as `pos + 1 < len` before `buf[pos + 1]`, a character
// checked against the table's count before it indexes the table, a hash
// masked with the table's own mask (not with an untrusted one).
//
// RUN: %check_sinkguard %s sinkguard-unchecked-index %t

#include <string.h>
#include <unistd.h>

#define NCH 16
static int levels[NCH];

void terminated(int fd, const char *src) {
  char user[32];
  size_t ulen;
  read(fd, &ulen, sizeof ulen);
  if (ulen >= sizeof user)
    return;
  memcpy(user, src, ulen);
  user[ulen] = '\0';
}

void clamped(int fd, const char *src) {
  char user[32];
  size_t ulen;
  read(fd, &ulen, sizeof ulen);
  if (ulen > sizeof user - 1)
    ulen = sizeof user - 1;
  memcpy(user, src, ulen);
  user[ulen] = '\0';
}

void checked_too_late(int fd, const char *src) {
  char user[32];
  size_t ulen;
  read(fd, &ulen, sizeof ulen);
  if (ulen > sizeof user)
    return;
  user[ulen] = '\0';
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: index 'ulen' read by 'read' at line [[#@LINE-4]] may be 32, past the end of 'user' (32 elements)
}

int next_byte(int fd, size_t len) {
  unsigned char buf[256];
  size_t pos;
  read(fd, &pos, sizeof pos);
  if (len > sizeof buf)
    return -1;
  if (pos + 1 < len)
    return buf[pos + 1];
  return 0;
}

int byte_after_next(int fd, size_t len) {
  unsigned char buf[256];
  size_t pos;
  read(fd, &pos, sizeof pos);
  if (len > sizeof buf)
    return -1;
  if (pos + 1 < len)
    return buf[pos + 2];
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: index 'pos + 2' read by 'read' at line [[#@LINE-5]] may be 256, past the end of 'buf' (256 elements)
  return 0;
}

int level(int fd) {
  unsigned char ch;
  read(fd, &ch, 1);
  if (ch < NCH)
    return levels[ch];
  if (ch <= NCH)
    return levels[ch];
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: index 'ch' read by 'read' at line [[#@LINE-5]] may be 16, past the end of 'levels' (16 elements)
  return 0;
}

struct table {
  int *buckets;
  size_t mask;
  size_t size;
};

int masked_by_table(struct table *t, int fd) {
  unsigned hash;
  read(fd, &hash, sizeof hash);
  return t->buckets[hash & t->mask] + t->buckets[hash & (t->size - 1)];
}

int masked_by_input(struct table *t, int fd) {
  unsigned hash;
  size_t m;
  read(fd, &hash, sizeof hash);
  read(fd, &m, sizeof m);
  return t->buckets[hash & m];
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: index 'hash & m' read by 'read' at line [[#@LINE-3]] has no upper bound
}
