#include "CDigest.h"
#include <openssl/sha.h>

void sn_sha256(const uint8_t *data, size_t length, uint8_t out[32]) { SHA256(data, length, out); }
