// TrustedSources and ReportPointerOffsets change what is reported.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-index %t
// RUN: %check_sinkguard --check-prefix=TRUSTED %s sinkguard-unchecked-index %t-trusted -- \
// RUN:   -config="{CheckOptions: {sinkguard-unchecked-index.TrustedSources: 'file;environment', sinkguard-unchecked-index.ReportPointerOffsets: false}}"
//
// A bad value is reported as a configuration problem; the rest still works.
// RUN: %check_sinkguard --check-prefix=BADOPT --driver-exit=2 %s sinkguard-unchecked-index %t-bad -- \
// RUN:   -config="{CheckOptions: {sinkguard-unchecked-index.TrustedSources: 'disk;file;environment', sinkguard-unchecked-index.ReportPointerOffsets: false}}"
// BADOPT: warning: invalid value 'disk' in sinkguard-unchecked-index.TrustedSources; expected command-line, environment, stdin, file or network [clang-tidy-config]

#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>

static int table[4];

int from_file(FILE *f) {
  int n;
  fscanf(f, "%d", &n);
  return table[n];
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: index 'n' read by 'fscanf' at line [[#@LINE-2]] has no upper bound
}

int from_environment(void) { return table[atoi(getenv("SLOT"))]; }
// CHECK-MESSAGES: :[[@LINE-1]]:43: warning: index 'atoi(getenv("SLOT"))' read by 'getenv' at line [[#@LINE-1]] has no upper bound

int from_network(int sock) {
  unsigned n;
  recv(sock, &n, sizeof n, 0);
  return table[n];
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: index 'n' read by 'recv' at line [[#@LINE-2]] has no upper bound
  // TRUSTED: :[[@LINE-2]]:16: warning: index 'n' read by 'recv' at line [[#@LINE-3]] has no upper bound
  // BADOPT: :[[@LINE-3]]:16: warning: index 'n' read by 'recv' at line [[#@LINE-4]] has no upper bound
}

const int *offset(int sock) {
  unsigned n;
  recv(sock, &n, sizeof n, 0);
  return table + n;
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: offset 'n' read by 'recv' at line [[#@LINE-2]] has no upper bound
}

int checked(int sock) {
  unsigned n;
  recv(sock, &n, sizeof n, 0);
  return n < 4 ? table[n] : 0;
}
