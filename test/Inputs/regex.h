/* Mock <regex.h> for sinkguard tests. */
#ifndef SINKGUARD_MOCK_REGEX_H
#define SINKGUARD_MOCK_REGEX_H
#include <stddef.h>
#ifdef __cplusplus
extern "C" {
#endif
typedef struct { size_t re_nsub; void *impl; } regex_t;
typedef struct { long rm_so, rm_eo; } regmatch_t;
#define REG_EXTENDED 1
#define REG_NEWLINE 4
#define REG_NOSUB 8
int regcomp(regex_t *re, const char *pattern, int flags);
int regexec(const regex_t *re, const char *s, size_t n, regmatch_t *m,
            int flags);
void regfree(regex_t *re);
#ifdef __cplusplus
}
#endif
#endif
