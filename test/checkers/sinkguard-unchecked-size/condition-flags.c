// A local assigned a comparison (`swap = len > 0xffff`) and tested later
// tests that comparison: where the flag is false, the comparison is. It
// holds while neither the flag nor what the comparison reads is written
// again; a comparison with a call, a field or a global in it is not kept.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-size %t

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

struct rec {
  uint32_t len;
  uint32_t ts;
};

static uint32_t swap32(uint32_t x) { return __builtin_bswap32(x); }

// The pcap idiom: a length too large for the native order is tried
// byte-swapped, and rejected if still too large.
int swapped_order(FILE *f, long long *when) {
  struct rec r;
  size_t len;
  _Bool swap;
  if (fread(&r, sizeof r, 1, f) != 1)
    return -1;
  len = r.len;
  swap = len > 0xffff;
  if (swap) {
    len = swap32(len);
    if (len > 0xffff)
      return -1;
  }
  if (when)
    *when = (swap ? swap32(r.ts) : r.ts) * 1000LL;
  char *p = malloc(len);
  free(p);
  return 0;
}

int flag_declared(FILE *f) {
  struct rec r;
  if (fread(&r, sizeof r, 1, f) != 1)
    return -1;
  size_t len = r.len;
  int fits = len <= 4096;
  if (!fits)
    return -1;
  char *p = malloc(len);
  free(p);
  return 0;
}

int flag_compared_with_zero(FILE *f) {
  struct rec r;
  if (fread(&r, sizeof r, 1, f) != 1)
    return -1;
  size_t len = r.len;
  int big = len > 4096 || len == 0;
  if (big != 0)
    return -1;
  char *p = malloc(len);
  free(p);
  return 0;
}

// Flagged: the length is read again after the comparison was made.
int length_written_after(FILE *f) {
  struct rec r;
  if (fread(&r, sizeof r, 1, f) != 1)
    return -1;
  size_t len = r.len;
  int big = len > 4096;
  len = r.ts;
  if (big)
    return -1;
  char *p = malloc(len);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: size 'len' read by 'fread' at line 70 passed to 'malloc' has no upper bound [sinkguard-unchecked-size]
  free(p);
  return 0;
}

// Flagged: the flag is set again to something else.
int flag_written_after(FILE *f, int force) {
  struct rec r;
  if (fread(&r, sizeof r, 1, f) != 1)
    return -1;
  size_t len = r.len;
  int big = len > 4096;
  big = force;
  if (big)
    return -1;
  char *p = malloc(len);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: size 'len' read by 'fread' at line 86 passed to 'malloc' has no upper bound [sinkguard-unchecked-size]
  free(p);
  return 0;
}

// Flagged: the branch taken is the one where the length is large.
int inverted(FILE *f) {
  struct rec r;
  if (fread(&r, sizeof r, 1, f) != 1)
    return -1;
  size_t len = r.len;
  int small = len < 4096;
  if (small)
    return -1;
  char *p = malloc(len);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: size 'len' read by 'fread' at line 102 passed to 'malloc' has no upper bound [sinkguard-unchecked-size]
  free(p);
  return 0;
}

// Flagged: the comparison reads a field, which a call may change.
int compares_a_field(FILE *f, struct rec *limit) {
  struct rec r;
  if (fread(&r, sizeof r, 1, f) != 1)
    return -1;
  size_t len = r.len;
  int big = len > limit->len;
  limit->len = r.ts;
  if (big)
    return -1;
  char *p = malloc(len);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: size 'len' read by 'fread' at line 117 passed to 'malloc' has no upper bound [sinkguard-unchecked-size]
  free(p);
  return 0;
}

// Flagged: on one path the flag was never set from the comparison.
int set_on_one_path(FILE *f, int trusted) {
  struct rec r;
  if (fread(&r, sizeof r, 1, f) != 1)
    return -1;
  size_t len = r.len;
  int big = 0;
  if (!trusted)
    big = len > 4096;
  if (big)
    return -1;
  char *p = malloc(len);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: size 'len' read by 'fread' at line 133 passed to 'malloc' has no upper bound [sinkguard-unchecked-size]
  free(p);
  return 0;
}
