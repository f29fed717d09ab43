// The scanf family: the result must be compared with the number of values
// the format reads; EOF, zero tests and ignored results let bad input leave
// the values unset.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-conversion %t

#include <stdio.h>
#include <stdlib.h>

void use(int v);

void ignored(void) {
  int n;
  scanf("%d", &n);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the result of 'scanf' reading 1 value from standard input is ignored; compare it with 1 or bad input leaves them unset [sinkguard-unchecked-conversion]
  use(n);
}

void compared_with_eof(FILE *f) {
  int a, b;
  while (fscanf(f, "%d %d", &a, &b) != EOF)
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: the result of 'fscanf' reading 2 values from a file is compared with EOF; compare it with 2 or bad input leaves them unset
    use(a + b);
}

void compared_with_wrong_count(FILE *f) {
  int a, b;
  if (fscanf(f, "%d,%d", &a, &b) == 1)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: the result of 'fscanf' reading 2 values from a file is compared with 1; compare it with 2 or bad input leaves them unset
    use(a + b);
}

void zero_test(void) {
  char *arg = getenv("ARG");
  int w, h;
  if (sscanf(arg, "%dx%d", &w, &h))
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: the result of 'sscanf' reading 2 values from data read by 'getenv' at line [[#@LINE-3]] is only tested for zero, and EOF (-1) passes; compare it with 2 or bad input leaves them unset
    use(w * h);
}

void negated(void) {
  char *arg = getenv("ARG");
  int v;
  if (!sscanf(arg, "%d", &v))
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: the result of 'sscanf' reading 1 value from data read by 'getenv' at line [[#@LINE-3]] is only tested for zero, and EOF (-1) passes
    return;
  use(v);
}

void stored_never_compared(void) {
  char *arg = getenv("ARG");
  int a, b;
  int got = sscanf(arg, "%d:%d", &a, &b);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: the result of 'sscanf' reading 2 values from data read by 'getenv' at line [[#@LINE-3]] is stored in 'got' and compared with 0; compare it with 2 or bad input leaves them unset
  if (got > 0)
    use(a + b);
}

// --- Clean. ---

void checked(FILE *f) {
  int a, b;
  if (fscanf(f, "%d %d", &a, &b) != 2)
    return;
  use(a + b);
}

void loop_on_count(FILE *f) {
  int v;
  while (fscanf(f, "%d", &v) == 1)
    use(v);
}

void suppressed_and_count(void) {
  char *arg = getenv("ARG");
  int v, pos;
  // %*s assigns nothing and %n is no conversion: one value.
  if (sscanf(arg, "%*s %d%n", &v, &pos) < 1)
    return;
  use(v + pos);
}

void stored_and_compared(void) {
  char *arg = getenv("ARG");
  int a, b;
  int got = sscanf(arg, "%d-%d", &a, &b);
  if (got != 2)
    return;
  use(a + b);
}

void positive_single(FILE *f) {
  int v;
  if (fscanf(f, "%d", &v) > 0)
    use(v);
}

void trusted_text(void) {
  int v;
  if (sscanf("12", "%d", &v))
    use(v);
}

int passed_on(int *v) {
  char *arg = getenv("ARG");
  // The caller compares.
  return sscanf(arg, "%d", v);
}
