/* Mock <assert.h> for sinkguard tests. */
#ifndef SINKGUARD_MOCK_ASSERT_H
#define SINKGUARD_MOCK_ASSERT_H
#ifdef __cplusplus
extern "C" {
#endif
void __assert_fail(const char *expr, const char *file, unsigned line,
                   const char *fn) __attribute__((noreturn));
#ifdef __cplusplus
}
#endif
#endif
#undef assert
#ifdef NDEBUG
#define assert(e) ((void)0)
#else
#define assert(e) ((e) ? (void)0 : __assert_fail(#e, __FILE__, __LINE__, __func__))
#endif
