// A string library that keeps its header before the data (`sh = (void *)(s
// - sizeof *sh)`, as sds does) reaches the program's own object, not the
// data the pointer points to: the header's length is not untrusted because
// the bytes after it are. So does container_of (a member's address less
// its offset). A length read from the data itself is untrusted.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-size %t

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct strhdr {
  size_t len;
  size_t free;
  char buf[];
};

static size_t str_len(const char *s) {
  const struct strhdr *sh = (const void *)(s - sizeof *sh);
  return sh->len;
}

static char *str_new(const char *init, size_t n) {
  struct strhdr *sh = malloc(sizeof *sh + n + 1);
  if (!sh)
    return NULL;
  sh->len = n;
  sh->free = 0;
  memcpy(sh->buf, init, n);
  sh->buf[n] = '\0';
  return sh->buf;
}

struct item {
  size_t size;
  char name[16];
};

#define CONTAINER_OF(p, type, member)                                          \
  ((type *)(void *)((char *)(p) - __builtin_offsetof(type, member)))

char *copy_line(int fd) {
  char line[64];
  ssize_t n = read(fd, line, sizeof line);
  if (n <= 0)
    return NULL;
  char *s = str_new(line, (size_t)n);
  if (!s)
    return NULL;
  char *twice = malloc(2 * str_len(s) + 1); // clean: the header's length
  free(twice);
  struct item *it = CONTAINER_OF(line + 8, struct item, name);
  char *sized = malloc(it->size); // clean: not the bytes read
  free(sized);
  uint32_t want;
  memcpy(&want, line, sizeof want);
  char *more = malloc(want);
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: size 'want' read by 'read' at line [[#@LINE-14]] passed to 'malloc' has no upper bound [sinkguard-unchecked-size]
  free(more);
  return s;
}
