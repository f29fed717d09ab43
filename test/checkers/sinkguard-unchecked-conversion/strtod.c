// Floating-point conversions of untrusted text: atof cannot report failure
// or overflow, like atoi; strtod, strtof and strtold need errno set to 0
// before them, errno and the end pointer checked after them, like strtol.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-conversion %t

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

void use(double v);

double ratio_from_env(void) {
  const char *s = getenv("RATIO");
  return s ? atof(s) : 1.0;
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'atof' converts data read by 'getenv' at line [[#@LINE-2]] and cannot report failure or overflow; use 'strtod' and check errno and the end pointer [sinkguard-unchecked-conversion]
}

void no_checks(FILE *f) {
  char line[64];
  if (!fgets(line, sizeof line, f))
    return;
  double d = strtod(line, NULL);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'strtod' converts data read by 'fgets' at line [[#@LINE-3]] but its failure goes unnoticed: errno is not set to 0 before it; errno is not checked for ERANGE after it; it takes no end pointer, so nothing parsed and trailing characters go unnoticed [sinkguard-unchecked-conversion]
  use(d);
}

void end_only(void) {
  char *end;
  const char *s = getenv("LIMIT");
  if (!s)
    return;
  float f = strtof(s, &end);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'strtof' converts data read by 'getenv' at line [[#@LINE-4]] but its failure goes unnoticed: errno is not set to 0 before it; errno is not checked for ERANGE after it
  if (end == s || *end != '\0')
    return;
  use(f);
}

void errno_only(void) {
  const char *s = getenv("SCALE");
  errno = 0;
  long double v = strtold(s, NULL);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'strtold' converts data read by 'getenv' at line [[#@LINE-3]] but its failure goes unnoticed: it takes no end pointer, so nothing parsed and trailing characters go unnoticed
  if (errno == ERANGE)
    return;
  use((double)v);
}

void used_before_checks(void) {
  const char *s = getenv("SCALE");
  char *end;
  errno = 0;
  double d = strtod(s, &end);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'strtod' converts data read by 'getenv' at line [[#@LINE-4]] but its failure goes unnoticed: the result is used before errno and the end pointer are checked
  use(d);
  if (errno == ERANGE || end == s || *end != '\0')
    return;
}

// --- Clean ---

void fully_checked(void) {
  const char *s = getenv("SCALE");
  char *end;
  if (!s)
    return;
  errno = 0;
  double d = strtod(s, &end);
  if (errno == ERANGE || end == s || *end != '\0')
    return;
  use(d);
}

void overflow_tested_with_huge_val(void) {
  const char *s = getenv("SCALE");
  char *end;
  errno = 0;
  double d = strtod(s, &end);
  if ((d == HUGE_VAL || d == -HUGE_VAL) && errno == ERANGE)
    return;
  if (end == s || *end)
    return;
  use(d);
}

double constant_text(void) { return atof("2.5") + strtod("1e3", NULL); }

int main(int argc, char **argv) {
  if (argc < 2)
    return 1;
  use(atof(argv[1]));
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'atof' converts data from 'argv' at line [[#@LINE-4]] and cannot report failure or overflow; use 'strtod' and check errno and the end pointer
  return 0;
}

double from_parameter(const char *s) {
  // Nobody passes untrusted text here.
  return atof(s);
}
