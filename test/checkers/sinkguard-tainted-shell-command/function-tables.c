// A call through an element of a table of functions (`handlers[type](arg)`,
// `(*verbs[i])(arg)`) may run any function the table's initializer names:
// data passed to it reaches what each of them does.
//
// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t

#include <stdio.h>
#include <stdlib.h>

static void run_command(const char *arg) { system(arg); }
// CHECK-MESSAGES: :[[@LINE-1]]:44: warning: command passed to 'system' contains data read by 'getenv' at line [[#@LINE+14]] [sinkguard-tainted-shell-command]
static void show(const char *arg) { puts(arg); }
static void show_twice(const char *arg) {
  puts(arg);
  puts(arg);
}

typedef void (*handler_fn)(const char *);
static const handler_fn handlers[] = {show, run_command};
static void (*const printers[])(const char *) = {&show, &show_twice};

// --- Flagged ---

void dispatch(unsigned type) {
  const char *arg = getenv("ARG");
  handlers[type % 2](arg);
}

// --- Clean ---

void print(unsigned type) {
  const char *arg = getenv("ARG");
  (*printers[type % 2])(arg);
}

void dispatch_constant(unsigned type) {
  handlers[type % 2]("uptime");
}
