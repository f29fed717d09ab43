// A command assembled from non-constant parts and run by a shell that
// exec* or posix_spawn* starts with -c (sh, bash, dash, /bin/sh,
// /usr/bin/env sh, or a program whose path is a variable given "-c" as
// argv[1]), or expanded by wordexp, is reported as system's is. A program
// that is no shell gets arguments, not a command line.
//
// RUN: %check_sinkguard %s sinkguard-shell-command-construction %t

#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wordexp.h>

void bin_sh_list(const char *host) {
  char cmd[256];
  snprintf(cmd, sizeof cmd, "ping -c 1 %s", host);
  execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: shell command passed to 'execl' is assembled from non-constant data ('host'); run the program with an argument vector (execv, posix_spawn) instead of a shell [sinkguard-shell-command-construction]
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'snprintf' formats 'host' into the command
}

void bash_from_path(const char *dir) {
  char cmd[256];
  strcpy(cmd, "ls ");
  strcat(cmd, dir);
  execlp("bash", "bash", "-ec", cmd, (char *)NULL);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: shell command passed to 'execlp' is assembled from non-constant data ('dir'){{.*}}
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'strcat' appends 'dir' into the command
}

void dash_with_environment(const char *file, char **env) {
  char cmd[256];
  sprintf(cmd, "gzip %s", file);
  execle("/bin/dash", "dash", "-c", cmd, (char *)NULL, env);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: shell command passed to 'execle' is assembled from non-constant data ('file'){{.*}}
}

void sh_vector(const char *pattern) {
  char cmd[256];
  snprintf(cmd, sizeof cmd, "grep -r %s .", pattern);
  char *argv[] = {"sh", "-c", cmd, NULL};
  execv("/bin/sh", argv);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: shell command passed to 'execv' is assembled from non-constant data ('pattern'){{.*}}
  execvp("sh", argv);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: shell command passed to 'execvp' is assembled from non-constant data ('pattern'){{.*}}
  execve("/bin/sh", argv, environ);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: shell command passed to 'execve' is assembled from non-constant data ('pattern'){{.*}}
}

void env_sh(const char *name) {
  char cmd[128];
  snprintf(cmd, sizeof cmd, "id %s", name);
  execl("/usr/bin/env", "env", "sh", "-c", cmd, (char *)NULL);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: shell command passed to 'execl' is assembled from non-constant data ('name'){{.*}}
}

void login_shell(const char *shell, const char *host) {
  char cmd[256];
  snprintf(cmd, sizeof cmd, "ssh %s", host);
  execv(shell, (char *[]){"-sh", "-c", cmd, NULL});
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: shell command passed to 'execv' is assembled from non-constant data ('host'){{.*}}
  execl(shell, shell, "-c", cmd, (char *)NULL);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: shell command passed to 'execl' is assembled from non-constant data ('host'){{.*}}
  execle(shell, shell, "-c", cmd, NULL, environ);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: shell command passed to 'execle' is assembled from non-constant data ('host'){{.*}}
}

void proxy_command(const char *sh, const char *proxy, const char *host) {
  char cmd[512];
  char *argv[4];
  snprintf(cmd, sizeof cmd, "%s %s", proxy, host);
  argv[0] = (char *)sh;
  argv[1] = "-c";
  argv[2] = cmd;
  argv[3] = NULL;
  execvp(sh, argv);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: shell command passed to 'execvp' is assembled from non-constant data ('proxy', 'host'){{.*}}
}

void spawned(const char *url) {
  char cmd[256];
  snprintf(cmd, sizeof cmd, "curl %s", url);
  char *argv[] = {"sh", "-c", cmd, NULL};
  pid_t pid;
  posix_spawn(&pid, "/bin/sh", NULL, NULL, argv, environ);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: shell command passed to 'posix_spawn' is assembled from non-constant data ('url'){{.*}}
  posix_spawnp(&pid, "sh", NULL, NULL, argv, environ);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: shell command passed to 'posix_spawnp' is assembled from non-constant data ('url'){{.*}}
}

void expanded_words(const char *dir) {
  char words[256];
  snprintf(words, sizeof words, "%s/*.conf", dir);
  wordexp_t we;
  wordexp(words, &we, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: shell command passed to 'wordexp' is assembled from non-constant data ('dir'){{.*}}
  wordfree(&we);
}

// --- Clean ---

void compiler(const char *src) {
  char obj[256];
  snprintf(obj, sizeof obj, "%s.o", src);
  // gcc's -c compiles: no shell runs obj.
  execl("/usr/bin/gcc", "gcc", "-c", src, "-o", obj, (char *)NULL);
}

void configured_compiler(const char *cc, const char *src) {
  char obj[256];
  snprintf(obj, sizeof obj, "%s.o", src);
  execv(cc, (char *[]){"cc", "-c", obj, NULL});
}

void dash_c_not_first(const char *tool, const char *dir) {
  char conf[256];
  snprintf(conf, sizeof conf, "%s/tool.conf", dir);
  execl(tool, tool, "-v", "-c", conf, (char *)NULL);
}

void constant_commands(const char *shell) {
  execl("/bin/sh", "sh", "-c", "ls -l /tmp", (char *)NULL);
  execl(shell, shell, "-c", "uptime", (char *)NULL);
  char *argv[] = {"sh", "-c", "exec true", NULL};
  execv("/bin/sh", argv);
  wordexp_t we;
  wordexp("~/.config", &we, WRDE_NOCMD);
}

void data_as_positional_parameter(const char *name) {
  char who[64];
  snprintf(who, sizeof who, "user %s", name);
  execl("/bin/sh", "sh", "-c", "printf '%s\\n' \"$1\"", "sh", who,
        (char *)NULL);
}

void command_passed_through(const char *shell, const char *cmd) {
  // Not assembled here: its callers are where it is put together.
  execl(shell, shell, "-c", cmd, (char *)NULL);
}

void program_with_arguments(const char *host) {
  execlp("ping", "ping", "-c", "1", host, (char *)NULL);
  char *argv[] = {"ls", "-l", (char *)host, NULL};
  execv("/bin/ls", argv);
}
