// A table of functions the file fills at run time (`handlers[MSG_EXEC] =
// on_exec;`, a table kept in a struct field): a call through an element
// may run any function stored in it. A table where only printing functions
// are stored, or a call with fixed data, is clean.
//
// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t

#include <stdio.h>
#include <stdlib.h>

enum { MSG_PRINT, MSG_EXEC, MSG_MAX };

typedef void (*handler_fn)(const char *);

static void on_print(const char *arg) { puts(arg); }
static void on_exec(const char *arg) { system(arg); }
// CHECK-MESSAGES: :[[@LINE-1]]:40: warning: command passed to 'system' contains data read by 'getenv' at line 38 [sinkguard-tainted-shell-command]
static void on_echo(const char *arg) { printf("%s\n", arg); }
static void on_hook(const char *arg) { system(arg); }
// CHECK-MESSAGES: :[[@LINE-1]]:40: warning: command passed to 'system' contains data read by 'getenv' at line 44 [sinkguard-tainted-shell-command]

static handler_fn handlers[MSG_MAX];
static handler_fn printers[MSG_MAX];

struct server {
  handler_fn hooks[4];
};

void setup(struct server *srv) {
  handlers[MSG_PRINT] = on_print;
  handlers[MSG_EXEC] = &on_exec;
  printers[MSG_PRINT] = on_print;
  printers[MSG_EXEC] = on_echo;
  srv->hooks[0] = on_hook;
}

void dispatch(unsigned type) {
  const char *arg = getenv("ARG");
  if (arg && type < MSG_MAX)
    handlers[type](arg);
}

void run_hooks(struct server *srv, unsigned i) {
  const char *arg = getenv("HOOK");
  if (arg && i < 4)
    srv->hooks[i](arg);
}

// --- Clean ---

void print(unsigned type) {
  const char *arg = getenv("ARG");
  if (arg && type < MSG_MAX)
    printers[type](arg);
}

void dispatch_fixed(unsigned type) {
  if (type < MSG_MAX)
    handlers[type]("uptime");
}
