/* Mock <openssl/ssl.h> for sinkguard tests: the TLS reads. */
#ifndef SINKGUARD_MOCK_OPENSSL_SSL_H
#define SINKGUARD_MOCK_OPENSSL_SSL_H
#include <openssl/bio.h>
#ifdef __cplusplus
extern "C" {
#endif
typedef struct ssl_st SSL;
int SSL_read(SSL *ssl, void *buf, int num);
int SSL_peek(SSL *ssl, void *buf, int num);
int SSL_write(SSL *ssl, const void *buf, int num);
#ifdef __cplusplus
}
#endif
#endif
