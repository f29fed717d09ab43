// A model file may name a field holding a function pointer as a source (or
// a sanitizer): every call through that field, whatever function the
// program stores there, is one (`transport::read_cb`; a typedef names an
// anonymous struct: `handle_t::next_line`).
//
// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t -- \
// RUN:   -config="{CheckOptions: {sinkguard-tainted-shell-command.ModelFile: '%S/Inputs/field-model.yaml'}}"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct transport {
  int fd;
  int (*read_cb)(struct transport *t, char *buf, int size);
  int (*write_cb)(struct transport *t, const char *buf, int size);
  char *(*quote_cb)(const char *text);
};

typedef struct {
  const char *(*next_line)(void *self);
  void *self;
} handle_t;

// --- Flagged ---

void run_received(struct transport *t) {
  char cmd[256];
  int n = t->read_cb(t, cmd, sizeof cmd - 1);
  if (n <= 0)
    return;
  cmd[n] = '\0';
  system(cmd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'read_cb' at line [[#@LINE-5]] [sinkguard-tainted-shell-command]
}

void run_line(handle_t *h) {
  const char *line = (*h->next_line)(h->self);
  if (line)
    system(line);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: command passed to 'system' contains data read by 'next_line' at line [[#@LINE-3]] [sinkguard-tainted-shell-command]
}

// --- Clean ---

void run_quoted(struct transport *t) {
  char buf[256], cmd[300];
  int n = t->read_cb(t, buf, sizeof buf - 1);
  if (n <= 0)
    return;
  buf[n] = '\0';
  char *quoted = t->quote_cb(buf);
  snprintf(cmd, sizeof cmd, "echo %s", quoted);
  system(cmd);
}

void write_only(struct transport *t) {
  char cmd[64] = "uptime";
  t->write_cb(t, cmd, (int)strlen(cmd));
  system(cmd);
}
