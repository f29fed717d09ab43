// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t

#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <wordexp.h>

void shell_dash_c_list(void) {
  const char *cmd = getenv("CMD");
  execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'execl' contains data read by 'getenv' at line [[#@LINE-2]]
}

void bash_dash_ec_list(void) {
  char line[128];
  fgets(line, sizeof line, stdin);
  execlp("bash", "bash", "-ec", line, (char *)NULL);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'execlp' contains data read by 'fgets' at line [[#@LINE-2]]
}

void shell_dash_c_vector(void) {
  char *cmd = getenv("CMD");
  char *argv[] = {"sh", "-c", cmd, NULL};
  execv("/bin/sh", argv);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'execv' contains data read by 'getenv' at line [[#@LINE-3]]
}

void spawn_shell(void) {
  char *cmd = getenv("CMD");
  char *argv[] = {"/bin/sh", "-c", cmd, NULL};
  pid_t pid;
  posix_spawn(&pid, "/bin/sh", NULL, NULL, argv, NULL);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'posix_spawn' contains data read by 'getenv' at line [[#@LINE-4]]
}

void tainted_program(void) {
  const char *prog = getenv("PROG");
  execlp(prog, prog, "--version", (char *)NULL);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: program path passed to 'execlp' contains data read by 'getenv' at line [[#@LINE-2]]
}

void argument_injection_list(void) {
  const char *file = getenv("FILE");
  execlp("tar", "tar", "xf", file, (char *)NULL);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: argument passed to 'execlp' contains data read by 'getenv' at line [[#@LINE-2]]; it can add options or operands to the command (argument injection)
}

void argument_injection_vector(void) {
  char *args[] = {"grep", "-r", getenv("PATTERN"), ".", NULL};
  execvp("grep", args);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: argument passed to 'execvp' contains data read by 'getenv' at line [[#@LINE-2]]
}

void parameter_named_argv_is_not_a_source(char **argv) {
  execvp("grep", argv);
}

int main(int argc, char **argv) {
  execv(argv[1], argv + 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: program path passed to 'execv' contains data from 'argv' at line [[#@LINE-2]]
  return 0;
}

void word_expansion(void) {
  wordexp_t we;
  wordexp(getenv("PATTERN"), &we, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'wordexp' contains data read by 'getenv' at line [[#@LINE-1]]
}

// --- Clean ---

void fixed_vector(void) {
  char *argv[] = {"ls", "-l", "/tmp", NULL};
  execv("/bin/ls", argv);
  execl("/bin/sh", "sh", "-c", "uptime", (char *)NULL);
}

void after_end_of_options(void) {
  const char *file = getenv("FILE");
  execlp("rm", "rm", "-f", "--", file, (char *)NULL);
}

void shell_positional_parameter(void) {
  // The command is constant; the data is $1, never parsed as code.
  const char *name = getenv("NAME");
  execl("/bin/sh", "sh", "-c", "printf '%s\\n' \"$1\"", "sh", name,
        (char *)NULL);
}
