// Pointer offsets: `p + n`, `*(p + n)`, `p[n]` and `p += n` with an
// untrusted n. One past the end is a valid offset, not a valid subscript.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-index %t

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char names[8][16];

static unsigned number(FILE *f) {
  unsigned n = 0;
  fscanf(f, "%u", &n);
  return n;
}

const char *offset_into_array(FILE *f) {
  char *base = names[0];
  unsigned n = number(f);
  return base + n;
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: offset 'n' read by 'fscanf' at line 14 has no upper bound [sinkguard-unchecked-index]
}

char deref_offset(FILE *f, const char *text) {
  unsigned n = number(f);
  return *(text + n);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: offset 'n' read by 'fscanf' at line 14 has no upper bound
}

int heap_subscript(FILE *f) {
  int *cells = malloc(64 * sizeof *cells);
  unsigned n = number(f);
  int v = cells[n];
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: index 'n' read by 'fscanf' at line 14 has no upper bound
  free(cells);
  return v;
}

void advance(FILE *f, const char **cursor) {
  unsigned n = number(f);
  *cursor += n;
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: offset 'n' read by 'fscanf' at line 14 has no upper bound
}

const char *row_of_matrix(FILE *f) {
  unsigned row = number(f);
  if (row > 8)
    return NULL;
  return names[row];
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: index 'row' read by 'fscanf' at line 14 may be 8, past the end of 'names' (8 elements)
}

// --- Clean. ---

const char *end_pointer(FILE *f) {
  char *base = names[0];
  unsigned n = number(f);
  if (n > 16)
    return NULL;
  return names[0] + n; // one past the end of a row is a valid pointer
  (void)base;
}

char checked_against_length(FILE *f, const char *text) {
  unsigned n = number(f);
  if (n >= strlen(text))
    return '\0';
  return text[n];
}

int heap_checked(FILE *f, size_t count) {
  int *cells = malloc(count * sizeof *cells);
  unsigned n = number(f);
  if (n >= count) {
    free(cells);
    return 0;
  }
  int v = cells[n];
  free(cells);
  return v;
}

char matrix_checked(FILE *f) {
  unsigned row = number(f);
  unsigned col = number(f);
  if (row >= 8 || col >= 16)
    return 0;
  return names[row][col];
}
