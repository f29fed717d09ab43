// A size computed from a parameter and constants (`size ? size : 1`,
// `n + 1`, `n * 2`) is judged at each call with the caller's range of the
// argument carried through that computation, as a size that is the
// parameter itself is: a caller's check holds in the callee, through
// several calls that pass the parameter on unchanged.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-size %t

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *xmalloc__(size_t size) {
  void *p = malloc(size ? size : 1);
  if (!p)
    abort();
  return p;
}

static void *xmalloc(size_t size) { return xmalloc__(size); }

static char *dup_n(const char *s, size_t n) {
  char *p = xmalloc(n + 1);
  memcpy(p, s, n);
  p[n] = 0;
  return p;
}

static char *twice(size_t n) { return malloc(n * 2); }

// The same shapes, reached by unchecked values below.
static void *ymalloc__(size_t size) {
  void *p = malloc(size ? size : 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: size 'size ? size : 1' read by 'fgets' at line 47 passed to 'malloc' has no upper bound [sinkguard-unchecked-size]
  if (!p)
    abort();
  return p;
}

static void *ymalloc(size_t size) { return ymalloc__(size); }

static char *thrice(size_t n) { return malloc(n * 3); }
// CHECK-MESSAGES: :[[@LINE-1]]:47: warning: size 'n * 3' read by 'fgets' at line 47 passed to 'malloc' has no upper bound; the multiplication may overflow [sinkguard-unchecked-size]

static size_t read_number(void) {
  char line[64];
  if (!fgets(line, sizeof line, stdin))
    return 0;
  return strtoul(line, NULL, 10);
}

void bounded(const char *s) {
  size_t n = read_number();
  if (n > 4096)
    return;
  free(xmalloc(n));
  free(dup_n(s, n));
  free(twice(n));
}

void clamped(const char *s) {
  size_t n = read_number();
  free(dup_n(s, n > 100 ? 100 : n));
}

// Flagged: not checked before the call.
void unchecked(void) {
  size_t n = read_number();
  free(ymalloc(n));
}

// Flagged: checked, then grown past the check.
void grown(void) {
  size_t n = read_number();
  if (n > 4096)
    return;
  n += read_number();
  free(thrice(n));
}
