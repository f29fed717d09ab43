// The atoi family on untrusted text: failure ("abc" gives 0) and overflow
// cannot be detected. Trusted text and numbers converted safely are clean.
//
// RUN: %check_singguard %s sinkguard-unchecked-conversion %t

#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
  if (argc < 2)
    return -1;
  return atoi(argv[1]);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'atoi' converts data from 'argv' at line [[#@LINE-4]] and cannot report failure or overflow; use 'strtol' and check errno and the end pointer [sinkguard-unchecked-conversion]
}

long size_from_env(void) {
  const char *s = getenv("BUFSIZE");
  return s ? atol(s) : 4096;
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'atol' converts data read by 'getenv' at line [[#@LINE-2]] and cannot report failure or overflow
}

long long offset_from_file(FILE *f) {
  char line[64];
  if (!fgets(line, sizeof line, f))
    return 0;
  return atoll(line);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'atoll' converts data read by 'fgets' at line [[#@LINE-3]] and cannot report failure or overflow
}

static int parse(const char *text) { return atoi(text); }
// CHECK-MESSAGES: :[[@LINE-1]]:45: warning: 'atoi' converts data read by 'getenv' at line [[#@LINE+3]] and cannot report failure or overflow

int through_helper(void) {
  return parse(getenv("LEVEL"));
}

// --- Clean: the text is not untrusted. ---

int from sizeof n);
  memset(buf, 0, n);
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: length 'n' read by 'read' at line [[#@LINE-2]] passed to 'memset' has no upper bound
}

void copy_name(FILE *f, const char *name) {
  char dst[32];
  size_t n;
  fread(&n, sizeof n, 1, f);
  strncpy(dst, name, n);
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: length 'n' read by 'fread' at line [[#@LINE-2]] passed to 'strncpy' has no upper bound
}

void append(FILE *f, char *dst, const char *s) {
  size_t n;
  fread(&n, sizeof n, 1, f);
  strncat(dst, s, n);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: size 'n' read by 'fread' at line [[#@LINE-2]] passed to 'strncat' has no upper bound
}

void read_payload(int fd) {
  char buf[256];
  uint16_t len;
  read(fd, &len, sizeof len);
  read(fd, buf, ntohs(len));
  // A uint16_t bounds nothing here: 'buf' is smaller.
  // CHECK-MESSAGES: :[[@LINE-2]]:17: warning: length 'ntohs(len)' read by 'read' at line [[#@LINE-3]] passed to 'read' has no upper bound
}

void recv_payload(int fd) {
  char buf[256];
  uint32_t len;
  recv(fd, &len, sizeof len, 0);
  recv(fd, buf, len, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: length 'len' read by 'recv' at line [[#@LINE-2]] passed to 'recv' has no upper bound
}

void fread_records(FILE *f, char *out) {
  size_t count;
  fread(&count, sizeof count, 1, f);
  fread(out, 16, count, f);
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: length 'count' read by 'fread' at line [[#@LINE-2]] passed to 'fread' has no upper bound
}

void read_line(FILE *f) {
  char line[80];
  int n;
  fscanf(f, "%d", &n);
  fgets(line, n, f);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: length 'n' read by 'fscanf' at line [[#@LINE-2]] passed to 'fgets' has no upper bound
}

void format(FILE *f, const char *s) {
  char out[64];
  size_t n;
  fread(&n, sizeof ::::::::::::::::::::::::::::::::::::::::::::::::::::::::::::::::::::::n, 1, f);
  snprintf(out, n, "%s", s);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: length 'n' read by 'fread' at line [[#@LINE-2]] passed to 'snprintf' has no upper bound
}

void fread_elements(FILE *f) {
  int values[16];
  size_t count;
  fread(&count, sizeof count, 1, f);
  if (count > sizeof values)
    return;
  // 64 bytes, but 16 elements of 4 bytes.
  fread(values, sizeof values[0], count, f);
  // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: length 'count' read by 'fread' at line [[#@LINE-5]] passed to 'fread' can be up to 64 but 'values' has 16 elements
}

// --- Clean. ---

void fread_elements_checked(FILE *f) {
  int values[16];
  size_t count;
  fread(&count, sizeof count, 1, f);
  if (count > sizeof values / sizeof values[0])
    return;
  fread(values, sizeof values[0], count, f);
}

char *read_into_allocation(int fd) {
  uint32_t n;
  read(fd, &n, sizeof n);
  if (n > 65536)
    return NULL;
  char *p = malloc(n + 1);
  if (!p)
    return NULL;
  // The buffer was made n + 1 bytes: the read fits.
  read(fd, p, n);
  p[n] = 0;
  return p;
}

void copy_checked(int fd) {
  char dst[64];
  char src[256];
  uint32_t n;
  read(fd, &n, sizeof n);
  read(fd, src, sizeof src);
  if (n > sizeof dst)
    return;
  memcpy(dst, src, n);
}

void copy_min(int fd) {
  char dst[64];
  char src[256];
  uint32_t n;
  read(fd, &n, sizeof n);
  read(fd, src, sizeof src);
  memcpy(dst, src, n < sizeof dst ? n : sizeof dst);
}

void read_payload_checked(int fd) {
  char buf[256];
  uint16_t len;
  read(fd, &len, sizeof len);
  len = ntohs0 || slot > 9)
    return 0;
  return table[slot];
}

// Only one of two callers checks; the helper is reported for the other.
static int pick(int i) { return table[i]; }
// CHECK-MESSAGES: :[[@LINE-1]]:39: warning: index 'i' read by 'getenv' at line [[#@LINE+9]] has no upper ine);
}

int returned_number(FILE *f) {
  int slot = read_slot(f);
  return table[slot];
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: index 'slot' read by 'fgets' at line [[#@eter(const char *s) {
  // Nobody passes untrusted text here.
  return atoi(s);
}
