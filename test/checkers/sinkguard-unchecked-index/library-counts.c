// What SSL_read, BIO_read, BIO_gets and gnutls_record_recv return counts
// what they stored, at most the length they were given: an index below
// that count is inside the buffer, as with read.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-index %t

#include <gnutls/gnutls.h>
#include <openssl/bio.h>
#include <openssl/ssl.h>
#include <stddef.h>

void count_of_ssl_read(SSL *ssl) {
  char buf[100];
  unsigned char idx[4];
  int n = SSL_read(ssl, buf, sizeof buf);
  if (n <= 0)
    return;
  SSL_read(ssl, idx, sizeof idx);
  size_t off = idx[1];
  if (off >= n)
    return;
  buf[off] = 0;
  buf[idx[0]] = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: index 'idx[0]' read by 'SSL_read' at line [[#@LINE-6]] has no upper bound
}

void count_of_bio_gets(BIO *bio) {
  char line[64];
  unsigned char at;
  int n = BIO_gets(bio, line, sizeof line);
  if (n <= 0)
    return;
  BIO_read(bio, &at, 1);
  if (at < n)
    line[at] = '\0';
  line[at] = '\0';
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: index 'at' read by 'BIO_read' at line [[#@LINE-4]] has no upper bound
}

void count_of_gnutls(gnutls_session_t s) {
  char rec[32];
  unsigned char pos;
  ssize_t got = gnutls_record_recv(s, rec, sizeof rec);
  if (got < 0)
    return;
  gnutls_record_recv(s, &pos, 1);
  if (pos < got)
    rec[pos] = 0;
}
