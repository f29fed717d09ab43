// A value masked or reduced and then stored keeps its range when read back:
// from a struct field, from an element of a local array (every store to
// the array counts); a value read from a constant table is not untrusted,
// even when the index into the table is.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-index %t

#include <unistd.h>

struct ent {
  unsigned v;
};

static const unsigned char table[256] = {1, 2, 3};

void masked_into_array(int fd) {
  unsigned x;
  char t[64];
  unsigned vals[8];
  read(fd, &x, sizeof x);
  vals[0] = x & 0x3F;
  vals[1] = x % 64;
  t[vals[0]] = 1;
  t[vals[1]] = 1;
}

void unmasked_into_array(int fd) {
  unsigned x;
  char t[64];
  unsigned vals[8];
  read(fd, &x, sizeof x);
  vals[0] = x & 0x3F;
  vals[1] = x;
  t[vals[0]] = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: index 'vals[0]' read by 'read' at line [[#@LINE-4]] has no upper bound
}

void initialised_array(int fd) {
  unsigned x;
  char t[64];
  unsigned vals[4] = {1, 2};
  read(fd, &x, sizeof x);
  vals[3] = x & 7;
  t[vals[3]] = 1;
  t[vals[1]] = 1;
}

void masked_into_field(int fd) {
  unsigned x;
  char t[64];
  struct ent e;
  read(fd, &x, sizeof x);
  e.v = x & 0x3F;
  t[e.v] = 1;
  e.v = x;
  t[e.v] = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: index 'e.v' read by 'read' at line [[#@LINE-5]] has no upper bound
}

void from_constant_table(int fd) {
  unsigned char c;
  char dst[300];
  read(fd, &c, 1);
  unsigned v = table[c];
  dst[v] = 0;
}
