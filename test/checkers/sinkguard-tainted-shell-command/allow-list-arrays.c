// An allow-list of literals compared by strcmp in a loop: a helper that
// returns true only when the text equals one of them validates it; a
// comparison with an array the program fills does not.
//
// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const allowed[] = {"uptime", "date", "who", NULL};

static int is_allowed(const char *cmd) {
  for (int i = 0; allowed[i]; i++)
    if (strcmp(cmd, allowed[i]) == 0)
      return 1;
  return 0;
}

static const char *recent[4];
static int seen_before(const char *cmd) {
  for (int i = 0; i < 4; i++)
    if (recent[i] && strcmp(cmd, recent[i]) == 0)
      return 1;
  return 0;
}

void remember(const char *cmd) { recent[0] = cmd; }

void run_seen(void) {
  char line[64];
  if (!fgets(line, sizeof line, stdin))
    return;
  line[strcspn(line, "\n")] = '\0';
  if (seen_before(line))
    system(line);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: command passed to 'system' contains data read by 'fgets' at line [[#@LINE-5]] [sinkguard-tainted-shell-command]
}

// --- Clean ---

void run_allowed(void) {
  char line[64];
  if (!fgets(line, sizeof line, stdin))
    return;
  line[strcspn(line, "\n")] = '\0';
  if (!is_allowed(line))
    return;
  system(line);
}
