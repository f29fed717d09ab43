// A number one function of the file stores in a global and another uses as
// an index: found one file at a time as in the whole-program scan, unless
// every store of untrusted data there left it in a range.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-index %t

#include <stdio.h>
#include <stdlib.h>

static int slot;
static int levels[16];

int current_level(void) { return levels[slot]; }
// CHECK-MESSAGES: :[[@LINE-1]]:41: warning: index 'slot' read by 'getenv' at line [[#@LINE+3]] has no upper bound [sinkguard-unchecked-index]

void choose_slot(void) {
  char *s = getenv("SLOT");
  if (s)
    slot = atoi(s);
}

// Through a helper that keeps its argument.
static int depth;
static void set_depth(int d) { depth = d; }
void read_depth(FILE *f) {
  int d;
  if (fscanf(f, "%d", &d) == 1)
    set_depth(d);
}
int at_depth(void) { return levels[depth]; }
// CHECK-MESSAGES: :[[@LINE-1]]:36: warning: index 'depth' read by 'fscanf' at line [[#@LINE-4]] has no upper bound [sinkguard-unchecked-index]

// --- Clean ---

// Checked before it is stored.
static int checked;
int use_checked(void) { return levels[checked]; }
void set_checked(void) {
  int v = atoi(getenv("LEVEL"));
  if (v < 0 || v >= 16)
    return;
  checked = v;
}

// Masked as it is stored.
static unsigned masked;
unsigned use_masked(void) { return (unsigned)levels[masked]; }
void set_masked(void) { masked = (unsigned)atoi(getenv("LEVEL")) & 15u; }

// A helper that checks what it keeps.
static int kept;
static void keep(int v) {
  if (v >= 0 && v < 16)
    kept = v;
}
void read_kept(void) { keep(atoi(getenv("KEPT"))); }
int use_kept(void) { return levels[kept]; }

// Only constants are stored.
static int fixed_slot;
void pick_fixed(int fast) { fixed_slot = fast ? 3 : 4; }
int use_fixed(void) { return levels[fixed_slot]; }
