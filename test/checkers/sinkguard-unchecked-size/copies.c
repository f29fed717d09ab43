// Untrusted lengths of copies and reads: memcpy, memmove, memset, strncpy,
// strncat, read, recv, fread, fgets, snprintf; the buffer they write bounds
// them when its size is known.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-size %t

#include <arpa/inet.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

struct packet {
  uint32_t len;
  char body[512];
};

void copy_body(int fd, char *out) {
  struct packet p;
  recv(fd, &p, sizeof p, 0);
  memcpy(out, p.body, ntohl(p.len));
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: length 'ntohl(p.len)' read by 'recv' at line [[#@LINE-2]] passed to 'memcpy' has no upper bound
}

void copy_into_array(int fd) {
  char dst[64];
  uint32_t n;
  char src[256];
  read(fd, &n, sizeof n);
  read(fd, src, sizeof src);
  memcpy(dst, src, n);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: length 'n' read by 'read' at line [[#@LINE-3]] passed to 'memcpy' has no upper bound
}

void checked_against_wrong_size(int fd) {
  char dst[64];
  char src[256];
  uint32_t n;
  read(fd, &n, sizeof n);
  read(fd, src, sizeof src);
  if (n > sizeof src)
    return;
  memmove(dst, src, n);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: length 'n' read by 'read' at line [[#@LINE-5]] passed to 'memmove' can be up to 256 but 'dst' has 64 bytes
}

void fill(int fd) {
  char buf[128];
  size_t n;
  read(fd, &n, sizeof n);
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
  fread(&n, sizeof n, 1, f);
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
  len = ntohs(len);
  if (len > sizeof buf)
    return;
  read(fd, buf, len);
}

void masked(int fd) {
  char buf[256];
  uint32_t len;
  read(fd, &len, sizeof len);
  read(fd, buf, len & 0xff);
}

void constant_lengths(int fd, const char *s) {
  char buf[64];
  read(fd, buf, sizeof buf);
  strncpy(buf, s, sizeof buf - 1);
  memset(buf, 0, sizeof buf);
}

struct pkt_header {
  uint32_t ts;
  uint32_t incl_len;
};

int read_packet_clamped(int fd, void *data, uint32_t size) {
  struct pkt_header h;
  uint32_t toread;
  if (read(fd, &h, sizeof h) != sizeof h)
    return -1;
  // Clamped to the caller's buffer size on both branches.
  if (h.incl_len > size)
    toread = size;
  else
    toread = h.incl_len;
  return (int)read(fd, data, toread);
}

int read_packet_min(int fd, void *data, uint32_t size) {
  struct pkt_header h;
  read(fd, &h, sizeof h);
  uint32_t toread = h.incl_len;
  if (toread > size)
    toread = size;
  return (int)read(fd, data, toread);
}

void header_plus_length(int fd, char *out, size_t avail) {
  uint16_t len;
  char buf[512];
  read(fd, &len, sizeof len);
  read(fd, buf, sizeof buf);
  // len + 4 <= avail: len is bounded by avail.
  if (len + 4 > avail)
    return;
  memcpy(out, buf + 4, len);
}
