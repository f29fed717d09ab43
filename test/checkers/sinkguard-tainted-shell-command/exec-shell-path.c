// A shell started through a variable path (the user's login shell, a
// configured one): an argument vector whose argv[1] is "-c" runs argv[2]
// as a command line, whatever the program path, unless argv[0] names a
// program that is no shell. A literal path that is not a shell is never
// one (gcc's -c compiles).
//
// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t

#include <pwd.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

void login_shell_vector(const char *shell) {
  char *cmd = getenv("CMD");
  execv(shell, (char *[]){"-sh", "-c", cmd, NULL});
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'execv' contains data read by 'getenv' at line [[#@LINE-2]] [sinkguard-tainted-shell-command]
}

void user_shell_list(void) {
  struct passwd *pw = getpwuid(getuid());
  char line[256];
  if (!pw || !fgets(line, sizeof line, stdin))
    return;
  execl(pw->pw_shell, pw->pw_shell, "-c", line, (char *)NULL);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'execl' contains data read by 'fgets' at line [[#@LINE-3]]
}

void shell_with_environment(const char *shell, char **env) {
  const char *cmd = getenv("PROXY_COMMAND");
  execle(shell, shell, "-c", cmd, NULL, env);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'execle' contains data read by 'getenv' at line [[#@LINE-2]]
}

void vector_assigned_element_by_element(const char *sh) {
  char *argv[4];
  argv[0] = (char *)sh;
  argv[1] = "-c";
  argv[2] = getenv("CMD");
  argv[3] = NULL;
  execvp(sh, argv);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'execvp' contains data read by 'getenv' at line [[#@LINE-3]]
}

void initialised_then_completed(const char *sh, char *line) {
  char *argv[] = {"sh", "-c", NULL, NULL};
  fgets(line, 128, stdin);
  argv[2] = line;
  execv(sh, argv);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'execv' contains data read by 'fgets' at line [[#@LINE-3]]
}

void spawned_shell(const char *shell) {
  char *argv[] = {(char *)shell, "-c", getenv("CMD"), NULL};
  pid_t pid;
  posix_spawn(&pid, shell, NULL, NULL, argv, environ);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'posix_spawn' contains data read by 'getenv' at line [[#@LINE-3]]
}

void shell_through_env(void) {
  const char *cmd = getenv("CMD");
  execl("/usr/bin/env", "env", "sh", "-c", cmd, (char *)NULL);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'execl' contains data read by 'getenv' at line [[#@LINE-2]]
}

// A helper that runs a command with the shell it is given: its callers
// decide the program and the command.
static void run_with_shell(const char *shell, const char *cmd) {
  execl(shell, shell, "-c", cmd, (char *)NULL);
}
// CHECK-MESSAGES: :[[@LINE-2]]:3: warning: command passed to 'execl' contains data read by 'getenv' at line [[#@LINE+5]]
// CHECK-MESSAGES: :[[@LINE-3]]:3: warning: program path passed to 'execl' contains data read by 'getenv' at line [[#@LINE+5]]

void helper_callers(void) {
  struct passwd *pw = getpwuid(getuid());
  run_with_shell(pw->pw_shell, getenv("CMD"));
  run_with_shell(getenv("SHELL"), "uptime");
  run_with_shell(pw->pw_shell, "uptime");
}

// --- Not a shell: arguments of a program (argument injection at most). ---

void compiler_with_dash_c(void) {
  const char *file = getenv("SRC");
  execl("/usr/bin/gcc", "gcc", "-c", file, (char *)NULL);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: argument passed to 'execl' contains data read by 'getenv' at line [[#@LINE-2]]; it can add options or operands to the command (argument injection)
}

void configured_compiler(const char *cc) {
  char *file = getenv("SRC");
  execv(cc, (char *[]){"cc", "-c", file, NULL});
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: argument passed to 'execv' contains data read by 'getenv' at line [[#@LINE-2]]; it can add options or operands to the command (argument injection)
}

// --- Clean ---

void compiler_after_end_of_options(const char *cc) {
  const char *file = getenv("SRC");
  execl(cc, "cc", "-c", "--", file, (char *)NULL);
  execl("/usr/bin/gcc", "gcc", "-c", "--", file, (char *)NULL);
}

void dash_c_not_first(const char *tool) {
  execl(tool, tool, "-v", "-c", "/etc/tool.conf", (char *)NULL);
}

void constant_command(const char *shell) {
  execl(shell, shell, "-c", "uptime", (char *)NULL);
  execv(shell, (char *[]){"-sh", "-c", "exec true", NULL});
}

void data_as_positional_parameter(const char *shell) {
  const char *name = getenv("NAME");
  execl(shell, shell, "-c", "printf '%s\\n' \"$1\"", "sh", name, (char *)NULL);
}
