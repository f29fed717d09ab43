/* Mock <stddef.h> for sinkguard tests. */
#ifndef SINKGUARD_MOCK_STDDEF_H
#define SINKGUARD_MOCK_STDDEF_H
typedef __SIZE_TYPE__ size_t;
typedef __PTRDIFF_TYPE__ ptrdiff_t;
#ifdef __cplusplus
#define NULL nullptr
#else
#define NULL ((void *)0)
#endif
#endif
