// A count an object keeps of what its pointer holds bounds a walk over it
// (`i < array->n` over `array->elems[i]`, `i <= hmap->mask` over
// `hmap->buckets[i]`), whatever the input put in it. A count in a struct
// laid over received bytes, or one the loop does not walk a pointer of the
// object by, is data.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-loop-bound %t

#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>

void work(unsigned i);

// --- Flagged ---

struct header {
  unsigned int count;
  unsigned char items[16];
};

static void walk_header(const struct header *h) {
  for (unsigned i = 0; i < h->count; i++)
    work(h->items[i % 16]);
  // CHECK-MESSAGES: :[[@LINE-2]]:28: warning: loop bound 'h->count' read by 'recv' at line [[#@LINE+5]] has no upper bound [sinkguard-unchecked-loop-bound]
}

void receive_header(int fd) {
  struct header h;
  if (recv(fd, &h, sizeof h, 0) != sizeof h)
    return;
  walk_header(&h);
}

// A count read into a local: not an object's own.
void walk_count(struct header *h, int fd) {
  unsigned n;
  if (recv(fd, &n, sizeof n, 0) != sizeof n)
    return;
  h->count = n;
  for (unsigned i = 0; i < h->count; i++)
    work(i);
  // CHECK-MESSAGES: :[[@LINE-2]]:28: warning: loop bound 'h->count' read by 'recv' at line [[#@LINE-5]] has no upper bound [sinkguard-unchecked-loop-bound]
}

// A count kept beside a pointer for another use: the loop does not walk
// what the pointer holds.
struct job {
  const unsigned *args;
  unsigned rounds;
};

static void run_job(const struct job *j) {
  for (unsigned i = 0; i < j->rounds; i++)
    work(j->args[0]);
  // CHECK-MESSAGES: :[[@LINE-2]]:28: warning: loop bound 'j->rounds' read by 'recv' at line [[#@LINE+7]] has no upper bound [sinkguard-unchecked-loop-bound]
}

void start_job(int fd) {
  static const unsigned args[] = {1, 2};
  struct job j;
  unsigned n;
  if (recv(fd, &n, sizeof n, 0) != sizeof n)
    return;
  j.args = args;
  j.rounds = n;
  run_job(&j);
}

// --- Clean ---

struct array {
  size_t n;
  unsigned *elems;
};

static void walk_array(const struct array *a) {
  for (size_t i = 0; i < a->n; i++)
    work(a->elems[i]);
}

struct table {
  unsigned **buckets;
  size_t mask;
};

static void walk_table(const struct table *t) {
  for (size_t i = 0; i <= t->mask; i++)
    if (t->buckets[i])
      work(*t->buckets[i]);
}

// The counts describe what was allocated: the walks stay inside it.
void load(FILE *f) {
  struct array a;
  struct table t;
  size_t n;
  if (fread(&n, sizeof n, 1, f) != 1)
    return;
  a.elems = calloc(n, sizeof *a.elems);
  if (!a.elems)
    return;
  a.n = n;
  walk_array(&a);
  t.buckets = calloc(n + 1, sizeof *t.buckets);
  if (!t.buckets)
    return;
  t.mask = n;
  walk_table(&t);
}
