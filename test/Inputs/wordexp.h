/* Mock <wordexp.h> for sinkguard tests. */
#ifndef SINKGUARD_MOCK_WORDEXP_H
#define SINKGUARD_MOCK_WORDEXP_H
#include <stddef.h>
#ifdef __cplusplus
extern "C" {
#endif
typedef struct { size_t we_wordc; char **we_wordv; size_t we_offs; } wordexp_t;
#define WRDE_NOCMD 4
int wordexp(const char *words, wordexp_t *we, int flags);
void wordfree(wordexp_t *we);
#ifdef __cplusplus
}
#endif
#endif
