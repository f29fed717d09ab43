// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// Source -> return value.
static char *read_host(void) {
  static char buf[64];
  fgets(buf, sizeof buf, stdin);
  return buf;
}

// Parameter -> out-parameter.
static void build(char *out, size_t n, const char *host) {
  snprintf(out, n, "ping -c 1 %s", host);
}

// Parameter -> sink.
static void run_a(const char *cmd) {
  system(cmd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'fgets' at line 10
  // CHECK-MESSAGES: :10:3: note: 'fgets' reads untrusted data into 'buf'
  // CHECK-MESSAGES: :[[#USE:@LINE+19]]:26: note: returned by 'read_host'
  // CHECK-MESSAGES: :[[#USE]]:3: note: passed to 'build' as 'host'
  // CHECK-MESSAGES: :16:3: note: 'snprintf' formats it into 'out'
  // CHECK-MESSAGES: :[[#USE]]:3: note: 'build' stores it in 'cmd'
  // CHECK-MESSAGES: :[[#USE+1]]:3: note: passed to 'run_a' as 'cmd'
}

static void run_b(const char *cmd) {
  popen(cmd, "r");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'popen' contains data read by 'getenv' at line [[#@LINE+21]]
}

static void run_c(const char *cmd) {
  system(cmd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'getenv' at line [[#@LINE+22]]
}

void uses_summaries(void) {
  char cmd[128];
  build(cmd, sizeof cmd, read_host());
  run_a(cmd);
}

// Parameter -> return value; a relay two calls deep.
static const char *pick(const char *a, const char *fallback) {
  return a ? a : fallback;
}
static void relay(const char *c) { run_b(c); }

void through_pick(void) {
  relay(pick(getenv("CMD"), "true"));
}

// A function pointer whose target is known.
void function_pointer(void) {
  void (*fp)(const char *) = run_c;
  fp(getenv("CMD2"));
}

// Recursion reaches a fixpoint.
static int depth(const char *s, int n) {
  if (n == 0) {
    system(s);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: command passed to 'system' contains data read by 'getenv' at line [[#@LINE+6]]
    return 0;
  }
  return depth(s, n - 1);
}
void recursive(void) {
  depth(getenv("X"), 3);
}

// Mutual recursion: the data crosses both functions before the sink.
static void pong(const char *s, int n);
static void ping(const char *s, int n) {
  if (n > 0)
    pong(s, n - 1);
}
static void pong(const char *s, int n) {
  if (n == 0)
    system(s);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: command passed to 'system' contains data read by 'getenv' at line [[#@LINE+4]]
  ping(s, n);
}
void mutual(void) {
  ping(getenv("Y"), 4);
}

// --- Clean ---

static const char *constant_command(const char *ignored) {
  (void)ignored;
  return "uptime";
}

static void build_fixed(char *out, size_t n, const char *ignored) {
  (void)ignored;
  snprintf(out, n, "date");
}

static void run_d(const char *cmd) { system(cmd); }

void summaries_that_drop_the_data(void) {
  char cmd[64];
  system(constant_command(getenv("X")));
  build_fixed(cmd, sizeof cmd, getenv("Y"));
  system(cmd);
  run_d("ls");
  run_d(pick(NULL, "true"));
}
