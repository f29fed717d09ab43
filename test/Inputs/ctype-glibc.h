/* Mock of glibc's <ctype.h> macros, which index a table of the C library:
 * in a system header, as on a real system. */
#ifndef SINKGUARD_MOCK_CTYPE_GLIBC_H
#define SINKGUARD_MOCK_CTYPE_GLIBC_H
extern const unsigned short **__ctype_b_loc(void);
enum { _ISalnum = 8, _ISdigit = 2048 };
#define __isctype(c, type)                                                     \
  ((*__ctype_b_loc())[(int)(c)] & (unsigned short int)type)
#define isalnum(c) __isctype((c), _ISalnum)
#define isdigit(c) __isctype((c), _ISdigit)
#endif
