// A conditional expression whose condition validates the side it picks:
// `is_allowed(c) ? c : "true"` hands over c only where it was accepted.
// The other side, an inverted test, or a test of another text still reach
// the sink.
//
// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const allowed[] = {"uptime", "date", "who", NULL};

static int is_allowed(const char *c) {
  for (int i = 0; allowed[i]; i++)
    if (strcmp(c, allowed[i]) == 0)
      return 1;
  return 0;
}

void picked_when_allowed(void) {
  const char *c = getenv("CMD");
  system(is_allowed(c) ? c : "true");
}

void picked_through_variable(void) {
  const char *c = getenv("CMD");
  const char *run = is_allowed(c) ? c : "date";
  system(run);
}

void picked_through_assignment(void) {
  const char *c = getenv("CMD");
  const char *run = "date";
  if (c)
    run = !is_allowed(c) ? "true" : c;
  system(run);
}

void copied_when_allowed(void) {
  char buf[128];
  const char *c = getenv("CMD");
  if (!c || strlen(c) > 64)
    return;
  strcpy(buf, is_allowed(c) ? c : "true");
  system(buf);
}

struct job {
  const char *command;
};

void picked_into_field(struct job *j) {
  const char *c = getenv("CMD");
  j->command = is_allowed(c) ? c : "true";
  system(j->command);
}

void picked_when_refused(void) {
  const char *c = getenv("CMD");
  system(!is_allowed(c) ? c : "true");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'getenv' at line 60 [sinkguard-tainted-shell-command]
}

void other_side(void) {
  const char *c = getenv("CMD");
  const char *d = getenv("FALLBACK");
  const char *run = is_allowed(c) ? c : d;
  system(run);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'getenv' at line 67 [sinkguard-tainted-shell-command]
}

void other_text_tested(void) {
  const char *c = getenv("CMD");
  const char *d = getenv("OTHER");
  system(is_allowed(d) ? c : "true");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'getenv' at line 74 [sinkguard-tainted-shell-command]
}

void changed_after(void) {
  char buf[128];
  const char *c = getenv("CMD");
  if (!c || strlen(c) > 64)
    return;
  strcpy(buf, is_allowed(c) ? c : "true");
  strcat(buf, getenv("ARGS"));
  system(buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'getenv' at line 86 [sinkguard-tainted-shell-command]
}
