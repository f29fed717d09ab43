// C++: the count a TLS read returns bounds an index into the buffer it
// filled (SSL_read, BIO_read, gnutls_record_recv), as read's does.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-index %t

#include <gnutls/gnutls.h>
#include <openssl/ssl.h>

class Reader {
public:
  explicit Reader(SSL *S) : Ssl(S) {}
  char lastByte() {
    char buf[256];
    int n = SSL_read(Ssl, buf, sizeof buf);
    if (n <= 0)
      return 0;
    return buf[n - 1];
  }
  char peer() {
    char buf[16];
    unsigned char where;
    SSL_read(Ssl, &where, 1);
    SSL_read(Ssl, buf, sizeof buf);
    return buf[where];
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: index 'where' read by 'SSL_read' at line [[#@LINE-3]] has no upper bound
  }

private:
  SSL *Ssl;
};

char record_byte(gnutls_session_t s, BIO *bio) {
  char rec[64];
  unsigned char pos = 0;
  ssize_t got = gnutls_record_recv(s, rec, sizeof rec);
  BIO_read(bio, &pos, 1);
  if (got <= 0)
    return 0;
  if (pos < got)
    return rec[pos];
  return rec[pos];
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: index 'pos' read by 'BIO_read' at line [[#@LINE-6]] has no upper bound
}
