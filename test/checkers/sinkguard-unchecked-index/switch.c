// A switch bounds its subject in each case: the cases list the values that
// reach them, and `default` bounds nothing.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-index %t

#include <stdio.h>

static int handlers[4];

static int opcode(FILE *f) {
  int op = 0;
  fscanf(f, "%d", &op);
  return op;
}

int dispatch(FILE *f) {
  int op = opcode(f);
  switch (op) {
  case 0:
  case 1:
    return handlers[op];
  case 2 ... 3:
    return handlers[op] + 1;
  case 7:
    return handlers[op];
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: index 'op' read by 'fscanf' at line 12 may be 7, past the end of 'handlers' (4 elements) [sinkguard-unchecked-index]
  default:
    return handlers[op];
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: index 'op' read by 'fscanf' at line 12 has no upper bound
  }
}

int fallthrough_from_default(FILE *f) {
  int op = opcode(f);
  switch (op) {
  default:
    op = 0;
    // fall through
  case 1:
  case 2:
    return handlers[op];
  }
}

int switch_on_other(FILE *f) {
  int op = opcode(f);
  int kind = opcode(f);
  switch (kind) {
  case 0:
    return handlers[op];
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: index 'op' read by 'fscanf' at line 12 has no upper bound
  default:
    return 0;
  }
}
