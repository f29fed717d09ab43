// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

void from_getenv(void) {
  const char *editor = getenv("EDITOR");
  system(editor);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'getenv' at line 10 [sinkguard-tainted-shell-command]
  // CHECK-MESSAGES: :[[@LINE-3]]:24: note: 'getenv' returns untrusted data
  // CHECK-MESSAGES: :[[@LINE-4]]:15: note: assigned to 'editor'
}

void from_secure_getenv(void) {
  popen(secure_getenv("PAGER"), "r");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'popen' contains data read by 'secure_getenv' at line 18
}

void from_fgets(FILE *f) {
  char line[256];
  fgets(line, sizeof line, f);
  system(line);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'fgets' at line 24
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'fgets' reads untrusted data into 'line'
}

void from_read(int fd) {
  char buf[128];
  read(fd, buf, sizeof buf - 1);
  system(buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'read' at line 32
}

void from_recv(int sock) {
  char buf[128];
  recv(sock, buf, sizeof buf, 0);
  system(buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'recv' at line 39
}

void from_recvfrom(int sock) {
  char buf[128];
  recvfrom(sock, buf, sizeof buf, 0, NULL, NULL);
  system(buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'recvfrom' at line 46
}

void from_scanf(void) {
  char word[64];
  scanf("%63s", word);
  system(word);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'scanf' at line 53
}

void from_fscanf(FILE *f) {
  char word[64];
  int n;
  fscanf(f, "%d %63s", &n, word);
  system(word);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'fscanf' at line 61
}

void from_getline(FILE *f) {
  char *line = NULL;
  size_t cap = 0;
  getline(&line, &cap, f);
  system(line);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'getline' at line 69
}

void from_fread(FILE *f) {
  char buf[64];
  fread(buf, 1, sizeof buf, f);
  system(buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'fread' at line 76
}

void from_optarg(int argc, char **argv) {
  int c;
  while ((c = getopt(argc, argv, "h:")) != -1)
    if (c == 'h')
      system(optarg);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: command passed to 'system' contains data from 'optarg' at line 85
}

// --- Clean: no untrusted data reaches the command. ---

void constant_command(void) {
  system("ls -l");
  char buf[64];
  strcpy(buf, "uptime");
  system(buf);
}

void unrelated_buffer(FILE *f) {
  char line[64];
  char cmd[64] = "date";
  fgets(line, sizeof line, f);
  puts(line);
  system(cmd);
}

void overwritten_before_use(void) {
  char buf[64];
  fgets(buf, sizeof buf, stdin);
  strcpy(buf, "whoami");
  system(buf);
}

int main(int argc, char **argv, char **envp) {
  system(argv[1]);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data from 'argv' at line 113
  // CHECK-MESSAGES: :[[@LINE-3]]:27: note: 'argv' holds the command-line arguments
  system(envp[0]);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data from 'envp' at line 113
  if (argc > 5)
    system("true");
  return 0;
}
