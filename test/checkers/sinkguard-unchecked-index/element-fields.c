// An untrusted index that selects an element whose field is then read or
// called: `handlers[n].fn(arg)` (a verb table indexed by the input),
// `conns[i].fd`.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-index %t

#include <stdio.h>

struct handler {
  const char *name;
  void (*fn)(int arg);
};
static void start(int arg) { (void)arg; }
static void stop(int arg) { (void)arg; }
static struct handler handlers[] = {{"start", start}, {"stop", stop}};

struct conn {
  int fd;
  int state;
};
static struct conn conns[8];

void dispatch(FILE *f) {
  int n;
  if (fscanf(f, "%d", &n) != 1)
    return;
  handlers[n].fn(0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: index 'n' read by 'fscanf' at line [[#@LINE-3]] has no upper bound [sinkguard-unchecked-index]
}

int conn_fd(FILE *f) {
  int i;
  if (fscanf(f, "%d", &i) != 1 || i < 0)
    return -1;
  return conns[i].fd;
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: index 'i' read by 'fscanf' at line [[#@LINE-3]] has no upper bound [sinkguard-unchecked-index]
}

// --- Clean ---

void dispatch_checked(FILE *f) {
  unsigned n;
  if (fscanf(f, "%u", &n) != 1 || n >= sizeof handlers / sizeof handlers[0])
    return;
  handlers[n].fn(1);
}

int conn_state(FILE *f) {
  int i;
  if (fscanf(f, "%d", &i) != 1 || i < 0 || i >= 8)
    return -1;
  return conns[i].state + conns[0].fd;
}

// A table of functions, called by an index from the input.
static void noop(int arg) { (void)arg; }
static void (*const verbs[])(int) = {noop, start, stop};

void run_verb(FILE *f) {
  int n;
  if (fscanf(f, "%d", &n) != 1)
    return;
  verbs[n](0);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: index 'n' read by 'fscanf' at line [[#@LINE-3]] has no upper bound [sinkguard-unchecked-index]
  if (n >= 0 && n < 3)
    verbs[n](1);
}
