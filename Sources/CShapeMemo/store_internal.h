#pragma once
// What shape_memo.c and shape_store.c share (not part of the module's interface).
#include <harfbuzz/hb.h>
#include <stdbool.h>
#include <stdint.h>

#include "shape_store.h"

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
