// C++: a number read one character at a time through a small wrapper and
// accumulated with `buf[n++] = c`, then converted: untrusted as a loop
// bound. The same from a fixed string is not.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-loop-bound %t

#include <cstdio>
#include <cstdlib>

void work(int i);

namespace {
int next_char(std::FILE *f) { return std::fgetc(f); }

int read_number(std::FILE *f) {
  char temp[32];
  int n = 0, c;
  while ((c = next_char(f)) != EOF && c != '\n' && n < 31)
    temp[n++] = static_cast<char>(c);
  temp[n] = '\0';
  return std::atoi(temp);
}
} // namespace

void rounds(std::FILE *f) {
  int count = read_number(f);
  for (int i = 0; i < count; i++)
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: loop bound 'count' read by 'fgetc' at line [[#@LINE-15]] has no upper bound [sinkguard-unchecked-loop-bound]
    work(i);
}

// --- Clean ---

void fixed_rounds() {
  const char digits[] = "42";
  char temp[8];
  int n = 0;
  for (const char *d = digits; *d && n < 7; d++)
    temp[n++] = *d;
  temp[n] = '\0';
  int count = std::atoi(temp);
  for (int i = 0; i < count; i++)
    work(i);
}
