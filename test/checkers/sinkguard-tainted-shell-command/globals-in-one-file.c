// A global that one function of the file stores untrusted data in and
// another reads: found one file at a time (clang-tidy, clangd), whichever
// function comes first, as the whole-program scan finds it. A helper that
// keeps its argument in a global stores the caller's data there.
//
// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

// The reader comes before the writer.
static char *saved_target;

void deploy(void) {
  char cmd[256];
  snprintf(cmd, sizeof cmd, "scp build.tgz %s:", saved_target);
  system(cmd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'getenv' at line [[#@LINE+5]] [sinkguard-tainted-shell-command]
  // CHECK-MESSAGES: :[[#@LINE-7]]:14: note: global variable 'saved_target'
}

void configure(void) {
  char *target = getenv("DEPLOY_TARGET");
  if (target)
    saved_target = strdup(target);
}

// A helper keeps its argument in a global.
static const char *hook;
static void remember_hook(const char *s) { hook = s; }
void load_hook(void) {
  static char line[128];
  if (fgets(line, sizeof line, stdin))
    remember_hook(line);
}
void run_hook(void) {
  system(hook);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'fgets' at line [[#@LINE-5]] [sinkguard-tainted-shell-command]
  // CHECK-MESSAGES: :[[#@LINE-5]]:5: note: 'remember_hook' stores it in global variable 'hook'
}

// ... or in an element of a global array.
static char *job_argv[4];
static void store_args(const char *buf) { job_argv[0] = strdup(buf); }
void queue_job(void) {
  char buf[64];
  if (fgets(buf, sizeof buf, stdin))
    store_args(buf);
}
void start_job(void) { execl("/bin/sh", "sh", "-c", job_argv[0], (char *)0); }
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: command passed to 'execl' contains data read by 'fgets' at line [[#@LINE-4]] [sinkguard-tainted-shell-command]

// A global buffer a source fills.
static char reply[128];
void read_reply(FILE *f) { fgets(reply, sizeof reply, f); }
void act_on_reply(void) { popen(reply, "r"); }
// CHECK-MESSAGES: :[[@LINE-1]]:27: warning: command passed to 'popen' contains data read by 'fgets' at line [[#@LINE-2]] [sinkguard-tainted-shell-command]

// A field of a global struct.
struct settings {
  const char *editor;
  const char *pager;
};
static struct settings conf;
void read_settings(void) {
  conf.editor = getenv("EDITOR");
  conf.pager = "less";
}
void edit(void) { system(conf.editor); }
// CHECK-MESSAGES: :[[@LINE-1]]:19: warning: command passed to 'system' contains data read by 'getenv' at line [[#@LINE-4]] [sinkguard-tainted-shell-command]

// --- Clean ---

// Another field of the same global holds a constant.
void page(void) { system(conf.pager); }

// A global only ever given constants.
static const char *tool = "rsync";
void pick_tool(int fast) { tool = fast ? "cp" : "rsync"; }
void run_tool(void) { system(tool); }

// A helper that keeps a constant in a global; the caller's untrusted data
// goes elsewhere.
static const char *mode;
static void set_mode(const char *m, const char *who) {
  mode = m;
  (void)who;
}
void choose_mode(void) { set_mode("verbose", getenv("USER")); }
void apply_mode(void) { system(mode); }

// A global written with untrusted data but never read by a shell: the
// number of its characters is.
static char *label;
void set_label(void) { label = getenv("LABEL"); }
void show_label(void) {
  char cmd[64];
  snprintf(cmd, sizeof cmd, "echo %zu", strlen(label) > 9 ? (size_t)9 : strlen(label));
  system("true");
}
