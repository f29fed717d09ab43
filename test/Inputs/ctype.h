/* Mock <ctype.h> for sinkguard tests. */
#ifndef SINKGUARD_MOCK_CTYPE_H
#define SINKGUARD_MOCK_CTYPE_H
#ifdef __cplusplus
extern "C" {
#endif
int isalnum(int c);
int isalpha(int c);
int isdigit(int c);
int isxdigit(int c);
int isupper(int c);
int islower(int c);
int isprint(int c);
int isgraph(int c);
int isspace(int c);
int ispunct(int c);
int toupper(int c);
int tolower(int c);
#ifdef __cplusplus
}
#endif
#endif
