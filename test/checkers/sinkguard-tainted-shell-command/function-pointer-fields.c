// Calls through function pointers held in struct fields, the way C
// protocol and verb tables and I/O contexts are written: the callees are the
// functions the file stores in that field (a table's initializer, an init
// function's assignment), in every host, as the whole-program link binds
// them across files: what is passed to them reaches their sinks.
//
// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

// A protocol table called through `(*h->input)(...)`.
struct handler {
  const char *name;
  void (*input)(const char *pkt, size_t len);
};
static void echo_input(const char *pkt, size_t len) {
  (void)len;
  printf("%s\n", pkt);
}
static void exec_input(const char *pkt, size_t len) {
  (void)len;
  system(pkt);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'recv' at line [[#@LINE+11]] [sinkguard-tainted-shell-command]
}
static struct handler echo_handler = {"echo", echo_input};
static struct handler exec_handler = {"exec", exec_input};
static struct handler *handlers[] = {&echo_handler, &exec_handler};

void dispatch(int fd) {
  char pkt[512];
  size_t i;
  for (i = 0; i < sizeof handlers / sizeof handlers[0]; i++) {
    struct handler *h = handlers[i];
    ssize_t n = recv(fd, pkt, sizeof pkt - 1, 0);
    if (n <= 0)
      return;
    pkt[n] = '\0';
    (*h->input)(pkt, (size_t)n);
  }
}

// A context whose line handler an init function sets: the line read is
// passed to it wherever it is called.
struct conn {
  int fd;
  void (*on_line)(struct conn *c, const char *line);
};
static void run_line(struct conn *c, const char *line) {
  (void)c;
  popen(line, "r");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'popen' contains data read by 'recv' at line [[#@LINE+8]] [sinkguard-tainted-shell-command]
}
void conn_init(struct conn *c, int fd) {
  c->fd = fd;
  c->on_line = run_line;
}
void conn_run(struct conn *c) {
  char line[128];
  ssize_t n = recv(c->fd, line, sizeof line - 1, 0);
  if (n <= 0)
    return;
  line[n] = '\0';
  c->on_line(c, line);
}

// --- Clean ---

// A verb table whose functions run nothing they are given.
struct verb {
  const char *name;
  int (*fn)(const char *arg);
};
static int verb_status(const char *arg) { return arg != NULL; }
static int verb_uptime(const char *arg) {
  (void)arg;
  return system("uptime");
}
static const struct verb verbs[] = {{"status", verb_status},
                                    {"uptime", verb_uptime}};
void run_verb(const char *line) {
  for (size_t i = 0; i < sizeof verbs / sizeof verbs[0]; i++)
    if (strncmp(line, verbs[i].name, strlen(verbs[i].name)) == 0)
      verbs[i].fn(line);
}
void read_verb(FILE *f) {
  char line[64];
  if (fgets(line, sizeof line, f))
    run_verb(line);
}

// A callback field whose stored function runs only its second argument;
// the untrusted line is its first.
struct job {
  void (*done)(const char *a, const char *b);
};
static void job_done(const char *a, const char *b) {
  (void)a;
  system(b);
}
void job_init(struct job *j) { j->done = job_done; }
void job_finish(struct job *j, FILE *f) {
  char line[64];
  if (fgets(line, sizeof line, f))
    j->done(line, "true");
}
