// An allow-list check that sets a flag, and the flag tested before the
// sink: `ok = 1` where the text equals one of the literals means the text
// was validated wherever the flag is non-zero. A flag set where nothing was
// validated, a flag assigned again, a text changed after the check, or the
// flag's meaning inverted still reach the sink.
//
// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const allowed[] = {"uptime", "date", "who", NULL};

struct command {
  const char *name;
  int level;
};
static const struct command commands[] = {
    {"uptime", 1}, {.level = 2, .name = "date"}, {NULL, 0}};
static struct command editable[] = {{"uptime", 1}, {"date", 2}};

static int read_line(char *buf, int size) {
  if (!fgets(buf, size, stdin))
    return 0;
  buf[strcspn(buf, "\n")] = '\0';
  return 1;
}

void flag_when_different(void) {
  char line[64];
  if (!read_line(line, sizeof line))
    return;
  int ok = 0;
  for (int i = 0; allowed[i]; i++)
    if (strcmp(line, allowed[i]) != 0) {
      ok = 1;
      break;
    }
  if (!ok)
    return;
  system(line);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system'
  // contains data read by 'fgets' at line 24 [sinkguard-tainted-shell-command]
}

void flag_inverted(void) {
  char line[64];
  if (!read_line(line, sizeof line))
    return;
  int ok = 0;
  for (int i = 0; allowed[i]; i++)
    if (strcmp(line, allowed[i]) == 0)
      ok = 1;
  if (ok)
    return;
  system(line);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system'
  // contains data read by 'fgets' at line 24 [sinkguard-tainted-shell-command]
}

void flag_then_appended(const char *arg) {
  char line[128];
  if (!read_line(line, 64))
    return;
  int ok = 0;
  for (int i = 0; allowed[i]; i++)
    if (strcmp(line, allowed[i]) == 0)
      ok = 1;
  strcat(line, getenv("ARGS"));
  if (ok)
    system(line);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: command passed to 'system'
  // contains data read by 'fgets' at line 24 [sinkguard-tainted-shell-command]
  (void)arg;
}

void flag_set_again(void) {
  char line[64];
  if (!read_line(line, sizeof line))
    return;
  int ok = 0;
  for (int i = 0; allowed[i]; i++)
    if (strcmp(line, allowed[i]) == 0)
      ok = 1;
  ok = getenv("FORCE") != NULL;
  if (ok)
    system(line);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: command passed to 'system'
  // contains data read by 'fgets' at line 24 [sinkguard-tainted-shell-command]
}

void flag_for_another_text(void) {
  char line[64], name[64];
  if (!read_line(line, sizeof line) || !read_line(name, sizeof name))
    return;
  int ok = 0;
  for (int i = 0; allowed[i]; i++)
    if (strcmp(name, allowed[i]) == 0)
      ok = 1;
  if (ok)
    system(line);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: command passed to 'system'
  // contains data read by 'fgets' at line 24 [sinkguard-tainted-shell-command]
}

void flag_without_check(void) {
  char line[64];
  if (!read_line(line, sizeof line))
    return;
  int ok = 0;
  if (line[0] != '-')
    ok = 1;
  if (ok)
    system(line);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: command passed to 'system'
  // contains data read by 'fgets' at line 24 [sinkguard-tainted-shell-command]
}

void table_the_program_edits(void) {
  char line[64];
  if (!read_line(line, sizeof line))
    return;
  for (int i = 0; i < 2; i++)
    if (strcmp(line, editable[i].name) == 0) {
      system(line);
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: command passed to 'system'
      // contains data read by 'fgets' at line 24
      // [sinkguard-tainted-shell-command]
      return;
    }
}

void index_inverted(void) {
  char line[64];
  if (!read_line(line, sizeof line))
    return;
  int i;
  for (i = 0; allowed[i]; i++)
    if (strcmp(line, allowed[i]) == 0)
      break;
  if (allowed[i])
    return;
  system(line);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system'
  // contains data read by 'fgets' at line 24 [sinkguard-tainted-shell-command]
}

void index_broken_on_mismatch(void) {
  char line[64];
  if (!read_line(line, sizeof line))
    return;
  int i;
  for (i = 0; i < 3; i++)
    if (strcmp(line, allowed[i]) != 0)
      break;
  if (i < 3)
    system(line);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: command passed to 'system'
  // contains data read by 'fgets' at line 24 [sinkguard-tainted-shell-command]
}

void index_reset(void) {
  char line[64];
  if (!read_line(line, sizeof line))
    return;
  int i;
  for (i = 0; i < 3; i++)
    if (strcmp(line, allowed[i]) == 0)
      break;
  i = 0;
  if (i != 3)
    system(line);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: command passed to 'system'
  // contains data read by 'fgets' at line 24 [sinkguard-tainted-shell-command]
}

// --- Clean ---

void flag_with_break(void) {
  char line[64];
  if (!read_line(line, sizeof line))
    return;
  int ok = 0;
  for (int i = 0; allowed[i]; i++)
    if (strcmp(line, allowed[i]) == 0) {
      ok = 1;
      break;
    }
  if (!ok) {
    fprintf(stderr, "not allowed\n");
    return;
  }
  system(line);
}

void flag_without_break(void) {
  char line[64];
  if (!read_line(line, sizeof line))
    return;
  int found = 0;
  for (int i = 0; i < 3; i++)
    if (!strcmp(line, allowed[i]))
      found = 1;
  if (found != 0)
    system(line);
}

void flag_of_a_table(void) {
  char line[64];
  if (!read_line(line, sizeof line))
    return;
  int known = 0;
  for (int i = 0; commands[i].name; i++)
    if (strcmp(commands[i].name, line) == 0)
      known = 1;
  if (known && line[0])
    system(line);
}

void table_of_records(void) {
  char line[64];
  if (!read_line(line, sizeof line))
    return;
  for (int i = 0; commands[i].name; i++)
    if (strcmp(line, commands[i].name) == 0) {
      system(line);
      return;
    }
}

static int listed(const char *cmd) {
  int ok = 0;
  for (int i = 0; allowed[i]; i++)
    if (strcmp(cmd, allowed[i]) == 0)
      ok = 1;
  return ok;
}

void flag_returned_by_a_helper(void) {
  char line[64];
  if (!read_line(line, sizeof line))
    return;
  if (listed(line))
    system(line);
}

void index_after_the_loop(void) {
  char line[64];
  if (!read_line(line, sizeof line))
    return;
  int i;
  for (i = 0; allowed[i]; i++)
    if (strcmp(line, allowed[i]) == 0)
      break;
  if (!allowed[i])
    return;
  system(line);
}

void index_at_the_end(void) {
  char line[64];
  if (!read_line(line, sizeof line))
    return;
  int i;
  for (i = 0; i < 3; i++)
    if (strcmp(line, allowed[i]) == 0)
      break;
  if (i == 3) {
    fprintf(stderr, "unknown command\n");
    return;
  }
  system(line);
}

void index_of_a_table(void) {
  char line[64];
  if (!read_line(line, sizeof line))
    return;
  int i;
  for (i = 0; commands[i].name != NULL; i++)
    if (strcmp(commands[i].name, line) == 0)
      break;
  if (commands[i].name == NULL)
    return;
  system(line);
}
