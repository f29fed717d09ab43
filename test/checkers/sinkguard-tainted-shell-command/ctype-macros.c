// glibc's <ctype.h> defines isalnum and friends as macros over a table in
// C; an allow-list loop written with them is still recognised.
// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t

#include <stdlib.h>

extern const unsigned short **__ctype_b_loc(void);
enum { _ISupper = 256, _ISdigit = 2048, _ISalnum = 8, _ISpunct = 4 };
#define __isctype(c, type) ((*__ctype_b_loc())[(int)(c)] & (unsigned short int)type)
#define isalnum(c) __isctype((c), _ISalnum)
#define isdigit(c) __isctype((c), _ISdigit)
#define ispunct(c) __isctype((c), _ISpunct)

static int is_name(const char *s) {
  for (; *s; ++s)
    if (!isalnum((unsigned char)*s))
      return 0;
  return 1;
}

void validated(void) {
  const char *u = getenv("USER");
  if (is_name(u))
    system(u);
  const char *n = getenv("N");
  for (int i = 0; n[i]; ++i)
    if (!isdigit(n[i]))
      return;
  system(n);
}

void punctuation_is_no_allow_list(void) {
  const char *u = getenv("USER");
  for (const char *p = u; *p; ++p)
    if (ispunct((unsigned char)*p))
      return;
  system(u);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'getenv' at line [[#@LINE-5]]
}

void not_negated(void) {
  const char *u = getenv("USER");
  for (const char *p = u; *p; ++p)
    if (isalnum((unsigned char)*p))
      return;
  system(u);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'getenv' at line [[#@LINE-5]]
}
