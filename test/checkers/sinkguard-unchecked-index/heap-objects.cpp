// An object made with `new` keeps its fields apart: a length read from
// input and stored in one field makes that field an unchecked index, not
// the fields beside it.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-index %t

#include <unistd.h>

static int table[16];

class Frame {
public:
  explicit Frame(int len) : len_(len), kind_(3) {}
  int len() const { return len_; }
  int kind() const { return kind_; }

private:
  int len_;
  int kind_;
};

struct Header {
  int type;
  int version;
};

void on_frame(int fd) {
  int n = 0;
  if (read(fd, &n, sizeof n) != sizeof n)
    return;
  Frame *f = new Frame(n);
  table[f->len()] = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: index 'f->len()' read by 'read' at line 29 has no upper bound [sinkguard-unchecked-index]
  table[f->kind()] = 2;
  Header *h = new Header{n, 1};
  table[h->type] = 3;
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: index 'h->type' read by 'read' at line 29 has no upper bound [sinkguard-unchecked-index]
  table[h->version] = 4;
  delete f;
  delete h;
}
