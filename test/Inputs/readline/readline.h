/* Mock <readline/readline.h> for sinkguard tests. */
#ifndef SINKGUARD_MOCK_READLINE_READLINE_H
#define SINKGUARD_MOCK_READLINE_READLINE_H
#ifdef __cplusplus
extern "C" {
#endif
char *readline(const char *prompt);
#ifdef __cplusplus
}
#endif
#endif
