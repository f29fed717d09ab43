// An index inside a C library macro (glibc's isalnum indexes its own table
// with an unsigned char) is the library's business; an index inside the
// program's own macro is the program's.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-index %t

#include <ctype-glibc.h>
#include <stdio.h>

static int table[10];
#define LOOKUP(i) (table[(i)])

int library_macro(FILE *f) {
  char line[32];
  fgets(line, sizeof line, f);
  int n = 0;
  for (const char *s = line; *s; ++s)
    if (isalnum((unsigned char)*s))
      ++n;
  return n;
}

int own_macro(FILE *f) {
  int n;
  fscanf(f, "%d", &n);
  return LOOKUP(n);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: index 'n' read by 'fscanf' at line [[#@LINE-2]] has no upper bound [sinkguard-unchecked-index]
}
