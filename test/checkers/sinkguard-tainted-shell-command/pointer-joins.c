// A pointer that designates different buffers on different paths: after
// the paths join it may designate either, so what either holds reaches a
// command run through it. A pointer walking a list (`p = p->next`)
// designates the list's nodes. The analysis of such loops ends (a pointer
// set to one buffer or the other on alternate rounds once kept it going
// until its budget ran out).
//
// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void alternating_in_a_loop(int rounds) {
  char safe[64] = "ls", tainted[64];
  char *cur = safe;
  strncpy(tainted, getenv("CMD"), sizeof tainted - 1);
  for (int i = 0; i < rounds; i++) {
    if (i & 1)
      cur = tainted;
    else
      cur = safe;
  }
  system(cur);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'getenv' at line 17 [sinkguard-tainted-shell-command]
  // CHECK-MESSAGES: :17:20: note: 'getenv' returns untrusted data
  // CHECK-MESSAGES: :17:3: note: 'strncpy' copies it into 'tainted'
}

void alternating_between_constants(int rounds) {
  char a[64] = "ls", b[64] = "pwd";
  char *cur = a;
  for (int i = 0; i < rounds; i++) {
    if (i & 1)
      cur = b;
    else
      cur = a;
  }
  system(cur);
}

void one_branch_tainted(int c) {
  char safe[64] = "ls", tainted[64];
  char *cur;
  fgets(tainted, sizeof tainted, stdin);
  if (c)
    cur = tainted;
  else
    cur = safe;
  system(cur);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'fgets' at line 45 [sinkguard-tainted-shell-command]
  // CHECK-MESSAGES: :45:3: note: 'fgets' reads untrusted data into 'tainted'
}

void tainted_after_the_join(int c) {
  char a[64] = "ls", b[64] = "pwd";
  char *cur;
  if (c)
    cur = a;
  else
    cur = b;
  fgets(b, sizeof b, stdin);
  system(cur);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'fgets' at line 62 [sinkguard-tainted-shell-command]
  // CHECK-MESSAGES: :62:3: note: 'fgets' reads untrusted data into 'b'
}

void set_again_after_the_join(int c) {
  char safe[64] = "ls", tainted[64];
  char *cur;
  fgets(tainted, sizeof tainted, stdin);
  if (c)
    cur = tainted;
  else
    cur = safe;
  cur = safe;
  system(cur);
}

struct node {
  struct node *next;
  char text[32];
};

void list_walk(struct node *list) {
  char line[32];
  fgets(line, sizeof line, stdin);
  for (struct node *p = list; p; p = p->next)
    strcpy(p->text, line);
  system(list->next->text);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'fgets' at line 87 [sinkguard-tainted-shell-command]
  // CHECK-MESSAGES: :87:3: note: 'fgets' reads untrusted data into 'line'
  // CHECK-MESSAGES: :89:5: note: 'strcpy' copies it into 'p->text'
}

void list_walk_clean(struct node *list) {
  for (struct node *p = list; p; p = p->next)
    strcpy(p->text, "true");
  system(list->next->text);
}
