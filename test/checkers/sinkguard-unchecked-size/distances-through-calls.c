// A distance measured in a buffer (`end - start`) is no larger than that
// buffer, wherever it goes: returned by a helper, stored in a field, passed
// to a function. It does not make an allocation, a copy into a heap buffer
// or a copy of unknown size unbounded; it can overflow a fixed array, and
// the data itself (a length read from it) stays unbounded.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-size %t

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static size_t token_length(const char *s) {
  const char *p = s;
  while (*p && *p != ' ')
    p++;
  return p - s;
}

struct cursor {
  const char *data;
  size_t used;
};

static void advance(struct cursor *c, const char *to) { c->used = to - c->data; }

static char *copy_n(const char *s, size_t n) {
  char *p = malloc(n + 1);
  if (p) {
    memcpy(p, s, n);
    p[n] = '\0';
  }
  return p;
}

// --- Flagged: a fixed array, or the data itself. ---

void into_fixed_array(const char *line) {
  char word[16];
  memcpy(word, line, token_length(line));
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: length 'token_length(line)' from 'argv' at line [[#@LINE+21]] passed to 'memcpy' has no upper bound [sinkguard-unchecked-size]
}

void stored_then_fixed(const char *line) {
  char word[16];
  struct cursor c = {line, 0};
  advance(&c, strchr(line, ':'));
  memcpy(word, line, c.used);
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: length 'c.used' from 'argv' at line [[#@LINE+13]] passed to 'memcpy' has no upper bound [sinkguard-unchecked-size]
}

char *length_from_the_data(int fd) {
  char buf[64];
  if (read(fd, buf, sizeof buf) < 2)
    return NULL;
  const char *end = buf + (unsigned char)buf[0];
  size_t n = (size_t)(end - buf) + (unsigned char)buf[1] * 256u;
  return malloc(n);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: size 'n' read by 'read' at line [[#@LINE-5]] passed to 'malloc' has no upper bound [sinkguard-unchecked-size]
}

int main(int argc, char **argv) {
  if (argc < 2)
    return 1;
  into_fixed_array(argv[1]);
  stored_then_fixed(argv[1]);

  // --- Clean: allocations and heap copies of a distance. ---
  size_t n = token_length(argv[1]);
  char *word = malloc(n + 1);
  if (word) {
    memcpy(word, argv[1], n);
    word[n] = '\0';
  }
  const char *eq = strchr(argv[1], '=');
  char *name = eq ? copy_n(argv[1], eq - argv[1]) : NULL;
  struct cursor c = {argv[1], 0};
  advance(&c, argv[1] + n);
  char *head = malloc(c.used * 2 + 1);
  free(word);
  free(name);
  free(head);
  return 0;
}
