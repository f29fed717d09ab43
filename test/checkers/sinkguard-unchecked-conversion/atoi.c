// The atoi family on untrusted text: failure ("abc" gives 0) and overflow
// cannot be detected. Trusted text and numbers converted safely are clean.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-conversion %t

#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
  if (argc < 2)
    return -1;
  return atoi(argv[1]);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'atoi' converts data from 'argv' at line [[#@LINE-4]] and cannot report failure or overflow; use 'strtol' and check errno and the end pointer [sinkguard-unchecked-conversion]
}

long size_from_env(void) {
  const char *s = getenv("BUFSIZE");
  return s ? atol(s) : 4096;
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'atol' converts data read by 'getenv' at line [[#@LINE-2]] and cannot report failure or overflow
}

long long offset_from_file(FILE *f) {
  char line[64];
  if (!fgets(line, sizeof line, f))
    return 0;
  return atoll(line);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'atoll' converts data read by 'fgets' at line [[#@LINE-3]] and cannot report failure or overflow
}

static int parse(const char *text) { return atoi(text); }
// CHECK-MESSAGES: :[[@LINE-1]]:45: warning: 'atoi' converts data read by 'getenv' at line [[#@LINE+3]] and cannot report failure or overflow

int through_helper(void) {
  return parse(getenv("LEVEL"));
}

// --- Clean: the text is not untrusted. ---

int from_literal(void) { return atoi("42"); }

int from_constant_table(int i) {
  static const char *const table[] = {"1", "2", "3"};
  return atoi(table[i & 1]);
}

int from_parameter(const char *s) {
  // Nobody passes untrusted text here.
  return atoi(s);
}
