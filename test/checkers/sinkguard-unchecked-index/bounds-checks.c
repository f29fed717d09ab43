// What counts as a bounds check: a comparison that holds on every path to
// the use. Each function reads an untrusted number and uses it as an index
// after one kind of check; the flagged ones miss a part of the check.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-index %t

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/param.h>

static int table[10];
#define TABLE_SIZE (sizeof table / sizeof table[0])

static int number(FILE *f) {
  int n = 0;
  fscanf(f, "%d", &n);
  return n;
}

// --- Clean: the check holds on every path. ---

int early_return(FILE *f) {
  int n = number(f);
  if (n < 0 || n >= 10)
    return -1;
  return table[n];
}

int early_exit(FILE *f) {
  int n = number(f);
  if (n < 0)
    exit(1);
  if (n > 9)
    abort();
  return table[n];
}

int sizeof_bound(FILE *f) {
  int n = number(f);
  if (n < 0 || (size_t)n >= TABLE_SIZE)
    return -1;
  return table[n];
}

// Compared as unsigned, a negative int is huge: one test bounds both ends.
int unsigned_comparison(FILE *f) {
  int n = number(f);
  if ((unsigned)n >= 10u)
    return -1;
  return table[n];
}

int sizeof_unsigned_comparison(FILE *f) {
  int n = number(f);
  if (n >= sizeof table / sizeof table[0]) // int converted to size_t
    return -1;
  return table[n];
}

int nested_if(FILE *f) {
  int n = number(f);
  if (n >= 0) {
    if (n < 10)
      return table[n];
  }
  return 0;
}

int and_chain(FILE *f) {
  int n = number(f);
  if (n >= 0 && n < 10 && table[n] > 0)
    return table[n];
  return 0;
}

int if_else(FILE *f) {
  int n = number(f);
  int v;
  if (n < 0)
    v = 0;
  else if (n >= 10)
    v = 0;
  else
    v = table[n];
  return v;
}

int in_loop_continue(FILE *f) {
  int sum = 0;
  for (int k = 0; k < 4; ++k) {
    int n = number(f);
    if (n < 0 || n >= 10)
      continue;
    sum += table[n];
  }
  return sum;
}

int in_loop_break(FILE *f) {
  int sum = 0;
  while (1) {
    int n = number(f);
    if (n < 0 || n > 9)
      break;
    sum += table[n];
  }
  return sum;
}

int with_goto(FILE *f) {
  int n = number(f);
  if (n < 0 || n >= 10)
    goto fail;
  return table[n];
fail:
  return -1;
}

int ternary_clamp(FILE *f) {
  unsigned n = (unsigned)number(f);
  unsigned i = n < 10 ? n : 9;
  return table[i];
}

int min_macro(FILE *f) {
  unsigned n = (unsigned)number(f);
  return table[MIN(n, 9u)];
}

int max_min_macros(FILE *f) {
  int n = number(f);
  int i = MAX(0, MIN(n, 9));
  return table[i];
}

int clamp_by_assignment(FILE *f) {
  int n = number(f);
  if (n > 9)
    n = 9;
  if (n < 0)
    n = 0;
  return table[n];
}

int remainder_unsigned(FILE *f) {
  unsigned n = (unsigned)number(f);
  return table[n % 10];
}

int mask_unsigned(FILE *f) {
  unsigned n = (unsigned)number(f);
  return table[n & 7];
}

int remainder_assigned(FILE *f) {
  unsigned n = (unsigned)number(f);
  n %= TABLE_SIZE;
  return table[n];
}

int with_assert(FILE *f) {
  int n = number(f);
  assert(n >= 0 && n < 10);
  return table[n];
}

int loop_condition(FILE *f) {
  unsigned n = (unsigned)number(f);
  while (n >= 10)
    n -= 10;
  return table[n];
}

int bound_in_variable(FILE *f) {
  int limit = 10;
  int n = number(f);
  if (n < 0 || n >= limit)
    return 0;
  return table[n];
}

int checked_copy(FILE *f) {
  int n = number(f);
  if (n < 0 || n >= 10)
    return 0;
  int i = n;
  return table[i];
}

int byte_index(FILE *f) {
  static int bytes[256];
  int c = fgetc(f);
  if (c == EOF)
    return 0;
  return bytes[(unsigned char)c];
}

// --- Flagged: part of the check is missing on some path. ---

int only_upper_signed(FILE *f) {
  int n = number(f);
  if (n >= 10)
    return -1;
  return table[n];
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: index 'n' read by 'fscanf' at line 17 is signed and has no lower bound [sinkguard-unchecked-index]
  // CHECK-MESSAGES: :17:3: note: 'fscanf' reads untrusted data into 'n'
  // CHECK-MESSAGES: :[[@LINE-6]]:11: note: returned by 'number'
  // CHECK-MESSAGES: :[[@LINE-7]]:7: note: assigned to 'n'
}

int one_branch_only(FILE *f, int strict) {
  int n = number(f);
  if (strict && (n < 0 || n >= 10))
    return -1;
  return table[n];
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: index 'n' read by 'fscanf' at line 17 has no upper bound
}

int wrong_limit(FILE *f) {
  int n = number(f);
  if (n < 0 || n > 10)
    return -1;
  return table[n];
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: index 'n' read by 'fscanf' at line 17 may be 10, past the end of 'table' (10 elements)
}

int ternary_wrong_clamp(FILE *f) {
  unsigned n = (unsigned)number(f);
  return table[n < 20 ? n : 0];
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: index 'n < 20 ? n : 0' read by 'fscanf' at line 17 may be 19, past the end of 'table' (10 elements)
}

int remainder_signed(FILE *f) {
  int n = number(f);
  return table[n % 10];
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: index 'n % 10' read by 'fscanf' at line 17 is signed and has no lower bound
}

int mask_too_wide(FILE *f) {
  unsigned n = (unsigned)number(f);
  return table[n & 15];
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: index 'n & 15' read by 'fscanf' at line 17 may be 15, past the end of 'table' (10 elements)
}
