// backup.cpp - tar backups of directories.
#include "netadmin.h"

#include <cstdio>
#include <string>

static int drain(FILE *pipe) {
  if (!pipe)
    return -1;
  char line[256];
  while (std::fgets(line, sizeof line, pipe))
    std::fputs(line, stdout);
  return pclose(pipe) == 0 ? 0 : 1;
}

extern "C" int backup_directory(const char *archive_name, const char *dir_name) {
  std::string archive = archive_name;
  std::string dir = dir_name;
  std::string cmd = "tar czf " + archive + " " + dir;
  /* BUG: CWE-78: archive and directory names reach the shell unquoted. */
  return drain(popen(cmd.c_str(), "r"));
}

extern "C" int backup_list(void) {
  // Clean: a constant command, even though it is a std::string.
  std::string cmd = "ls -l ";
  cmd += BACKUP_ROOT;
  return drain(popen(cmd.c_str(), "r"));
}
