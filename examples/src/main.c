/* main.c - netadmin: ping hosts, back up and archive files, keep a small
 * table of host records.
 *
 *   netadmin -p HOST [-c COUNT]      ping a host
 *   netadmin -g [-c COUNT]           ping the default gateway
 *   netadmin -b DIR -o ARCHIVE       back up a directory
 *   netadmin -a LOGNAME              compress a log file
 *   netadmin -A                      compress netadmin's own log
 *   netadmin -r FILE [-i SLOT]       load records, look one up
 *   netadmin -l                      list existing backups
 *   netadmin -s                      show system status
 *   netadmin -p HOST -x HOOK         run HOOK with the host after a ping
 *   netadmin -u USER                 show a user's groups
 */
#include "netadmin.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static void usage(const char *prog) {
  fprintf(stderr,
          "usage: %s [-p host] [-g] [-c count] [-b dir -o archive]\n"
          "          [-a logname] [-A] [-r file [-i slot]] [-l] [-s]\n",
          prog);
}

static int show_status(void) {
  /* Clean: a constant command; nothing from the user reaches the shell. */
  return system("uptime");
}

static int run_hook(const char *hook, const char *host) {
  char cmd[256];
  /* BUG: CWE-78: the hook and host from the command line reach the shell. */
  snprintf(cmd, sizeof cmd, "%s %s", hook, host);
  return system(cmd);
}

static int is_user_name(const char *s) {
  if (!*s)
    return 0;
  for (; *s; ++s)
    if (!isalnum((unsigned char)*s) && *s != '_' && *s != '-')
      return 0;
  return 1;
}

static int show_groups(const char *user) {
  char cmd[128];
  /* Clean for the taint check: the name is allow-listed first. (The
   * construction check still points out the shell; execlp("id", ...)
   * would need none.) */
  if (!is_user_name(user))
    return 2;
  snprintf(cmd, sizeof cmd, "id -Gn %s", user);
  return system(cmd);
}

int main(int argc, char **argv) {
  const char *host = NULL, *dir = NULL, *archive = NULL, *logname = NULL;
  const char *records = NULL, *slot = NULL, *hook = NULL, *user = NULL;
  int count = 3, gateway = 0, list = 0, status = 0, own_log = 0;
  int opt;

  while ((opt = getopt(argc, argv, "p:gc:b:o:a:Ar:i:lsx:u:")) != -1) {
    switch (opt) {
    case 'p': host = optarg; break;
    case 'g': gateway = 1; break;
    /* BUG: CWE-20: atoi cannot tell "abc" or an overflow from a count. */
    case 'c': count = atoi(optarg); break;
    case 'b': dir = optarg; break;
    case 'o': archive = optarg; break;
    case 'a': logname = optarg; break;
    case 'A': own_log = 1; break;
    case 'r': records = optarg; break;
    case 'i': slot = optarg; break;
    case 'l': list = 1; break;
    case 's': status = 1; break;
    case 'x': hook = optarg; break;
    case 'u': user = optarg; break;
    default: usage(argv[0]); return 2;
    }
  }

  int rc = 0;
  if (status)
    rc |= show_status();
  if (host)
    rc |= ping_host(host, count);
  if (host && hook)
    rc |= run_hook(hook, host);
  if (user)
    rc |= show_groups(user);
  if (gateway)
    rc |= ping_gateway(count);
  if (dir && archive)
    rc |= backup_directory(archive, dir);
  if (list)
    rc |= backup_list();
  if (logname)
    rc |= archive_log(logname);
  if (own_log)
    rc |= archive_default_log();
  if (records) {
    FILE *in = fopen(records, "r");
    if (!in) {
      perror(records);
      return 1;
    }
    rc |= records_load(in) < 0;
    char note[64];
    if (records_read_note(in, note, sizeof note) >= 0)
      printf("note: %s\n", note);
    if (slot) {
      records_count_hit(slot);
      printf("port %d\n", records_port(slot));
    }
    fclose(in);
  }
  return rc ? 1 : 0;
}
