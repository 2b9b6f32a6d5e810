#ifndef ACCORD_CCRYPTO_SHIM_H
#define ACCORD_CCRYPTO_SHIM_H
// The system's libcrypto (OpenSSL), for SHA-256 through its EVP digest interface.
#include <openssl/evp.h>
#endif
