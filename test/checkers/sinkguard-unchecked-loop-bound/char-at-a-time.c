// A number read one character at a time (through a small wrapper around
// fgetc or read), accumulated with `*p++ = c` or `buf[n++] = c` and then
// terminated with `*p = 0`, is untrusted: the terminator overwrites one
// element, not the characters before it. Characters of a fixed string
// accumulated the same way are not.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-loop-bound %t

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

void work(int i);

static int next_char(FILE *f) { return fgetc(f); }

static int read_byte(int fd) {
  char c;
  if (read(fd, &c, 1) != 1)
    return -1;
  return c;
}

static void read_number(FILE *f, int *numptr) {
  char temp[32];
  char *p = temp;
  int c;
  while ((c = next_char(f)) != EOF && c != '\n' &&
         p < temp + sizeof temp - 1)
    *p++ = (char)c;
  *p = '\0';
  *numptr = atoi(temp);
}

static int read_number_fd(int fd) {
  char temp[32];
  int n = 0, c;
  while ((c = read_byte(fd)) >= 0 && c != '\n' && n < 31)
    temp[n++] = (char)c;
  temp[n] = '\0';
  return atoi(temp);
}

static int fixed_number(void) {
  static const char digits[] = "42";
  char temp[8];
  char *p = temp;
  for (const char *d = digits; *d; d++)
    *p++ = *d;
  *p = '\0';
  return atoi(temp);
}

int main(void) {
  int count;
  read_number(stdin, &count);
  for (int i = 0; i < count; i++)
    work(i);
  // CHECK-MESSAGES: :[[@LINE-2]]:23: warning: loop bound 'count' read by 'fgetc' at line [[#@LINE-44]] has no upper bound [sinkguard-unchecked-loop-bound]
  int k = read_number_fd(0);
  for (int i = 0; i < k; i++)
    work(i);
  // CHECK-MESSAGES: :[[@LINE-2]]:23: warning: loop bound 'k' read by 'read' at line [[#@LINE-44]] has no upper bound [sinkguard-unchecked-loop-bound]
  int f = fixed_number();
  for (int i = 0; i < f; i++) // clean: the digits are the program's
    work(i);
  return 0;
}
