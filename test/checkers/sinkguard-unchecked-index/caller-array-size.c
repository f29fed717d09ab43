// An index a callee computes from its parameter (`off / 64`, `i + 1`,
// `c & 0x3f`) into a pointer parameter is judged at each call with the
// caller's range of the argument carried through the computation, and
// with the size of the array the caller passes (of the same element type)
// as the pointer's extent.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-index %t

#include <stdio.h>
#include <stdlib.h>

static int word_of(const unsigned long *map, size_t off) {
  return (int)map[off / 64];
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: index 'off / 64' read by 'fgets' at line 37 may be 64, past the end of 'map' (4 elements) [sinkguard-unchecked-index]
}

static int is_set(const unsigned long *map, size_t off) {
  return (int)(word_of(map, off) >> (off % 64)) & 1;
}

static int next_of(const int *table, size_t i) { return table[i + 1]; }

int lookup(const char *s) {
  unsigned long set[4] = {0};
  int table[16] = {0};
  // A byte indexes a 256-bit map: at most 3.
  int bit = is_set(set, (unsigned char)s[0]);
  // Checked against the table's size less one.
  size_t i = (size_t)strtoul(s, NULL, 10);
  if (i >= 15)
    return -1;
  return bit + next_of(table, i);
}

int main(void) {
  char line[128];
  if (!fgets(line, sizeof line, stdin))
    return 1;
  int r = lookup(line);
  // Flagged: a number up to 4096 indexes words of a 256-bit map.
  unsigned long set[4] = {0};
  size_t n = (size_t)strtoul(line, NULL, 10);
  if (n > 4096)
    return 1;
  return r + is_set(set, n);
}
