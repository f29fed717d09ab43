// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// Which functions can hand their caller untrusted data, and so which
// callers can see a source without being given one.

// Through a pointer set to a function that returns a source.
static char *read_name(void) { return getenv("NAME"); }

void pointer_to_a_reader(void) {
  char *(*reader)(void) = read_name;
  system(reader());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'getenv' at line 11
  // CHECK-MESSAGES: :11:39: note: 'getenv' returns untrusted data
  // CHECK-MESSAGES: :[[@LINE-3]]:10: note: returned by 'read_name'
}

// Through a pointer set to the source itself.
void pointer_to_getenv(void) {
  char *(*lookup)(const char *) = getenv;
  system(lookup("CMD"));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'getenv' at line 24
}

// Through an out-parameter, two calls deep.
static void fill_line(char *buf, int n) { fgets(buf, n, stdin); }
static void fill(char *buf, int n) { fill_line(buf, n); }

void out_parameter_two_deep(void) {
  char line[128];
  fill(line, sizeof line);
  system(line);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'fgets' at line 29
  // CHECK-MESSAGES: :29:43: note: 'fgets' reads untrusted data into 'buf'
  // CHECK-MESSAGES: :30:38: note: 'fill_line' stores it in 'buf'
  // CHECK-MESSAGES: :34:3: note: 'fill' stores it in 'line'
}

// Returned two calls deep.
static const char *user_dir(void) { return read_name(); }
static const char *home(void) { return user_dir(); }

void returned_two_deep(void) {
  char cmd[256];
  snprintf(cmd, sizeof cmd, "ls %s", home());
  system(cmd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'getenv' at line 11
  // CHECK-MESSAGES: :43:44: note: returned by 'read_name'
  // CHECK-MESSAGES: :44:40: note: returned by 'user_dir'
  // CHECK-MESSAGES: :48:38: note: returned by 'home'
}

// --- Clean ---

// A callee that reads a source but keeps it (a global, like SQLite's
// temporary directory): its callers get nothing from it.
static const char *configured_dir;
static void init_dirs(void) { configured_dir = getenv("TMPDIR"); }
static const char *list_command(void) {
  init_dirs();
  return "ls /tmp";
}

void callee_keeps_its_source(void) { system(list_command()); }

// A callee that reads a source into its own buffer and returns a constant.
static int has_name(void) {
  char buf[64];
  return fgets(buf, sizeof buf, stdin) != NULL;
}
void callee_returns_a_flag(void) {
  if (has_name())
    system("true");
}

// A pointer called through a table: nothing is known of its result.
struct ops {
  const char *(*name)(void);
};
static const char *fixed(void) { return "uptime"; }
void through_a_table(const struct ops *o) {
  (void)fixed;
  system(o->name());
}
