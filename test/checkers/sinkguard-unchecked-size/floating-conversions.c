// A number converted from untrusted text by atof or strtod and bounded by
// a floating-point comparison sizes an allocation: not reported (the range
// checks read no bound from such a comparison, so these conversions carry
// no taint into the number; the conversion check judges the conversion).
//
// RUN: %check_sinkguard %s sinkguard-unchecked-size %t

#include <errno.h>
#include <stdlib.h>

void *scaled_buffer(void) {
  const char *s = getenv("SCALE");
  char *end;
  if (!s)
    return NULL;
  errno = 0;
  double d = strtod(s, &end);
  if (errno == ERANGE || end == s || *end)
    return NULL;
  if (d < 1 || d > 1024)
    return NULL;
  return malloc((size_t)d);
}

void *ratio_buffer(void) {
  double r = atof("0.5");
  return malloc((size_t)(r * 100));
}
