// A pointer to untrusted text stored in one field of a struct stays in
// that field when the struct is copied (assignment, initialisation,
// memcpy): the copy's field reaches the shell, its other fields do not.
//
// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t

#include <stdlib.h>
#include <string.h>

struct job {
  const char *cmd;
  const char *name;
};

void assigned(struct job *out) {
  struct job tmp = {0};
  tmp.cmd = getenv("CMD");
  tmp.name = "backup";
  *out = tmp;
  system(out->cmd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'getenv' at line [[#@LINE-4]]
  system(out->name);
}

void initialised(void) {
  struct job a = {0};
  a.cmd = getenv("CMD");
  a.name = "backup";
  struct job b = a;
  system(b.cmd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'getenv' at line [[#@LINE-4]]
  system(b.name);
}

void copied(struct job *out) {
  struct job a = {0};
  a.cmd = getenv("CMD");
  a.name = "backup";
  memcpy(out, &a, sizeof a);
  system(out->cmd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'getenv' at line [[#@LINE-4]]
  system(out->name);
}
