// Untrusted loop bounds: a limit the counter is compared with, a counter
// counted down to zero; the checks that bound them, and loops that bound
// themselves.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-loop-bound %t

#include <arpa/inet.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define MAX_ITEMS 256

void process(int item);

void for_limit(FILE *f) {
  int n;
  fscanf(f, "%d", &n);
  for (int i = 0; i < n; i++)
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: loop bound 'n' read by 'fscanf' at line [[#@LINE-2]] has no upper bound [sinkguard-unchecked-loop-bound]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'fscanf' reads untrusted data into 'n'
    process(i);
}

void while_limit(int fd) {
  uint32_t count;
  read(fd, &count, sizeof count);
  count = ntohl(count);
  uint32_t i = 0;
  while (i < count) {
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: loop bound 'count' read by 'read' at line [[#@LINE-4]] has no upper bound
    process((int)i);
    i++;
  }
}

void limit_on_left(void) {
  long n = strtol(getenv("COUNT"), NULL, 10);
  for (long i = 0; n > i; ++i)
    // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: loop bound 'n' read by 'getenv' at line [[#@LINE-2]] has no upper bound
    process((int)i);
}

void counted_down(FILE *f) {
  unsigned n;
  fscanf(f, "%u", &n);
  while (n--)
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: loop counter 'n' read by 'fscanf' at line [[#@LINE-2]] has no upper bound
    process(0);
}

void counted_down_compare(FILE *f) {
  int left;
  fscanf(f, "%d", &left);
  for (; left > 0; left--)
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: loop counter 'left' read by 'fscanf' at line [[#@LINE-2]] has no upper bound
    process(left);
}

void do_while(FILE *f) {
  int n, i = 0;
  fscanf(f, "%d", &n);
  do {
    process(i);
  } while (++i < n);
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: loop bound 'n' read by 'fscanf' at line [[#@LINE-4]] has no upper bound
}

struct header {
  uint32_t entries;
};

void header_entries(int fd) {
  struct header h;
  read(fd, &h, sizeof h);
  for (uint32_t i = 0; i < h.entries; i++)
    // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: loop bound 'h.entries' read by 'read' at line [[#@LINE-2]] has no upper bound
    process((int)i);
}

// --- Not a bounds check. ---

void check_after_loop(FILE *f) {
  int n;
  fscanf(f, "%d", &n);
  for (int i = 0; i < n; i++)
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: loop bound 'n' read by 'fscanf' at line [[#@LINE-2]] has no upper bound
    process(i);
  if (n > MAX_ITEMS)
    return;
}

void check_on_one_branch(FILE *f, int strict) {
  int n;
  fscanf(f, "%d", &n);
  if (strict && n > MAX_ITEMS)
    return;
  for (int i = 0; i < n; i++)
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: loop bound 'n' read by 'fscanf' at line [[#@LINE-4]] has no upper bound
    process(i);
}

void check_other_variable(FILE *f) {
  int n, m;
  fscanf(f, "%d %d", &n, &m);
  if (m > MAX_ITEMS)
    return;
  for (int i = 0; i < n; i++)
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: loop bound 'n' read by 'fscanf' at line [[#@LINE-4]] has no upper bound
    process(i);
}

void check_result_ignored(FILE *f) {
  int n;
  fscanf(f, "%d", &n);
  (void)(n <= MAX_ITEMS);
  for (int i = 0; i < n; i++)
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: loop bound 'n' read by 'fscanf' at line [[#@LINE-3]] has no upper bound
    process(i);
}

void wide_check_then_truncated(FILE *f) {
  long wide;
  fscanf(f, "%ld", &wide);
  if (wide > MAX_ITEMS)
    return;
  // The check is on the wide value: a huge negative one truncates to a
  // large int.
  int n = (int)wide;
  for (int i = 0; i < n; i++)
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: loop bound 'n' read by 'fscanf' at line [[#@LINE-7]] has no upper bound
    process(i);
}

static int slots[MAX_ITEMS];

void exit_on_read_failure(FILE *f) {
  int n;
  fscanf(f, "%d", &n);
  // The exit reads slots[i] but does not compare i: no bound on the rounds.
  for (int i = 0; i < n; i++)
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: loop bound 'n' read by 'fscanf' at line [[#@LINE-3]] has no upper bound
    if (fscanf(f, "%d", &slots[i]) != 1)
      return;
}

// --- Clean. ---

void checked(FILE *f) {
  int n;
  if (fscanf(f, "%d", &n) != 1 || n > MAX_ITEMS)
    return;
  for (int i = 0; i < n; i++)
    process(i);
}

void clamped(FILE *f) {
  int n;
  fscanf(f, "%d", &n);
  int limit = n < MAX_ITEMS ? n : MAX_ITEMS;
  for (int i = 0; i < limit; i++)
    process(i);
}

void second_condition(FILE *f) {
  int n;
  fscanf(f, "%d", &n);
  for (int i = 0; i < n && i < MAX_ITEMS; i++)
    process(i);
}

void break_on_limit(FILE *f) {
  int n;
  fscanf(f, "%d", &n);
  for (int i = 0; i < n; i++) {
    if (i >= MAX_ITEMS)
      break;
    process(i);
  }
}

void byte_count(int fd) {
  uint8_t n;
  read(fd, &n, 1);
  // At most 255 rounds.
  for (int i = 0; i < n; i++)
    process(i);
}

void trusted_bound(int n) {
  for (int i = 0; i < n; i++)
    process(i);
}

void counted_down_checked(FILE *f) {
  unsigned n;
  fscanf(f, "%u", &n);
  if (n > MAX_ITEMS)
    return;
  while (n--)
    process(0);
}

void constant_loop(void) {
  for (int i = 0; i < MAX_ITEMS; i++)
    process(i);
}

void input_driven(FILE *f) {
  // Reading until the input ends is no untrusted count.
  int c;
  while ((c = fgetc(f)) != EOF)
    process(c);
}
