// A function passed as an argument and called by the helper it is passed
// to (`run_child(child_main, cmd)` calling `fn(data)`): the callee is the
// function passed, with the data passed beside it; a helper that passes
// the callback on binds it too. A callback that reads input makes the
// helper's result untrusted.
//
// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static void child_main(const char *cmd) {
  execl("/bin/sh", "sh", "-c", cmd, (char *)0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'execl' contains data read by 'getenv' at line [[#@LINE+9]] [sinkguard-tainted-shell-command]
}
static void run_child(void (*fn)(const char *), const char *data) {
  fn(data);
}
static void spawn_detached(void (*entry)(const char *), const char *arg) {
  run_child(entry, arg);
}
void start_from_env(void) {
  const char *cmd = getenv("START_CMD");
  if (cmd)
    spawn_detached(child_main, cmd);
}

static void pager_main(const char *file) {
  char cmd[256];
  snprintf(cmd, sizeof cmd, "less %s", file);
  system(cmd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'fgets' at line [[#@LINE+4]] [sinkguard-tainted-shell-command]
}
void page_input(void) {
  char name[128];
  if (fgets(name, sizeof name, stdin))
    run_child(&pager_main, name);
}

// A callback that reads the input: what the helper returns is untrusted.
static char *from_env(void) { return getenv("HOOK"); }
static char *with_default(char *(*get)(void), char *fallback) {
  char *v = get();
  return v ? v : fallback;
}
void run_hook(void) {
  system(with_default(from_env, "true"));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'getenv' at line [[#@LINE-7]] [sinkguard-tainted-shell-command]
}

// --- Clean ---

// The callback passed runs nothing it is given.
static void log_main(const char *msg) { printf("%s\n", msg); }
void log_input(void) {
  char line[128];
  if (fgets(line, sizeof line, stdin))
    run_child(log_main, line);
}

// A shell callback given a constant.
static void shell_main(const char *cmd) { system(cmd); }
void run_uptime(void) { run_child(shell_main, "uptime"); }

// A callback that returns a constant.
static char *fixed(void) { return "uptime"; }
void run_fixed(void) { system(with_default(fixed, "true")); }
