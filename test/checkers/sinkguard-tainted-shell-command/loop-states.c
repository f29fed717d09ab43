// Sinks judge the states the analysis of a function converged to, never a
// state of an unfinished round: what a command receives on the first trip
// round a loop must still be there once the loop's paths have joined. Two
// joins used to keep less than each side held: a pointer walking a list
// (`p = list` before the loop, `p = p->next` in it) designated only the
// deeper node, and a function pointer set to different functions on two
// paths designated none. Both now designate every object or function
// they may (State::join), so a sink inside the loop sees the first node
// and each function.
//
// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t

#include <stdlib.h>

struct node {
  struct node *next;
  char *text;
};

void walk_tainted_head(struct node *list) {
  list->text = getenv("CMD");
  for (struct node *p = list; p; p = p->next)
    system(p->text);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: command passed to 'system' contains data read by 'getenv' at line 21 [sinkguard-tainted-shell-command]
  // CHECK-MESSAGES: :21:16: note: 'getenv' returns untrusted data
  // CHECK-MESSAGES: :21:14: note: assigned to 'list->text'
}

void walk_constant_head(struct node *list) {
  list->text = "ls";
  for (struct node *p = list; p; p = p->next)
    system(p->text);
}

static void run(const char *c) { system(c); }
// CHECK-MESSAGES: :[[@LINE-1]]:34: warning: command passed to 'system' contains data from 'argv' at line 40 [sinkguard-tainted-shell-command]
static void ignore(const char *c) { (void)c; }
static void run_fixed(const char *c) { (void)c; system("ls"); }

int main(int argc, char **argv) {
  // The first trip runs `run`, the others `ignore`.
  void (*fp)(const char *) = run;
  for (int i = 1; i < argc; i++) {
    fp(argv[i]);
    fp = ignore;
  }
  // Neither function runs what it is given.
  void (*quiet)(const char *) = run_fixed;
  for (int i = 1; i < argc; i++) {
    quiet(argv[i]);
    quiet = ignore;
  }
  return 0;
}
