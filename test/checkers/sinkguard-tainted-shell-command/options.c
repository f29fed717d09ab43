// TrustedSources and ReportArgumentInjection change what is reported.
//
// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t
// RUN: %check_sinkguard --check-prefix=TRUSTENV %s sinkguard-tainted-shell-command %t-trust -- \
// RUN:   -config="{CheckOptions: {sinkguard-tainted-shell-command.TrustedSources: 'environment;command-line', sinkguard-tainted-shell-command.ReportArgumentInjection: false}}"
//
// A bad value is reported as a configuration problem; the rest still works.
// RUN: %check_sinkguard --check-prefix=BADOPT --driver-exit=2 %s sinkguard-tainted-shell-command %t-bad -- \
// RUN:   -config="{CheckOptions: {sinkguard-tainted-shell-command.TrustedSources: 'bogus;environment;command-line', sinkguard-tainted-shell-command.ReportArgumentInjection: false}}"
// BADOPT: warning: invalid value 'bogus' in sinkguard-tainted-shell-command.TrustedSources; expected command-line, environment, stdin, file or network [clang-tidy-config]

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

void environment(void) {
  system(getenv("CMD"));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'getenv'
}

void standard_input(void) {
  char line[64];
  fgets(line, sizeof line, stdin);
  system(line);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'fgets'
  // TRUSTENV: :[[@LINE-2]]:3: warning: command passed to 'system' contains data read by 'fgets'
  // BADOPT: :[[@LINE-3]]:3: warning: command passed to 'system' contains data read by 'fgets'
}

void argument(void) {
  char line[64];
  fgets(line, sizeof line, stdin);
  execlp("tar", "tar", "xf", line, (char *)NULL);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: argument passed to 'execlp' contains data read by 'fgets'
}

int main(int argc, char **argv) {
  system(argv[1]);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data from 'argv'
  return 0;
}
