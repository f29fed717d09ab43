// A union's members are one object: data written through one member is
// read through another (a raw buffer read from the input and then parsed
// through a struct member, a pointer kept as an integer).
//
// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t

#include <stdio.h>
#include <stdlib.h>

union message {
  char raw[64];
  struct {
    char verb[16];
    char arg[48];
  } parsed;
};

void handle(FILE *in) {
  union message m;
  if (fread(m.raw, 1, sizeof m.raw, in) != sizeof m.raw)
    return;
  m.raw[sizeof m.raw - 1] = '\0';
  system(m.parsed.arg);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'fread' at line [[#@LINE-4]] [sinkguard-tainted-shell-command]
}

union word {
  const char *text;
  unsigned long bits;
};

void punned(void) {
  union word w;
  w.text = getenv("CMD");
  popen((const char *)w.bits, "r");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'popen' contains data read by 'getenv' at line [[#@LINE-2]] [sinkguard-tainted-shell-command]
}

// --- Clean ---

// A union written with a constant through one member, read through another.
void fixed(void) {
  union message m;
  snprintf(m.parsed.arg, sizeof m.parsed.arg, "uptime");
  system(m.raw + 16);
}

// Another variable of the same union type holds the input.
void other_object(FILE *in) {
  union message a, b;
  if (fread(a.raw, 1, sizeof a.raw, in) != sizeof a.raw)
    return;
  snprintf(b.raw, sizeof b.raw, "date");
  system(b.parsed.verb);
}
