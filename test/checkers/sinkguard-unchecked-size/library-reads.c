// The lengths of TLS reads (SSL_read, SSL_peek, BIO_read, BIO_gets,
// gnutls_record_recv) are bounded by the buffer they write, like read's;
// the lengths they take from the peer are untrusted, like recv's.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-size %t

#include <arpa/inet.h>
#include <gnutls/gnutls.h>
#include <openssl/bio.h>
#include <openssl/ssl.h>
#include <stdint.h>
#include <string.h>

void ssl_body_of_announced_length(SSL *ssl) {
  char body[512];
  uint32_t len;
  SSL_read(ssl, &len, sizeof len);
  SSL_read(ssl, body, ntohl(len));
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: length 'ntohl(len)' read by 'SSL_read' at line [[#@LINE-2]] passed to 'SSL_read' has no upper bound
}

void ssl_peek_too_far(SSL *ssl) {
  char small[16];
  uint16_t len;
  SSL_peek(ssl, &len, sizeof len);
  if (len > 64)
    return;
  SSL_peek(ssl, small, len);
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: length 'len' read by 'SSL_peek' at line [[#@LINE-4]] passed to 'SSL_peek' can be up to 64 but 'small' has 16 bytes
}

void bio_copy(BIO *bio, char *out) {
  unsigned char hdr[2];
  char data[256];
  BIO_read(bio, hdr, sizeof hdr);
  BIO_read(bio, data, sizeof data);
  memcpy(out, data, hdr[0] | (hdr[1] << 8));
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: length 'hdr[0] | (hdr[1] << 8)' read by 'BIO_read' at line [[#@LINE-3]] passed to 'memcpy' has no upper bound
}

void bio_gets_length(BIO *bio) {
  char line[64];
  int n;
  BIO_read(bio, &n, sizeof n);
  BIO_gets(bio, line, n);
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: length 'n' read by 'BIO_read' at line [[#@LINE-2]] passed to 'BIO_gets' has no upper bound
}

void gnutls_record(gnutls_session_t s) {
  char rec[128];
  uint16_t want;
  gnutls_record_recv(s, &want, sizeof want);
  gnutls_record_recv(s, rec, ntohs(want));
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: length 'ntohs(want)' read by 'gnutls_record_recv' at line [[#@LINE-2]] passed to 'gnutls_record_recv' has no upper bound
}

// --- Clean: the length fits the buffer. ---

void ssl_bounded(SSL *ssl) {
  char body[512];
  uint32_t len;
  SSL_read(ssl, &len, sizeof len);
  len = ntohl(len);
  if (len > sizeof body)
    return;
  SSL_read(ssl, body, len);
}

void bio_gets_bounded(BIO *bio) {
  char line[64];
  int n;
  BIO_read(bio, &n, sizeof n);
  if (n <= 0 || n > (int)sizeof line)
    return;
  BIO_gets(bio, line, n);
}

void copy_what_was_read(SSL *ssl, char *out) {
  char buf[256];
  int n = SSL_read(ssl, buf, sizeof buf);
  if (n <= 0)
    return;
  memcpy(out, buf, n);
}

void gnutls_fixed(gnutls_session_t s) {
  char rec[128];
  gnutls_record_recv(s, rec, sizeof rec);
}
