// Untrusted integers: conversions of untrusted text, scanf-family numbers,
// binary reads into integers and struct fields, byte-order conversions and
// arithmetic on any of these.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-index %t

#include <arpa/inet.h>
#include <endian.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

static int table[16];

int from_fscanf(FILE *f) {
  int n;
  fscanf(f, "%d", &n);
  return table[n];
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: index 'n' read by 'fscanf' at line [[#@LINE-2]] has no upper bound [sinkguard-unchecked-index]
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'fscanf' reads untrusted data into 'n'
}

int from_scanf(void) {
  unsigned n;
  scanf("%u", &n);
  return table[n];
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: index 'n' read by 'scanf' at line [[#@LINE-2]] has no upper bound
}

int from_atoi(FILE *f) {
  char line[32];
  fgets(line, sizeof line, f);
  int n = atoi(line);
  return table[n];
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: index 'n' read by 'fgets' at line [[#@LINE-3]] has no upper bound
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: 'fgets' reads untrusted data into 'line'
  // CHECK-MESSAGES: :[[@LINE-4]]:7: note: assigned to 'n'
}

int from_strtoul(const char *arg) {
  unsigned long n = strtoul(getenv("SLOT"), NULL, 10);
  (void)arg;
  return table[n];
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: index 'n' read by 'getenv' at line [[#@LINE-3]] has no upper bound
}

int from_sscanf(FILE *f) {
  char line[32];
  int n = 0;
  fgets(line, sizeof line, f);
  sscanf(line, "%d", &n);
  return table[n];
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: index 'n' read by 'fgets' at line [[#@LINE-3]] has no upper bound
}

int from_read(int fd) {
  uint32_t n;
  read(fd, &n, sizeof n);
  return table[n];
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: index 'n' read by 'read' at line [[#@LINE-2]] has no upper bound
}

struct header {
  uint16_t kind;
  uint32_t count;
};

int from_recv_struct(int sock) {
  struct header h;
  recv(sock, &h, sizeof h, 0);
  return table[ntohs(h.kind)];
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: index 'ntohs(h.kind)' read by 'recv' at line [[#@LINE-2]] has no upper bound
}

int from_fread_struct(FILE *f) {
  struct header h;
  fread(&h, sizeof h, 1, f);
  uint32_t count = be32toh(h.count);
  return table[count];
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: index 'count' read by 'fread' at line [[#@LINE-3]] has no upper bound
}

int from_ntohl(int sock) {
  uint32_t raw;
  recv(sock, &raw, sizeof raw, 0);
  return table[ntohl(raw) + 1];
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: index 'ntohl(raw) + 1' read by 'recv' at line [[#@LINE-2]] has no upper bound
}

int from_le32toh(int fd) {
  uint32_t raw;
  read(fd, &raw, sizeof raw);
  uint32_t slot = le32toh(raw) * 4;
  return table[slot];
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: index 'slot' read by 'read' at line [[#@LINE-3]] has no upper bound
}

int from_getchar(void) {
  int c = getchar();
  return table[c];
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: index 'c' read by 'getchar' at line [[#@LINE-2]] has no upper bound
}

int main(int argc, char **argv) {
  int slot = atoi(argv[1]);
  table[slot] = argc;
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: index 'slot' from 'argv' at line [[#@LINE-3]] has no upper bound
  table[argc] = 0; // argc is a count, not data
  return 0;
}

// --- Clean: the index is not untrusted. ---

int constant_index(void) { return table[3]; }

int loop_index(FILE *f) {
  int sum = 0;
  int limit;
  fscanf(f, "%d", &limit);
  for (int i = 0; i < 16; ++i)
    sum += table[i];
  return sum + limit;
}

int overwritten(FILE *f) {
  int n;
  fscanf(f, "%d", &n);
  n = 4;
  return table[n];
}

int length_of_untrusted_text(FILE *f) {
  char line[16];
  fgets(line, sizeof line, f);
  return table[sizeof line - 1];
}
