// An index stepped in the subscript: `buf[n++]` indexes with n's value
// before the step, `buf[--n]` with the value after it. A check on n holds
// for that value.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-index %t

#include <stdio.h>
#include <stdlib.h>

static unsigned char table[16];

static unsigned read_count(void) {
  char line[32];
  if (!fgets(line, sizeof line, stdin))
    return 0;
  return (unsigned)strtoul(line, NULL, 10);
}

// --- Flagged ---

void unchecked(void) {
  unsigned n = read_count();
  table[n++] = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: index 'n++' read by 'fgets' at
  // line 14 has no upper bound [sinkguard-unchecked-index]
  (void)n;
}

void one_too_far(void) {
  unsigned n = read_count();
  if (n > 16)
    return;
  table[n++] = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: index 'n++' read by 'fgets' at
  // line 14 may be 16, past the end of 'table' (16 elements)
  // [sinkguard-unchecked-index]
  (void)n;
}

void pre_increment_past_the_end(void) {
  unsigned n = read_count();
  if (n >= 16)
    return;
  table[++n] = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: index '++n' read by 'fgets' at
  // line 14 may be 16, past the end of 'table' (16 elements)
  // [sinkguard-unchecked-index]
}

// --- Clean ---

void masked(void) {
  unsigned n = read_count() & 0x0f;
  table[n++] = 1;
  if (n < 16)
    table[n++] = 2;
}

void checked_before(void) {
  unsigned n = read_count();
  if (n >= 16)
    return;
  table[n++] = 1;
}

void counted_down(void) {
  unsigned n = read_count();
  if (n == 0 || n > 16)
    return;
  table[--n] = 1;
  table[n--] = 2;
}
