// C++ twin of object-lengths.c: a class keeping a buffer and its length
// (`buf_[len_]` in its own methods) is its own bookkeeping, and an index
// checked against that length is in range; a length from another object
// is judged as before (object-lengths.c).
//
// RUN: %check_sinkguard %s sinkguard-unchecked-index %t

#include <stddef.h>
#include <sys/socket.h>

class Buffer {
public:
  Buffer(unsigned char *Data, size_t Len) : data_(Data), len_(Len) {}
  void terminate() { data_[len_ - 1] = 0; }
  unsigned char at(size_t I) const {
    if (I < len_)
      return data_[I];
    return 0;
  }
  unsigned char next(size_t I) const {
    if (I < len_)
      return data_[I + 1];
    // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: index 'I + 1' read by 'recv' at
    // line [[#@LINE+13]] has no upper bound [sinkguard-unchecked-index]
    return 0;
  }

private:
  unsigned char *data_;
  size_t len_;
};

unsigned char handle(int fd) {
  static unsigned char In[256];
  size_t I;
  ssize_t N = recv(fd, In, sizeof In, 0);
  if (N <= 0 || recv(fd, &I, sizeof I, 0) != sizeof I)
    return 0;
  Buffer B(In, static_cast<size_t>(N));
  B.terminate();
  return B.at(I) + B.next(I);
}
