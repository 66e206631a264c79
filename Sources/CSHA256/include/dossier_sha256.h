#pragma once
#include <stddef.h>
#include <stdint.h>

/// SHA-256 (FIPS 180-4) of `count` bytes at `bytes` (may be NULL when `count` is 0), written as
/// 32 bytes to `digest`. Uses the CPU's SHA extensions (x86-64 SHA-NI) when it has them, else a
/// portable implementation; both give the same digest. Thread-safe; allocates nothing.
void dossier_sha256(const uint8_t *bytes, size_t count, uint8_t digest[32]);

/// Which implementation `dossier_sha256` uses: 1 for the SHA extensions, 0 for portable C.
int dossier_sha256_uses_extensions(void);

/// `dossier_sha256` by the portable implementation alone, whatever the CPU has (for tests that
/// compare the two on one machine).
void dossier_sha256_portable(const uint8_t *bytes, size_t count, uint8_t digest[32]);
