/* SHA-256 from the system's libcrypto, behind a header without OpenSSL types. */
#ifndef CDIGEST_H
#define CDIGEST_H
#include <stddef.h>
#include <stdint.h>
/** Writes the 32-byte SHA-256 digest of `data` into `out`. */
void sn_sha256(const uint8_t *data, size_t length, uint8_t out[32]);
#endif
