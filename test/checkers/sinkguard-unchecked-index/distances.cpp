// C++: a distance measured in a buffer (`end - begin`, kept in a member by
// one method and read by another) indexes that buffer, or any buffer of
// unknown size, without a finding; it can overrun a fixed array, and a
// byte read from the data is still an unbounded index.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-index %t

#include <string.h>
#include <unistd.h>

class Frame {
public:
  explicit Frame(char *bytes) : data_(bytes) {}
  void mark_header_end(const char *at) { header_ = at - data_; }
  char header_byte(unsigned k) const { return data_[header_ + k]; }
  unsigned header() const { return header_; }

private:
  char *data_;
  unsigned header_ = 0;
};

static unsigned long field_length(const char *s) {
  const char *p = strchr(s, ';');
  return p ? static_cast<unsigned long>(p - s) : 0;
}

int use(int fd) {
  static char frame[256];
  if (read(fd, frame, sizeof frame) < 4)
    return -1;
  Frame f(frame + 1);
  f.mark_header_end(strchr(frame + 1, '\n'));
  int sum = f.header_byte(2);           // clean: the frame's own offset
  char *heap = new char[512];
  sum += heap[field_length(frame)];     // clean: a heap buffer
  static int counts[8];
  sum += counts[f.header()];
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: index 'f.header()' read by 'read' at line [[#@LINE-9]] has no upper bound [sinkguard-unchecked-index]
  sum += counts[(unsigned char)frame[0]];
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: index '(unsigned char)frame[0]' read by 'read' at line [[#@LINE-11]] has no upper bound [sinkguard-unchecked-index]
  sum += counts[field_length(frame) % 8]; // clean: reduced
  delete[] heap;
  return sum;
}
