#pragma once
#include <stddef.h>
#include <stdint.h>

/// A store of whole-item HarfBuzz shapings that outlives the process (shape_store.c): the
/// build saves it in its cache and loads it in the next build, so that every item of text a
/// build shaped before (same font file, size, features, script, direction, language, buffer
/// settings and the layout's whole text) is answered with HarfBuzz's own glyphs and positions
/// instead of being shaped again.
///
/// A store answers only on threads that use it (dossier_shape_store_use) and only for fonts
/// it was told the content of (dossier_shape_store_add_font: the font file's path and its
/// SHA-256); the key of an entry holds that digest, never a path or a pointer.
typedef struct dossier_shape_store dossier_shape_store;

/// What a store did.
typedef struct {
    /// Entries read by dossier_shape_store_load.
    long loaded;
    /// Shapings answered from an entry, and shapings looked up and not found.
    long hits;
    long misses;
    /// New entries (shaped by HarfBuzz with the store in use).
    long recorded;
    /// Verifying mode: answers that differed from HarfBuzz's own.
    long mismatches;
} dossier_shape_store_statistics;

/// A new, empty store (NULL when out of memory).
dossier_shape_store *dossier_shape_store_create(void);
/// Frees the store; no thread may use it any more.
void dossier_shape_store_free(dossier_shape_store *store);
/// Tells the store that the font file at `path` (as fontconfig names it) has the SHA-256 `digest`
/// (64 hex digits). Faces of other files are neither answered nor recorded.
void dossier_shape_store_add_font(dossier_shape_store *store, const char *path, const char *digest);
/// Adds the entries of a saved store (the bytes dossier_shape_store_save returned). Returns 0,
/// and adds nothing, when the bytes are not a whole, well-formed saved store.
int dossier_shape_store_load(dossier_shape_store *store, const uint8_t *bytes, size_t count);
/// The store's entries as bytes, the ones this process used or recorded first (in that order),
/// then others it loaded while their bytes stay under `carried_limit`. NULL when nothing was
/// recorded since the store was made (nothing new to save) or out of memory; free the bytes
/// with dossier_shape_store_free_bytes.
uint8_t *dossier_shape_store_save(dossier_shape_store *store, size_t carried_limit, size_t *count);
void dossier_shape_store_free_bytes(uint8_t *bytes);
/// Makes `store` (or NULL: none) the one the calling thread's shapings of `text` use: the text
/// of the layout being laid out (`pango_layout_get_text`, the layout's own copy), so that the
/// layouts Pango makes inside it (a font's metrics are measured on a sample text, in a context
/// of other font options) are neither answered nor recorded. Returns the store it used.
dossier_shape_store *dossier_shape_store_use(dossier_shape_store *store, const char *text);
/// The counters of `store`.
dossier_shape_store_statistics dossier_shape_store_read_statistics(dossier_shape_store *store);
/// HarfBuzz's version (the results depend on it).
const char *dossier_shape_store_harfbuzz_version(void);
