// Shapings kept across processes: see include/shape_store.h. The store and its keys; the
// saved form is store_saved.c, the fonts' files face_files.c.
//
// Each entry is one hb_shape call as Pango makes it (shape_memo.c follows the buffer's
// filling) that the thread's remembered items did not answer — a whole item, or a line's piece
// of one whose ends HarfBuzz marked unsafe to break — for the layout the store is used for
// (dossier_shape_store_use names its text): its key is every input HarfBuzz reads, written without pointers — the
// font by its file's SHA-256 and face index (face_files.c), the sub-font's scale, ppem, point size,
// synthetic slant and variation coordinates, its glyphs for the characters Pango's show flags
// change, the buffer's direction, script, language, flags, cluster level and special glyphs,
// the features, and the layout's whole text with the item's byte range. Its value is the
// glyphs HarfBuzz gave (codepoint, cluster, mask, the four positions and the position's
// spare field), written compactly (encode_glyphs). A request is answered only by an
// entry whose key bytes and text are the same bytes.
#include "store_internal.h"

#include <stdlib.h>
#include <string.h>

// MARK: - The store

static __thread dossier_shape_store *current_store;
static __thread const char *current_text;

dossier_shape_store *store_current(const char *text) { return text == current_text ? current_store : NULL; }

dossier_shape_store *dossier_shape_store_use(dossier_shape_store *store, const char *text) {
    dossier_shape_store *previous = current_store;
    current_store = store;
    current_text = store ? text : NULL;
    return previous;
}

dossier_shape_store *dossier_shape_store_create(void) {
    dossier_shape_store *store = calloc(1, sizeof *store);
    if (store) pthread_mutex_init(&store->lock, NULL);
    return store;
}

void dossier_shape_store_free(dossier_shape_store *store) {
    if (!store) return;
    for (int i = 0; i < store->font_count; i++) free(store->fonts[i].path);
    for (uint32_t i = 0; i < store->count; i++) free(store->entries[i].owned);
    for (int i = 0; i < store->block_count; i++) free(store->blocks[i]);
    free(store->blocks);
    free(store->entries);
    free(store->table);
    pthread_mutex_destroy(&store->lock);
    free(store);
}

static int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

void dossier_shape_store_add_font(dossier_shape_store *store, const char *path, const char *digest) {
    if (!store || !path || !digest || strlen(digest) != 64) return;
    uint8_t bytes[32];
    for (int i = 0; i < 32; i++) {
        int high = hex_value(digest[2 * i]), low = hex_value(digest[2 * i + 1]);
        if (high < 0 || low < 0) return;
        bytes[i] = (uint8_t)(high << 4 | low);
    }
    pthread_mutex_lock(&store->lock);
    int index = 0;
    while (index < store->font_count && strcmp(store->fonts[index].path, path) != 0) index++;
    if (index == store->font_count && index < MAX_FONTS) {
        store->fonts[index].path = strdup(path);
        if (store->fonts[index].path) store->font_count++;
    }
    if (index < store->font_count) memcpy(store->fonts[index].digest, bytes, 32);
    pthread_mutex_unlock(&store->lock);
}

dossier_shape_store_statistics dossier_shape_store_read_statistics(dossier_shape_store *store) {
    pthread_mutex_lock(&store->lock);
    dossier_shape_store_statistics s = store->statistics;
    pthread_mutex_unlock(&store->lock);
    return s;
}

const char *dossier_shape_store_harfbuzz_version(void) { return hb_version_string(); }

void store_count_mismatch(dossier_shape_store *store) {
    pthread_mutex_lock(&store->lock);
    store->statistics.mismatches += 1;
    pthread_mutex_unlock(&store->lock);
}

// MARK: - Keys

bool store_request_make(dossier_shape_store *store, const shaping_key *key, hb_font_t *font, const char *text,
                        uint32_t text_length, uint32_t start, uint32_t length, store_request *request) {
    if (key->unicode != hb_unicode_funcs_get_default()) return false;
    const face_file *file = store_face_file(key->face);
    if (!file) return false;
    unsigned int coordinate_count = 0;
    const int *coordinates = hb_font_get_var_coords_normalized(font, &coordinate_count);
    const char *language = hb_language_to_string(key->properties.language);
    size_t language_length = language ? strlen(language) : 0;
    // The digest, 23 numbers of 4 bytes (the tail's three among them), the coordinates, the
    // language and the features.
    size_t needed = 32 + 4 * 23 + 4 * (size_t)coordinate_count + language_length + 16 * (size_t)key->feature_count;
    if (needed > STORE_KEY_MAX) return false;
    uint8_t *p = request->key;
    pthread_mutex_lock(&store->lock);
    int font_index = 0;
    while (font_index < store->font_count && strcmp(store->fonts[font_index].path, file->path) != 0) font_index++;
    bool known = font_index < store->font_count;
    if (known) memcpy(p, store->fonts[font_index].digest, 32);
    pthread_mutex_unlock(&store->lock);
    if (!known) return false;
    p += 32;
    store_put32(&p, file->index);
    store_put32(&p, (uint32_t)key->x_scale);
    store_put32(&p, (uint32_t)key->y_scale);
    store_put32(&p, key->x_ppem);
    store_put32(&p, key->y_ppem);
    uint32_t bits;
    memcpy(&bits, &key->ptem, 4);
    store_put32(&p, bits);
    float slant = hb_font_get_synthetic_slant(font);
    memcpy(&bits, &slant, 4);
    store_put32(&p, bits);
    store_put32(&p, coordinate_count);
    for (unsigned int i = 0; i < coordinate_count; i++) store_put32(&p, (uint32_t)coordinates[i]);
    for (int i = 0; i < 3; i++) store_put32(&p, key->probes[i]);
    store_put32(&p, (uint32_t)key->properties.direction);
    store_put32(&p, (uint32_t)key->properties.script);
    store_put32(&p, language ? (uint32_t)language_length : UINT32_MAX);
    memcpy(p, language, language_length);
    p += language_length;
    store_put32(&p, (uint32_t)key->flags);
    store_put32(&p, (uint32_t)key->cluster_level);
    store_put32(&p, key->invisible);
    store_put32(&p, key->replacement);
    store_put32(&p, key->not_found);
    store_put32(&p, key->feature_count);
    for (unsigned int i = 0; i < key->feature_count; i++) {
        store_put32(&p, key->features[i].tag);
        store_put32(&p, key->features[i].value);
        store_put32(&p, key->features[i].start);
        store_put32(&p, key->features[i].end);
    }
    store_put32(&p, text_length);
    store_put32(&p, start);
    store_put32(&p, length);
    request->key_length = (uint32_t)(p - request->key);
    request->text = text;
    request->text_length = text_length;
    request->hash = store_entry_hash(request->key, request->key_length, (const uint8_t *)text, text_length);
    return true;
}

// MARK: - Entries

/// The index of the entry with these key bytes and text, or UINT32_MAX. Under the lock.
static uint32_t find_entry(const dossier_shape_store *store, uint64_t hash, const uint8_t *key, uint32_t key_length,
                           const uint8_t *text, uint32_t text_length) {
    if (!store->table_capacity) return UINT32_MAX;
    uint32_t mask = store->table_capacity - 1;
    for (uint32_t slot = (uint32_t)hash & mask;; slot = (slot + 1) & mask) {
        uint32_t stored = store->table[slot];
        if (!stored) return UINT32_MAX;
        const entry *e = &store->entries[stored - 1];
        if (e->hash == hash && e->key_length == key_length && e->text_length == text_length &&
            memcmp(e->key, key, key_length) == 0 && memcmp(e->text, text, text_length) == 0) {
            return stored - 1;
        }
    }
}

bool store_add_entry(dossier_shape_store *store, entry e) {
    if (find_entry(store, e.hash, e.key, e.key_length, e.text, e.text_length) != UINT32_MAX) return false;
    if (store->count == store->capacity) {
        uint32_t capacity = store->capacity ? store->capacity * 2 : 256;
        entry *entries = realloc(store->entries, capacity * sizeof *entries);
        if (!entries) return false;
        store->entries = entries;
        store->capacity = capacity;
    }
    if ((store->count + 1) * 2 > store->table_capacity) {
        uint32_t capacity = store->table_capacity ? store->table_capacity * 2 : 512;
        uint32_t *table = calloc(capacity, sizeof *table);
        if (!table) return false;
        for (uint32_t i = 0; i < store->count; i++) {
            uint32_t slot = (uint32_t)store->entries[i].hash & (capacity - 1);
            while (table[slot]) slot = (slot + 1) & (capacity - 1);
            table[slot] = i + 1;
        }
        free(store->table);
        store->table = table;
        store->table_capacity = capacity;
    }
    store->entries[store->count] = e;
    uint32_t slot = (uint32_t)e.hash & (store->table_capacity - 1);
    while (store->table[slot]) slot = (slot + 1) & (store->table_capacity - 1);
    store->table[slot] = ++store->count;
    return true;
}

/// Each glyph: a byte of flags (which of the fields after the advance are there: the mask when
/// it is not the previous glyph's, the cluster's step when it is not 1, the y advance, the
/// offsets and the position's spare field when not 0), the glyph id, the x advance, then those.
enum {
    GLYPH_MASK = 1,
    GLYPH_CLUSTER_STEP = 2,
    GLYPH_Y_ADVANCE = 4,
    GLYPH_X_OFFSET = 8,
    GLYPH_Y_OFFSET = 16,
    GLYPH_VAR = 32,
};

static void encode_glyphs(byte_buffer *b, const hb_glyph_info_t *infos, const hb_glyph_position_t *positions,
                          unsigned int count) {
    uint32_t cluster = 0;
    hb_mask_t mask = 0;
    for (unsigned int i = 0; i < count; i++) {
        const hb_glyph_position_t *p = &positions[i];
        int64_t step = (int64_t)infos[i].cluster - (int64_t)cluster;
        uint8_t flags = (uint8_t)((infos[i].mask != mask ? GLYPH_MASK : 0) | (step != 1 ? GLYPH_CLUSTER_STEP : 0) |
                                  (p->y_advance ? GLYPH_Y_ADVANCE : 0) | (p->x_offset ? GLYPH_X_OFFSET : 0) |
                                  (p->y_offset ? GLYPH_Y_OFFSET : 0) | (p->var.i32 ? GLYPH_VAR : 0));
        store_append(b, &flags, 1);
        store_append_uvarint(b, infos[i].codepoint);
        store_append_signed(b, p->x_advance);
        if (flags & GLYPH_MASK) store_append_uvarint(b, infos[i].mask);
        if (flags & GLYPH_CLUSTER_STEP) store_append_signed(b, step);
        if (flags & GLYPH_Y_ADVANCE) store_append_signed(b, p->y_advance);
        if (flags & GLYPH_X_OFFSET) store_append_signed(b, p->x_offset);
        if (flags & GLYPH_Y_OFFSET) store_append_signed(b, p->y_offset);
        if (flags & GLYPH_VAR) store_append_signed(b, p->var.i32);
        cluster = infos[i].cluster;
        mask = infos[i].mask;
    }
}

/// The calling thread's arrays for decoded glyphs.
static __thread hb_glyph_info_t *scratch_infos;
static __thread hb_glyph_position_t *scratch_positions;
static __thread unsigned int scratch_capacity;

static bool decode_glyphs(const entry *e) {
    if (e->glyph_count > scratch_capacity) {
        hb_glyph_info_t *infos = realloc(scratch_infos, e->glyph_count * sizeof *infos);
        if (infos) scratch_infos = infos;
        hb_glyph_position_t *positions = realloc(scratch_positions, e->glyph_count * sizeof *positions);
        if (positions) scratch_positions = positions;
        if (!infos || !positions) return false;
        scratch_capacity = e->glyph_count;
    }
    byte_reader r = {e->glyphs, e->glyph_bytes, 0, false};
    int64_t cluster = 0;
    hb_mask_t mask = 0;
    for (uint32_t i = 0; i < e->glyph_count && !r.failed; i++) {
        hb_glyph_info_t *info = &scratch_infos[i];
        hb_glyph_position_t *position = &scratch_positions[i];
        memset(info, 0, sizeof *info);
        memset(position, 0, sizeof *position);
        const uint8_t *flags = store_read_bytes(&r, 1);
        if (!flags) break;
        info->codepoint = (hb_codepoint_t)store_read_uvarint(&r);
        position->x_advance = (hb_position_t)store_read_signed(&r);
        if (*flags & GLYPH_MASK) mask = (hb_mask_t)store_read_uvarint(&r);
        cluster += (*flags & GLYPH_CLUSTER_STEP) ? store_read_signed(&r) : 1;
        if (*flags & GLYPH_Y_ADVANCE) position->y_advance = (hb_position_t)store_read_signed(&r);
        if (*flags & GLYPH_X_OFFSET) position->x_offset = (hb_position_t)store_read_signed(&r);
        if (*flags & GLYPH_Y_OFFSET) position->y_offset = (hb_position_t)store_read_signed(&r);
        if (*flags & GLYPH_VAR) position->var.i32 = (int32_t)store_read_signed(&r);
        info->mask = mask;
        info->cluster = (uint32_t)cluster;
    }
    return !r.failed && r.offset == r.length;
}

bool store_find(dossier_shape_store *store, const store_request *request, hb_glyph_info_t **infos,
                hb_glyph_position_t **positions, unsigned int *count) {
    pthread_mutex_lock(&store->lock);
    uint32_t index = find_entry(store, request->hash, request->key, request->key_length,
                                (const uint8_t *)request->text, request->text_length);
    bool found = index != UINT32_MAX && decode_glyphs(&store->entries[index]);
    if (found) {
        entry *e = &store->entries[index];
        if (!e->touched) e->touched = ++store->sequence;
        store->statistics.hits += 1;
        *infos = scratch_infos;
        *positions = scratch_positions;
        *count = e->glyph_count;
    } else {
        store->statistics.misses += 1;
    }
    pthread_mutex_unlock(&store->lock);
    return found;
}

void store_record(dossier_shape_store *store, const store_request *request, hb_buffer_t *buffer) {
    unsigned int count = 0;
    const hb_glyph_info_t *infos = hb_buffer_get_glyph_infos(buffer, &count);
    const hb_glyph_position_t *positions = hb_buffer_get_glyph_positions(buffer, NULL);
    if (!count || !positions || hb_buffer_get_content_type(buffer) != HB_BUFFER_CONTENT_TYPE_GLYPHS) return;
    byte_buffer glyphs = {0};
    encode_glyphs(&glyphs, infos, positions, count);
    size_t total = (size_t)request->key_length + request->text_length + glyphs.length;
    uint8_t *owned = glyphs.failed ? NULL : malloc(total ? total : 1);
    if (!owned) {
        free(glyphs.data);
        return;
    }
    memcpy(owned, request->key, request->key_length);
    memcpy(owned + request->key_length, request->text, request->text_length);
    memcpy(owned + request->key_length + request->text_length, glyphs.data, glyphs.length);
    entry e = {
        .hash = request->hash,
        .key = owned,
        .key_length = request->key_length,
        .text = owned + request->key_length,
        .text_length = request->text_length,
        .glyphs = owned + request->key_length + request->text_length,
        .glyph_bytes = (uint32_t)glyphs.length,
        .glyph_count = count,
        .owned = owned,
    };
    free(glyphs.data);
    pthread_mutex_lock(&store->lock);
    e.touched = store->sequence + 1;
    if (store_add_entry(store, e)) {
        store->sequence += 1;
        store->statistics.recorded += 1;
    } else {
        free(owned);
    }
    pthread_mutex_unlock(&store->lock);
}
