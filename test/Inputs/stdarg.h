/* Mock <stdarg.h> for sinkguard tests. */
#ifndef SINKGUARD_MOCK_STDARG_H
#define SINKGUARD_MOCK_STDARG_H
typedef __builtin_va_list va_list;
#define va_start(ap, last) __builtin_va_start(ap, last)
#define va_end(ap) __builtin_va_end(ap)
#endif
