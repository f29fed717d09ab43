// C++: a callee given an object by reference or pointer sees what the field
// it reads holds in the caller, not everything the object holds.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-size %t

#include <cstdlib>
#include <unistd.h>

struct Reader {
  const char *buf = nullptr;
  std::size_t pos = 0;
  std::size_t len = 0;
};

static char *allocLen(const Reader &r) { return new char[r.len]; }
static char *allocPos(const Reader *r) { return new char[r->pos]; }
// CHECK-MESSAGES: :[[@LINE-1]]:58: warning: size 'r->pos' read by 'read' at line [[#@LINE+12]] of 'new[]' has no upper bound

void untrustedBytesElsewhere(int fd) {
  char b[100];
  Reader r;
  read(fd, b, sizeof b);
  r.buf = b;
  delete[] allocLen(r);
}

void untrustedField(int fd) {
  Reader r;
  read(fd, &r.pos, sizeof r.pos);
  delete[] allocPos(&r);
  delete[] allocLen(r);
}
