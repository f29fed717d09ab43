/* Mock <stdio.h> for sinkguard tests. */
#ifndef SINKGUARD_MOCK_STDIO_H
#define SINKGUARD_MOCK_STDIO_H
#include <stdarg.h>
#include <stddef.h>
#ifdef __cplusplus
extern "C" {
#endif
typedef struct _IO_FILE FILE;
typedef long ssize_t;
extern FILE *stdin;
extern FILE *stdout;
extern FILE *stderr;
#define EOF (-1)
int printf(const char *fmt, ...);
int fprintf(FILE *f, const char *fmt, ...);
int sprintf(char *buf, const char *fmt, ...);
int snprintf(char *buf, size_t n, const char *fmt, ...);
int vsprintf(char *buf, const char *fmt, va_list ap);
int vsnprintf(char *buf, size_t n, const char *fmt, va_list ap);
int asprintf(char **strp, const char *fmt, ...);
int scanf(const char *fmt, ...);
int fscanf(FILE *f, const char *fmt, ...);
int sscanf(const char *s, const char *fmt, ...);
char *fgets(char *s, int n, FILE *f);
int fgetc(FILE *f);
int getc(FILE *f);
int getchar(void);
size_t fread(void *p, size_t size, size_t n, FILE *f);
ssize_t getline(char **line, size_t *n, FILE *f);
ssize_t getdelim(char **line, size_t *n, int delim, FILE *f);
/* BSD: a pointer to the next line, not NUL-terminated, and its length. */
char *fgetln(FILE *f, size_t *len);
FILE *fopen(const char *path, const char *mode);
int fclose(FILE *f);
FILE *popen(const char *command, const char *mode);
int pclose(FILE *f);
int puts(const char *s);
#ifdef __cplusplus
}
#endif
#endif
