// A number read through one member of a union and written through another
// (text read into the union, its integer member used as an index).
//
// RUN: %check_sinkguard %s sinkguard-unchecked-index %t

#include <stdio.h>

struct record {
  int kind;
  union {
    char text[32];
    int number;
  } u;
};

int lookup(FILE *in, struct record *r) {
  static const int table[16] = {0};
  if (fread(r->u.text, 1, sizeof r->u.text, in) != sizeof r->u.text)
    return -1;
  return table[r->u.number];
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: index 'r->u.number' read by 'fread' at line [[#@LINE-3]] has no upper bound [sinkguard-unchecked-index]
}

// --- Clean ---

int lookup_checked(FILE *in, struct record *r) {
  static const int table[16] = {0};
  if (fread(r->u.text, 1, sizeof r->u.text, in) != sizeof r->u.text)
    return -1;
  if (r->u.number < 0 || r->u.number >= 16)
    return -1;
  return table[r->u.number];
}

int lookup_kind(FILE *in, struct record *r) {
  static const int table[16] = {0};
  if (fread(r->u.text, 1, sizeof r->u.text, in) != sizeof r->u.text)
    return -1;
  r->kind = 3;
  return table[r->kind];
}
