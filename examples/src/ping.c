/* ping.c - reachability checks through the system ping tool. */
#include "netadmin.h"

#include <stdio.h>
#include <stdlib.h>

int ping_host(const char *host, int count) {
  char cmd[256];
  snprintf(cmd, sizeof cmd, "ping -c %d %s", count, host);
  /* BUG: CWE-78: host comes from the command line; "-p 'x; rm -rf ~'" runs rm. */
  return system(cmd);
}

int ping_gateway(int count) {
  char cmd[64];
  /* Clean: only an integer is formatted into the command. */
  snprintf(cmd, sizeof cmd, "ping -c %d 192.168.1.1", count);
  return system(cmd);
}
