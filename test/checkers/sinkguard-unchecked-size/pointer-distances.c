// The distance between two places in one buffer (`s - start`) is no more
// than the buffer holds: an allocation or a loop sized by it is bounded,
// a copy of it into another buffer is judged against that buffer.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-size %t

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

char *token(int fd) {
  char line[128];
  if (read(fd, line, sizeof line - 1) <= 0)
    return NULL;
  line[sizeof line - 1] = '\0';
  const char *s = line, *start = line;
  while (isdigit((unsigned char)*s))
    s++;
  char *copy = malloc(s - start);
  if (copy)
    memcpy(copy, start, s - start);
  return copy;
}

void copied_into_smaller(int fd) {
  char line[128], small[8];
  if (read(fd, line, sizeof line - 1) <= 0)
    return;
  line[sizeof line - 1] = '\0';
  const char *s = line, *start = line;
  while (isalpha((unsigned char)*s))
    s++;
  memcpy(small, start, s - start);
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: length 's - start' read by 'read' at line [[#@LINE-7]] passed to 'memcpy' is checked against the size of another object than 'small'
}

void length_read(int fd) {
  char line[128];
  size_t n;
  read(fd, &n, sizeof n);
  char *copy = malloc(n);
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: size 'n' read by 'read' at line [[#@LINE-2]] passed to 'malloc' has no upper bound
  free(copy);
}
