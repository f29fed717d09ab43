// C++: an index reduced modulo a container's size indexes that container
// safely, another container not; a length checked against a std::array's
// size ends it.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-index %t

#include <array>
#include <cstring>
#include <unistd.h>
#include <vector>

int pick(int fd, const std::vector<int> &v, const std::vector<int> &other) {
  size_t i;
  read(fd, &i, sizeof i);
  int a = v[i % v.size()];
  int b = other[i % v.size()];
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: index 'i % v.size()' read by 'read' at line [[#@LINE-3]] is checked against the size of another object than 'other'
  return a + b;
}

void terminated(int fd, const char *src) {
  std::array<char, 32> user;
  size_t ulen;
  read(fd, &ulen, sizeof ulen);
  if (ulen >= user.size())
    return;
  std::memcpy(user.data(), src, ulen);
  user[ulen] = '\0';
}
