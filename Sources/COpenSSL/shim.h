#ifndef DANECHECK_COPENSSL_SHIM_H
#define DANECHECK_COPENSSL_SHIM_H
#include <openssl/ssl.h>
#include <openssl/err.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

/* Function-like macros are invisible to Swift: expose them as inline functions. */
static inline long copenssl_set_tlsext_host_name(SSL *ssl, const char *name) {
    return SSL_set_tlsext_host_name(ssl, name);
}
static inline int copenssl_set1_sigalgs_list(SSL *ssl, const char *list) {
    return (int)SSL_set1_sigalgs_list(ssl, list);
}
static inline int copenssl_ctx_set_min_proto_version(SSL_CTX *ctx, int version) {
    return (int)SSL_CTX_set_min_proto_version(ctx, version);
}
static inline int copenssl_ctx_set_max_proto_version(SSL_CTX *ctx, int version) {
    return (int)SSL_CTX_set_max_proto_version(ctx, version);
}
/* The exporter's listener: session tickets and the mode its memory BIOs need. */
static inline long copenssl_ctx_set_mode_partial_write(SSL_CTX *ctx) {
    return SSL_CTX_set_mode(ctx, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
}
static inline long copenssl_bio_pending(BIO *bio) { return (long)BIO_ctrl_pending(bio); }
static inline void copenssl_free(void *p) { OPENSSL_free(p); }
static inline int copenssl_sk_X509_num(const STACK_OF(X509) *chain) { return sk_X509_num(chain); }
static inline X509 *copenssl_sk_X509_value(const STACK_OF(X509) *chain, int index) {
    return sk_X509_value(chain, index);
}
static inline unsigned long copenssl_name_print_flags(void) {
    return (XN_FLAG_ONELINE & ~ASN1_STRFLGS_ESC_MSB) | ASN1_STRFLGS_UTF8_CONVERT;
}
static inline long copenssl_dane_no_ee_namechecks(void) { return DANE_FLAG_NO_DANE_EE_NAMECHECKS; }
static inline STACK_OF(X509) *copenssl_sk_X509_new(void) { return sk_X509_new_null(); }
static inline int copenssl_sk_X509_push(STACK_OF(X509) *chain, X509 *cert) { return sk_X509_push(chain, cert); }
/* What a handshake negotiated: the key-exchange group, the digest of the server's signature. */
static inline long copenssl_negotiated_group(SSL *ssl) { return SSL_get_negotiated_group(ssl); }
static inline int copenssl_peer_signature_digest(SSL *ssl, int *nid) { return (int)SSL_get_peer_signature_nid(ssl, nid); }
/* Frees the stack only: the certificates stay with their owners. */
static inline void copenssl_sk_X509_free(STACK_OF(X509) *chain) { sk_X509_free(chain); }
#endif
