#pragma once
// What the files of this target share (not part of the module's interface).
#include <harfbuzz/hb.h>
#include <stdbool.h>
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

#include "shape_store.h"

// What follows is shared by this target's files only: hidden, so that the executable neither
// exports these names nor takes a shared library's same-named function's place.
#pragma GCC visibility push(hidden)

/// The most features a remembered shaping keeps (Pango passes a handful at most).
#define MAX_FEATURES 8

/// What, besides the text, decides a shaping's result (in this process: pointers included).
typedef struct {
    hb_font_t *parent;  // Pango's hb_font of the PangoFont (the sub-font is made per call)
    hb_face_t *face;
    int x_scale, y_scale;
    unsigned int x_ppem, y_ppem;
    float ptem;
    hb_codepoint_t probes[3];  // the sub-font's glyphs for U+0020, U+00AD, U+2028 (Pango's show flags)
    hb_segment_properties_t properties;
    hb_buffer_flags_t flags;
    hb_buffer_cluster_level_t cluster_level;
    hb_codepoint_t invisible, replacement, not_found;
    hb_unicode_funcs_t *unicode;
    unsigned int feature_count;
    hb_feature_t features[MAX_FEATURES];
} shaping_key;

/// The most bytes of a stored key (without the text).
#define STORE_KEY_MAX 512

/// A request for a whole item, in the form a store keys it: no pointer, the font by its file's
/// SHA-256.
typedef struct {
    uint8_t key[STORE_KEY_MAX];
    uint32_t key_length;
    const char *text;  // the layout's whole text
    uint32_t text_length;
    uint64_t hash;
} store_request;

/// The calling thread's store (dossier_shape_store_use) when `text` is the text it is used
/// for, else NULL.
dossier_shape_store *store_current(const char *text);
/// The stored form of shaping the item [start, start + length) of `text` with `key` and the
/// sub-font `font`; false when the store cannot key it (a font it does not know the content
/// of, Unicode functions other than HarfBuzz's default).
bool store_request_make(dossier_shape_store *store, const shaping_key *key, hb_font_t *font, const char *text,
                        uint32_t text_length, uint32_t start, uint32_t length, store_request *request);
/// The stored glyphs of `request`, decoded into arrays owned by the calling thread (valid until
/// its next call); false when the store does not hold it.
bool store_find(dossier_shape_store *store, const store_request *request, hb_glyph_info_t **infos,
                hb_glyph_position_t **positions, unsigned int *count);
/// Adds HarfBuzz's result in `buffer` for `request`.
void store_record(dossier_shape_store *store, const store_request *request, hb_buffer_t *buffer);
/// Counts an answer that differed from HarfBuzz's (verifying mode).
void store_count_mismatch(dossier_shape_store *store);

// MARK: - The store's parts

/// The file a face was made from (face_files.c).
typedef struct {
    char *path;
    unsigned int index;
} face_file;

/// The file `face` was made from, or NULL when it was made another way.
const face_file *store_face_file(hb_face_t *face);

/// One stored shaping: its key bytes, the layout's text, and the glyphs (encode_glyphs).
typedef struct {
    uint64_t hash;
    const uint8_t *key;
    uint32_t key_length;
    const uint8_t *text;
    uint32_t text_length;
    const uint8_t *glyphs;
    uint32_t glyph_bytes;
    uint32_t glyph_count;
    uint64_t touched;  // the order of its first use or recording in this process (0: none)
    uint8_t *owned;    // a recorded entry's memory (key, text and glyphs)
} entry;

/// The most font files a store knows.
#define MAX_FONTS 64

/// The store: its fonts, its entries and their table (under `lock`).
struct dossier_shape_store {
    pthread_mutex_t lock;
    struct {
        char *path;
        uint8_t digest[32];
    } fonts[MAX_FONTS];
    int font_count;
    entry *entries;
    uint32_t count, capacity;
    uint32_t *table;  // entry index + 1 by hash, open addressing; 0 is empty
    uint32_t table_capacity;
    uint8_t **blocks;  // loaded bytes that entries point into
    int block_count;
    uint64_t sequence;
    dossier_shape_store_statistics statistics;
};

/// Adds `e` unless an entry with its key is there (shape_store.c). Under the lock. False when
/// out of memory or a duplicate (the caller frees what `e` owns).
bool store_add_entry(dossier_shape_store *store, entry e);

// MARK: - Bytes (store_bytes.c)

typedef struct {
    uint8_t *data;
    size_t length, capacity;
    bool failed;
} byte_buffer;

typedef struct {
    const uint8_t *bytes;
    size_t length, offset;
    bool failed;
} byte_reader;

uint64_t store_hash_bytes(uint64_t h, const uint8_t *bytes, size_t count);
/// The hash of an entry's key and text.
uint64_t store_entry_hash(const uint8_t *key, uint32_t key_length, const uint8_t *text, uint32_t text_length);
void store_append(byte_buffer *b, const void *bytes, size_t count);
void store_append_uvarint(byte_buffer *b, uint64_t value);
void store_append_signed(byte_buffer *b, int64_t value);
uint64_t store_read_uvarint(byte_reader *r);
int64_t store_read_signed(byte_reader *r);
/// The next `count` bytes, or NULL (and the reader failed) when there are fewer.
const uint8_t *store_read_bytes(byte_reader *r, uint64_t count);
/// Writes `value` (4 bytes, the machine's order) at `*p` and moves past it.
void store_put32(uint8_t **p, uint32_t value);

#pragma GCC visibility pop
