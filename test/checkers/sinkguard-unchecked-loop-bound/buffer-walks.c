// A loop over a (buffer, length) pair of parameters walks the data its
// caller passed: the length is judged at each call. A length the caller
// bounded, or one of the buffer it passes (strlen, what read returned), is
// no finding; a length from the input that nothing bounds is, and so is a
// count after a pointer the loop does not walk.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-loop-bound %t

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static unsigned checksum(const unsigned char *data, int len) {
  unsigned sum = 0;
  for (int i = 0; i < len; i++)
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: loop bound 'len' from 'argv' at
    // line 46 has no upper bound [sinkguard-unchecked-loop-bound]
    sum += data[i];
  return sum;
}

static unsigned blocks(const void *buffer_, unsigned count) {
  const unsigned char *buffer = buffer_;
  unsigned n = 0;
  while (count >= 64) {
    n += buffer[0];
    buffer += 64;
    count -= 64;
  }
  return n;
}

static unsigned checksum_of(const unsigned char *data, int len) {
  return checksum(data, len);
}

static void repeat(const char *name, int count) {
  for (int i = 0; i < count; i++)
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: loop bound 'count' from 'argv'
    // at line 46 has no upper bound [sinkguard-unchecked-loop-bound]
    puts("again");
  (void)name;
}

// --- Flagged ---

int main(int argc, char **argv) {
  unsigned char buf[16] = {0};
  if (argc < 2)
    return 1;
  int n = atoi(argv[1]);
  repeat("x", n);
  return (int)checksum(buf, n);
}

// --- Clean ---

int lengths_of_what_is_passed(void) {
  char line[128];
  unsigned char buf[256];
  if (!fgets(line, sizeof line, stdin))
    return 1;
  unsigned s = checksum((const unsigned char *)line, (int)strlen(line));
  ssize_t got = read(0, buf, sizeof buf);
  if (got < 0)
    return 1;
  s += checksum_of(buf, (int)got);
  s += blocks(buf, (unsigned)got);
  return (int)s;
}

int bounded_by_the_caller(void) {
  unsigned char buf[64] = {0};
  const char *text = getenv("COUNT");
  if (!text)
    return 1;
  int n = atoi(text);
  if (n < 0 || n > 64)
    return 1;
  return (int)checksum_of(buf, n);
}
