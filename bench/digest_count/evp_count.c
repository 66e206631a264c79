/* Counts libcrypto's EVP_Digest calls and bytes per process (Dossier hashes every file with
 * one EVP_Digest, Sources/DossierBuild/SHA256.swift). Used by bench/digest_count/edit_digests.sh;
 * bench/analysis.md, "hashmemo". A perf uprobe gives the same counts, but `perf record` under
 * make lost events in some runs.
 *
 *   cc -shared -fPIC -O2 -o /tmp/evp_count.so bench/digest_count/evp_count.c -ldl
 *   EVPCOUNT_FILE=/tmp/counts.txt LD_PRELOAD=/tmp/evp_count.so make -s
 *
 * Each process that hashed appends "<comm> <calls> <bytes>" to $EVPCOUNT_FILE when it exits. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdatomic.h>
#include <unistd.h>
#include <string.h>
static atomic_ulong calls, bytes;
typedef int (*fn)(const void *, size_t, unsigned char *, unsigned int *, const void *, void *);
int EVP_Digest(const void *data, size_t count, unsigned char *md, unsigned int *size, const void *type, void *impl) {
    static fn real;
    if (!real) real = (fn)dlsym(RTLD_NEXT, "EVP_Digest");
    atomic_fetch_add(&calls, 1); atomic_fetch_add(&bytes, count);
    return real(data, count, md, size, type, impl);
}
__attribute__((destructor)) static void report(void) {
    const char *path = getenv("EVPCOUNT_FILE");
    if (!path || !calls) return;
    char comm[64] = {0}; FILE *c = fopen("/proc/self/comm", "r"); if (c) { fgets(comm, sizeof comm, c); fclose(c); comm[strcspn(comm, "\n")] = 0; }
    FILE *f = fopen(path, "a"); if (!f) return;
    fprintf(f, "%s %lu %lu\n", comm, (unsigned long)calls, (unsigned long)bytes); fclose(f);
}
