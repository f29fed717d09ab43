// A struct copied whole (assignment, initialisation, memcpy) keeps each
// field's taint in that field: a pointer to untrusted bytes stored in one
// field does not make its neighbours untrusted, and an untrusted length
// stays untrusted in the copy.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-size %t

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct buf {
  char *data;
  size_t pos;
  size_t len;
};
struct conn {
  struct buf in;
  int mtu;
  struct buf out;
};

// Flagged: the untrusted field itself, after each kind of copy.

void assigned_length(struct conn *conn) {
  struct conn tmp = *conn;
  tmp.in.len = atoi(getenv("LEN"));
  *conn = tmp;
  char *p = malloc(conn->in.len);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: size 'conn->in.len' read by 'getenv' at line [[#@LINE-3]] passed to 'malloc' has no upper bound
  free(p);
}

void initialised_length(void) {
  struct buf a = {0};
  a.len = atoi(getenv("LEN"));
  struct buf b = a;
  char *p = malloc(b.len);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: size 'b.len' read by 'getenv' at line [[#@LINE-3]] passed to 'malloc' has no upper bound
  free(p);
}

void memcpy_length(struct conn *conn, int fd) {
  read(fd, &conn->in.len, sizeof conn->in.len);
  memcpy(&conn->out, &conn->in, sizeof conn->in);
  char *p = malloc(conn->out.len);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: size 'conn->out.len' read by 'read' at line [[#@LINE-3]] passed to 'malloc' has no upper bound
  free(p);
}

void whole_struct_read(int fd) {
  struct buf a;
  read(fd, &a, sizeof a);
  struct buf b = a;
  char *p = malloc(b.pos);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: size 'b.pos' read by 'read' at line [[#@LINE-3]] passed to 'malloc' has no upper bound
  free(p);
}

// Clean: a pointer to untrusted bytes in one field, the other fields read.

void assigned_pointer(struct conn *conn, int fd) {
  char *line = malloc(100);
  read(fd, line, 100);
  struct conn tmp = *conn;
  tmp.in.data = line;
  *conn = tmp;
  char *p = malloc(conn->mtu);
  char *q = malloc(conn->in.pos);
  free(p);
  free(q);
}

void memcpy_pointer(struct conn *conn, int fd) {
  char *line = malloc(100);
  read(fd, line, 100);
  conn->in.data = line;
  memcpy(&conn->out, &conn->in, sizeof conn->in);
  char *p = malloc(conn->out.pos);
  char *q = malloc(conn->mtu);
  free(p);
  free(q);
}

void initialised_pointer(void) {
  struct buf a = {0};
  a.data = getenv("NAME");
  struct buf b = a;
  char *p = malloc(b.len);
  free(p);
}

void copy_overwritten(void) {
  struct buf a = {0}, clean = {0};
  a.len = atoi(getenv("LEN"));
  struct buf b = a;
  b = clean;
  char *p = malloc(b.len);
  free(p);
}
