// C++: a trivially copyable struct copied whole (assignment, copy
// construction, memcpy) keeps each field's taint in that field.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-size %t

#include <cstdlib>
#include <cstring>
#include <unistd.h>

struct Buf {
  const char *data = nullptr;
  std::size_t pos = 0;
  std::size_t len = 0;
};
struct Conn {
  Buf in;
  int mtu = 0;
  Buf out;
};

// Flagged: the untrusted field itself, after each kind of copy.

void assigned(Conn &conn) {
  Conn tmp = conn;
  tmp.in.len = std::atoi(getenv("LEN"));
  conn = tmp;
  char *p = new char[conn.in.len];
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: size 'conn.in.len' read by 'getenv' at line [[#@LINE-3]] of 'new[]' has no upper bound
  delete[] p;
}

void copy_constructed() {
  Buf a;
  a.len = std::atoi(getenv("LEN"));
  auto b(a);
  char *p = new char[b.len];
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: size 'b.len' read by 'getenv' at line [[#@LINE-3]] of 'new[]' has no upper bound
  delete[] p;
}

void memcpy_length(Conn *conn, int fd) {
  read(fd, &conn->in.len, sizeof conn->in.len);
  std::memcpy(&conn->out, &conn->in, sizeof conn->in);
  char *p = new char[conn->out.len];
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: size 'conn->out.len' read by 'read' at line [[#@LINE-3]] of 'new[]' has no upper bound
  delete[] p;
}

// Clean: a pointer to untrusted bytes in one field, the others read.

void assigned_pointer(Conn &conn) {
  Conn tmp = conn;
  tmp.in.data = getenv("NAME");
  conn = tmp;
  char *p = new char[conn.mtu];
  char *q = new char[conn.in.pos];
  delete[] p;
  delete[] q;
}

void memcpy_pointer(Conn *conn, int fd) {
  char *line = static_cast<char *>(std::malloc(100));
  read(fd, line, 100);
  conn->in.data = line;
  std::memcpy(&conn->out, &conn->in, sizeof conn->in);
  char *p = new char[conn->out.pos];
  delete[] p;
  std::free(line);
}

void copy_overwritten() {
  Buf a, clean;
  a.len = std::atoi(getenv("LEN"));
  Buf b = a;
  b = clean;
  char *p = new char[b.len];
  delete[] p;
}
