/* archive.c - compress log files in place. */
#include "netadmin.h"

#include <stdlib.h>
#include <string.h>

int archive_log(const char *name) {
  char cmd[512];
  strcpy(cmd, "gzip -9 /var/log/");
  strcat(cmd, name);
  /* BUG: CWE-78: the log name is appended unquoted; "-a 'x;id'" runs id. */
  return system(cmd);
}

int archive_default_log(void) {
  char cmd[128];
  /* Clean: the command is assembled from literals only. */
  strcpy(cmd, "gzip -9 ");
  strcat(cmd, "/var/log/netadmin.log");
  return system(cmd);
}
