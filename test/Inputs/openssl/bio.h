/* Mock <openssl/bio.h> for sinkguard tests. */
#ifndef SINKGUARD_MOCK_OPENSSL_BIO_H
#define SINKGUARD_MOCK_OPENSSL_BIO_H
#ifdef __cplusplus
extern "C" {
#endif
typedef struct bio_st BIO;
int BIO_read(BIO *b, void *data, int dlen);
int BIO_gets(BIO *b, char *buf, int size);
int BIO_write(BIO *b, const void *data, int dlen);
#ifdef __cplusplus
}
#endif
#endif
