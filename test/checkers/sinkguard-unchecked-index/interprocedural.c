// Indexes through calls: a helper that indexes with its parameter is
// reported at its use when a caller passes an unchecked number, and not
// when the caller (or the helper) checks it.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-index %t

#include <stdio.h>
#include <stdlib.h>

static int table[10];

static int lookup(int i) { return table[i]; }
// CHECK-MESSAGES: :[[@LINE-1]]:41: warning: index 'i' read by 'fscanf' at line [[#@LINE+6]] has no upper bound [sinkguard-unchecked-index]
// CHECK-MESSAGES: :[[@LINE+5]]:3: note: 'fscanf' reads untrusted data into 'n'
// CHECK-MESSAGES: :[[@LINE+5]]:10: note: passed to 'lookup' as 'i'

int unchecked_caller(FILE *f) {
  int n;
  fscanf(f, "%d", &n);
  return lookup(n);
}

int checking_caller(FILE *f) {
  int n;
  fscanf(f, "%d", &n);
  if (n < 0 || n >= 10)
    return -1;
  return lookup(n);
}

static int lookup_checked(int i) {
  if (i < 0 || i >= 10)
    return -1;
  return table[i];
}

int caller_of_checked(FILE *f) {
  int n;
  fscanf(f, "%d", &n);
  return lookup_checked(n);
}

// The helper changes its parameter: the caller's check no longer holds.
static int lookup_next(int i) {
  i = i + 1;
  return table[i];
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: index 'i' read by 'fscanf' at line [[#@LINE+5]] has no upper bound
}

int caller_of_next(FILE *f) {
  int n;
  fscanf(f, "%d", &n);
  if (n < 0 || n >= 10)
    return -1;
  return lookup_next(n);
}

// A number returned by a helper stays untrusted.
static int read_slot(FILE *f) {
  char line[16];
  if (!fgets(line, sizeof line, f))
    return 0;
  return atoi(line);
}

int returned_number(FILE *f) {
  int slot = read_slot(f);
  return table[slot];
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: index 'slot' read by 'fgets' at line [[#@LINE-8]] has no upper bound
}

int returned_and_checked(FILE *f) {
  int slot = read_slot(f);
  if (slot < 0 || slot > 9)
    return 0;
  return table[slot];
}

// Only one of two callers checks; the helper is reported for the other.
static int pick(int i) { return table[i]; }
// CHECK-MESSAGES: :[[@LINE-1]]:39: warning: index 'i' read by 'getenv' at line [[#@LINE+9]] has no upper bound

int pick_checked(void) {
  int n = atoi(getenv("SLOT"));
  if (n < 0 || n > 9)
    return 0;
  return pick(n);
}

int pick_unchecked(void) { return pick(atoi(getenv("OTHER_SLOT"))); }

// A parameter copied into a local bounds nothing for the caller's data.
static int via_local_copy(int n) {
  int m = n;
  return table[m];
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: index 'm' read by 'fscanf' at line [[#@LINE+5]] has no upper bound
}

int local_copy_caller(FILE *f) {
  int n;
  fscanf(f, "%d", &n);
  return via_local_copy(n);
}
