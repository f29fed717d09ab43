// Numbers in records and the extents of member arrays; C++ early exits by
// throw; std::deque and std::string_view subscripts.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-index %t

#include <deque>
#include <iostream>
#include <string>
#include <unistd.h>

struct Packet {
  unsigned kind;
  int slots[6];
};

struct Error {};

int member_array(int fd) {
  Packet p;
  read(fd, &p, sizeof p);
  if (p.kind > 6)
    return -1;
  return p.slots[p.kind];
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: index 'p.kind' read by 'read' at line [[#@LINE-4]] may be 6, past the end of 'p.slots' (6 elements) [sinkguard-unchecked-index]
}

int member_array_checked(int fd) {
  Packet p;
  read(fd, &p, sizeof p);
  if (p.kind >= sizeof p.slots / sizeof p.slots[0])
    return -1;
  return p.slots[p.kind];
}

int checked_by_throw(int fd) {
  Packet p;
  read(fd, &p, sizeof p);
  if (p.kind >= 6)
    throw Error();
  return p.slots[p.kind];
}

int deque_subscript(std::deque<int> &q) {
  unsigned long i;
  std::cin >> i;
  return q[i];
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: index 'i' read by 'operator>>' at line [[#@LINE-2]] has no upper bound
}

char string_view_subscript(std::string_view v) {
  unsigned long i;
  std::cin >> i;
  if (i < v.size())
    return v[i];
  return v[i - 1];
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: index 'i - 1' read by 'operator>>' at line [[#@LINE-4]] has no upper bound
}

class Table {
public:
  int get(int i) const { return cells[i]; }
  // CHECK-MESSAGES: :[[@LINE-1]]:39: warning: index 'i' read by 'operator>>' at line [[#@LINE+13]] has no upper bound
  int getChecked(int i) const {
    if (i < 0 || i >= 4)
      return 0;
    return cells[i];
  }

private:
  int cells[4] = {};
};

int through_member(const Table &t) {
  int n;
  std::cin >> n;
  return t.get(n) + t.getChecked(n);
}
