/* records.c - a small table of host records loaded from a text file:
 *
 *   3
 *   gateway 22
 *   nas 445
 *   printer 631
 *   11
 *   hello world
 *
 * a record count, that many "name port" lines, then the length of a free-text
 * note and the note itself.
 */
#include "netadmin.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct record {
  char name[32];
  int port;
};

static struct record table[MAX_RECORDS];
static int hits[MAX_RECORDS];

int records_load(FILE *in) {
  int count;
  if (fscanf(in, "%d", &count) != 1)
    return -1;
  /* BUG: CWE-606: the count from the file bounds a loop writing table[MAX_RECORDS]. */
  for (int i = 0; i < count; i++) {
    if (fscanf(in, "%31s %d", table[i].name, &table[i].port) != 2)
      return -1;
  }
  return count;
}

int records_count_hit(const char *slot) {
  /* BUG: CWE-20: atoi cannot tell "abc" or an overflow from a slot number. */
  int i = atoi(slot);
  /* BUG: CWE-129: the slot number from the command line indexes hits[] unchecked. */
  return ++hits[i];
}

int records_port(const char *slot) {
  char *end;
  errno = 0;
  long i = strtol(slot, &end, 10);
  /* Clean: the conversion is checked, and the index range-checked, before use. */
  if (errno != 0 || end == slot || *end != '\0')
    return -1;
  if (i < 0 || i >= MAX_RECORDS)
    return -1;
  return table[i].port;
}

int records_read_note(FILE *in, char *out, size_t out_size) {
  char line[32];
  if (out_size == 0)
    return -1;
  do {
    if (!fgets(line, sizeof line, in))
      return -1;
  } while (line[0] == '\n');
  /* BUG: CWE-20: neither errno nor an end pointer is checked. */
  long len = strtol(line, NULL, 10);
  /* BUG: CWE-789: the note length from the file sizes the allocation unchecked. */
  char *note = malloc(len + 1);
  if (!note)
    return -1;
  size_t got = fread(note, 1, len, in);
  note[got] = '\0';
  /* BUG: CWE-805: the length from the file, not out_size, bounds the copy into out. */
  memcpy(out, note, len + 1);
  free(note);
  return (int)got;
}
