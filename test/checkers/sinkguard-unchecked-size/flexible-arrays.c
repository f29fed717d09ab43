// A struct's last field declared with one element or none (`char s[1]`,
// `char s[]`) is the C idiom for data that runs past the struct, which is
// allocated larger: its declared size is no limit for a copy of a length
// measured in other data. A last field of real size (`char name[32]`) is
// one, and an untrusted length is judged against it.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-size %t

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct block {
  struct block *next;
  int size;
  char s[1];
};

struct chunk {
  size_t len;
  char data[];
};

struct record {
  int id;
  char name[32];
};

struct block *keep(const char *start, const char *end) {
  struct block *b = malloc(sizeof *b + (size_t)(end - start));
  if (!b)
    return NULL;
  memcpy(b->s, start, end - start);            // clean: the block's tail
  return b;
}

struct chunk *keep_chunk(const char *start, const char *end) {
  struct chunk *c = malloc(sizeof *c + (size_t)(end - start));
  if (!c)
    return NULL;
  memcpy(c->data, start, end - start);         // clean
  return c;
}

void name_of(struct record *r, const char *start, const char *end) {
  memcpy(r->name, start, end - start);
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: length 'end - start' from 'argv' at line [[#@LINE+10]] passed to 'memcpy' is checked against the size of another object than 'r->name' [sinkguard-unchecked-size]
}

void length_into_tail(struct block *b, int fd) {
  size_t n;
  read(fd, &n, sizeof n);
  memcpy(b->s, b->s + 1, n);
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: length 'n' read by 'read' at line [[#@LINE-2]] passed to 'memcpy' has no upper bound [sinkguard-unchecked-size]
}

int main(int argc, char **argv) {
  if (argc < 2)
    return 1;
  const char *eq = strchr(argv[1], '=');
  if (!eq)
    return 1;
  struct record r;
  name_of(&r, argv[1], eq);
  free(keep(argv[1], eq));
  free(keep_chunk(argv[1], eq));
  return 0;
}
