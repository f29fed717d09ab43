// A loop bounded by a distance measured in a buffer (`end - start`, from a
// helper or kept in a field) runs no longer than the buffer is long; a
// count read from the data is still unbounded.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-loop-bound %t

#include <stdio.h>
#include <string.h>
#include <unistd.h>

void emit(char c);

struct span {
  const char *at;
  size_t len;
};

static size_t run_length(const char *s) {
  const char *p = s;
  while (*p == s[0])
    p++;
  return p - s;
}

static void set_span(struct span *sp, const char *from, const char *to) {
  sp->at = from;
  sp->len = to - from;
}

int main(int argc, char **argv) {
  if (argc < 2)
    return 1;
  size_t n = run_length(argv[1]);
  for (size_t i = 0; i < n; i++) // clean: within argv[1]
    emit(argv[1][i]);
  struct span sp;
  set_span(&sp, argv[1], argv[1] + n);
  for (size_t i = 0; i < sp.len; i++) // clean: a field holding a distance
    emit(sp.at[i]);

  unsigned count;
  if (read(0, &count, sizeof count) != sizeof count)
    return 1;
  for (unsigned i = 0; i < count; i++)
    emit('.');
  // CHECK-MESSAGES: :[[@LINE-2]]:28: warning: loop bound 'count' read by 'read' at line [[#@LINE-4]] has no upper bound [sinkguard-unchecked-loop-bound]
  return 0;
}
