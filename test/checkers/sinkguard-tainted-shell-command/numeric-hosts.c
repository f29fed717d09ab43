// getaddrinfo returning 0 validates a host only when its hints ask for a
// numeric address (AI_NUMERICHOST): otherwise any name resolves, and a
// name can carry shell syntax. inet_pton accepts numeric addresses only.
//
// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t

#include <arpa/inet.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void ping(const char *host) {
  char cmd[256];
  snprintf(cmd, sizeof cmd, "ping -c 1 %s", host);
  system(cmd);
}

void resolved_by_name(void) {
  const char *host = getenv("HOST");
  struct addrinfo hints, *res;
  memset(&hints, 0, sizeof hints);
  hints.ai_flags = AI_CANONNAME;
  if (getaddrinfo(host, NULL, &hints, &res) != 0)
    return;
  freeaddrinfo(res);
  char cmd[256];
  snprintf(cmd, sizeof cmd, "ping -c 1 %s", host);
  system(cmd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system'
  // contains data read by 'getenv' at line [[#@LINE-10]]
  // [sinkguard-tainted-shell-command]
}

void numeric_flag_cleared(void) {
  const char *host = getenv("HOST");
  struct addrinfo hints = {.ai_flags = AI_NUMERICHOST | AI_PASSIVE}, *res;
  hints.ai_flags &= ~AI_NUMERICHOST;
  if (getaddrinfo(host, NULL, &hints, &res) == 0) {
    char cmd[256];
    snprintf(cmd, sizeof cmd, "ping -c 1 %s", host);
    system(cmd);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: command passed to 'system'
    // contains data read by 'getenv' at line [[#@LINE-6]]
    // [sinkguard-tainted-shell-command]
  }
}

void without_hints(void) {
  const char *host = getenv("HOST");
  struct addrinfo *res;
  if (getaddrinfo(host, "80", NULL, &res))
    return;
  char cmd[256];
  snprintf(cmd, sizeof cmd, "ping -c 1 %s", host);
  system(cmd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system'
  // contains data read by 'getenv' at line [[#@LINE-7]]
  // [sinkguard-tainted-shell-command]
}

// --- Clean ---

void numeric_host(void) {
  const char *host = getenv("HOST");
  struct addrinfo hints, *res;
  memset(&hints, 0, sizeof hints);
  hints.ai_family = AF_INET;
  hints.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV;
  if (getaddrinfo(host, NULL, &hints, &res) != 0) {
    fprintf(stderr, "not a numeric address\n");
    return;
  }
  freeaddrinfo(res);
  ping(host);
}

void numeric_host_initialised(void) {
  const char *host = getenv("HOST");
  struct addrinfo hints = {.ai_flags = AI_NUMERICHOST}, *res;
  if (!getaddrinfo(host, NULL, &hints, &res))
    ping(host);
}

void numeric_by_inet_pton(void) {
  const char *host = getenv("HOST");
  unsigned char addr[16];
  if (inet_pton(AF_INET, host, addr) != 1)
    return;
  ping(host);
}
