// C++: values reduced before they are stored in a local array keep their
// range when read back, a brace-initialised array holds its constants, and
// a constexpr table's values are not untrusted.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-index %t

#include <stdint.h>
#include <unistd.h>

constexpr uint8_t Levels[256] = {0, 1, 2, 3};

void reducedInLoop(int fd) {
  uint32_t in[4];
  uint32_t slots[4]{};
  char t[16];
  read(fd, in, sizeof in);
  for (int i = 0; i < 4; ++i)
    slots[i] = in[i] % 16;
  for (int i = 0; i < 4; ++i)
    t[slots[i]] = 1;
}

void oneStoreUnreduced(int fd) {
  uint32_t in[4];
  uint32_t slots[4]{};
  char t[16];
  read(fd, in, sizeof in);
  slots[0] = in[0] % 16;
  slots[1] = in[1];
  t[slots[0]] = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: index 'slots[0]' read by 'read' at line [[#@LINE-4]] has no upper bound
}

void constexprTable(int fd) {
  uint8_t c;
  char dst[8];
  read(fd, &c, 1);
  auto level = Levels[c];
  dst[level] = 0;
}
