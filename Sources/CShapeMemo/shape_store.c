// Whole-item shapings kept across processes: see include/shape_store.h.
//
// Each entry is one hb_shape call of a whole item as Pango makes it (shape_memo.c follows the
// buffer's filling): its key is every input HarfBuzz reads, written without pointers — the
// font by its file's SHA-256 and face index (the face learns its file when Pango makes it:
// hb_blob_create_from_file and hb_face_create are defined here, ahead of HarfBuzz's, and tag
// the blob and the face with the file's path), the sub-font's scale, ppem, point size,
// synthetic slant and variation coordinates, its glyphs for the characters Pango's show flags
// change, the buffer's direction, script, language, flags, cluster level and special glyphs,
// the features, and the layout's whole text with the item's byte range. Its value is the
// glyphs HarfBuzz gave (codepoint, cluster, mask, the four positions and the position's
// spare field), compressed as variable-length integers. A request is answered only by an
// entry whose key bytes and text are the same bytes.
#define _GNU_SOURCE
#include "store_internal.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

// MARK: - Fonts by file

typedef hb_blob_t *(*blob_from_file_function)(const char *);
typedef hb_face_t *(*face_create_function)(hb_blob_t *, unsigned int);
static blob_from_file_function real_blob_from_file;
static face_create_function real_face_create;
static pthread_once_t resolved = PTHREAD_ONCE_INIT;
static hb_user_data_key_t blob_path_key, face_file_key;

/// The file a face was made from.
typedef struct {
    char *path;
    unsigned int index;
} face_file;

static void resolve(void) {
    real_blob_from_file = (blob_from_file_function)dlsym(RTLD_NEXT, "hb_blob_create_from_file");
    real_face_create = (face_create_function)dlsym(RTLD_NEXT, "hb_face_create");
}

static void free_face_file(void *pointer) {
    face_file *file = pointer;
    free(file->path);
    free(file);
}

hb_blob_t *hb_blob_create_from_file(const char *file_name) {
    pthread_once(&resolved, resolve);
    hb_blob_t *blob = real_blob_from_file(file_name);
    char *path = file_name ? strdup(file_name) : NULL;
    if (path && !hb_blob_set_user_data(blob, &blob_path_key, path, free, true)) free(path);
    return blob;
}

hb_face_t *hb_face_create(hb_blob_t *blob, unsigned int index) {
    pthread_once(&resolved, resolve);
    hb_face_t *face = real_face_create(blob, index);
    const char *path = blob ? hb_blob_get_user_data(blob, &blob_path_key) : NULL;
    if (path) {
        face_file *file = malloc(sizeof *file);
        if (file) {
            file->path = strdup(path);
            file->index = index;
            if (!file->path || !hb_face_set_user_data(face, &face_file_key, file, free_face_file, true)) {
                free(file->path);
                free(file);
            }
        }
    }
    return face;
}

// MARK: - The store

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

#define MAX_FONTS 64

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

// MARK: - Bytes

static uint64_t hash_bytes(uint64_t h, const uint8_t *bytes, size_t count) {
    size_t i = 0;
    for (; i + 8 <= count; i += 8) {
        uint64_t word;
        memcpy(&word, bytes + i, 8);
        h = (h ^ word) * 0x9E3779B97F4A7C15ull;
        h ^= h >> 29;
    }
    for (; i < count; i++) h = (h ^ bytes[i]) * 0x100000001B3ull;
    return h ^ (h >> 32);
}

static uint64_t entry_hash(const uint8_t *key, uint32_t key_length, const uint8_t *text, uint32_t text_length) {
    return hash_bytes(hash_bytes(0xCBF29CE484222325ull, key, key_length), text, text_length);
}

typedef struct {
    uint8_t *data;
    size_t length, capacity;
    bool failed;
} byte_buffer;

static void append(byte_buffer *b, const void *bytes, size_t count) {
    if (b->failed) return;
    if (b->length + count > b->capacity) {
        size_t capacity = b->capacity ? b->capacity : 4096;
        while (capacity < b->length + count) capacity *= 2;
        uint8_t *data = realloc(b->data, capacity);
        if (!data) {
            b->failed = true;
            return;
        }
        b->data = data;
        b->capacity = capacity;
    }
    memcpy(b->data + b->length, bytes, count);
    b->length += count;
}

static void append_uvarint(byte_buffer *b, uint64_t value) {
    uint8_t bytes[10];
    int n = 0;
    do {
        uint8_t byte = value & 0x7F;
        value >>= 7;
        bytes[n++] = byte | (value ? 0x80 : 0);
    } while (value);
    append(b, bytes, (size_t)n);
}

static void append_signed(byte_buffer *b, int64_t value) {
    append_uvarint(b, ((uint64_t)value << 1) ^ (uint64_t)(value >> 63));
}

typedef struct {
    const uint8_t *bytes;
    size_t length, offset;
    bool failed;
} byte_reader;

static uint64_t read_uvarint(byte_reader *r) {
    uint64_t value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (r->offset >= r->length) break;
        uint8_t byte = r->bytes[r->offset++];
        value |= (uint64_t)(byte & 0x7F) << shift;
        if (!(byte & 0x80)) return value;
    }
    r->failed = true;
    return 0;
}

static int64_t read_signed(byte_reader *r) {
    uint64_t value = read_uvarint(r);
    return (int64_t)(value >> 1) ^ -(int64_t)(value & 1);
}

static const uint8_t *read_bytes(byte_reader *r, uint64_t count) {
    if (r->failed || count > r->length - r->offset) {
        r->failed = true;
        return NULL;
    }
    const uint8_t *bytes = r->bytes + r->offset;
    r->offset += (size_t)count;
    return bytes;
}

// MARK: - Keys

static void put32(uint8_t **p, uint32_t value) {
    memcpy(*p, &value, 4);
    *p += 4;
}

bool store_request_make(dossier_shape_store *store, const shaping_key *key, hb_font_t *font, const char *text,
                        uint32_t text_length, uint32_t start, uint32_t length, store_request *request) {
    if (key->unicode != hb_unicode_funcs_get_default()) return false;
    const face_file *file = hb_face_get_user_data(key->face, &face_file_key);
    if (!file) return false;
    unsigned int coordinate_count = 0;
    const int *coordinates = hb_font_get_var_coords_normalized(font, &coordinate_count);
    const char *language = hb_language_to_string(key->properties.language);
    size_t language_length = language ? strlen(language) : 0;
    size_t needed = 32 + 4 * 16 + 4 * (size_t)coordinate_count + language_length + 16 * key->feature_count + 16;
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
    put32(&p, file->index);
    put32(&p, (uint32_t)key->x_scale);
    put32(&p, (uint32_t)key->y_scale);
    put32(&p, key->x_ppem);
    put32(&p, key->y_ppem);
    uint32_t bits;
    memcpy(&bits, &key->ptem, 4);
    put32(&p, bits);
    float slant = hb_font_get_synthetic_slant(font);
    memcpy(&bits, &slant, 4);
    put32(&p, bits);
    put32(&p, coordinate_count);
    for (unsigned int i = 0; i < coordinate_count; i++) put32(&p, (uint32_t)coordinates[i]);
    for (int i = 0; i < 3; i++) put32(&p, key->probes[i]);
    put32(&p, (uint32_t)key->properties.direction);
    put32(&p, (uint32_t)key->properties.script);
    put32(&p, language ? (uint32_t)language_length : UINT32_MAX);
    memcpy(p, language, language_length);
    p += language_length;
    put32(&p, (uint32_t)key->flags);
    put32(&p, (uint32_t)key->cluster_level);
    put32(&p, key->invisible);
    put32(&p, key->replacement);
    put32(&p, key->not_found);
    put32(&p, key->feature_count);
    for (unsigned int i = 0; i < key->feature_count; i++) {
        put32(&p, key->features[i].tag);
        put32(&p, key->features[i].value);
        put32(&p, key->features[i].start);
        put32(&p, key->features[i].end);
    }
    put32(&p, text_length);
    put32(&p, start);
    put32(&p, length);
    request->key_length = (uint32_t)(p - request->key);
    request->text = text;
    request->text_length = text_length;
    request->hash = entry_hash(request->key, request->key_length, (const uint8_t *)text, text_length);
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

/// Adds `e` unless an entry with its key is there. Under the lock. False when out of memory
/// or a duplicate (the caller frees what `e` owns).
static bool add_entry(dossier_shape_store *store, entry e) {
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
        append(b, &flags, 1);
        append_uvarint(b, infos[i].codepoint);
        append_signed(b, p->x_advance);
        if (flags & GLYPH_MASK) append_uvarint(b, infos[i].mask);
        if (flags & GLYPH_CLUSTER_STEP) append_signed(b, step);
        if (flags & GLYPH_Y_ADVANCE) append_signed(b, p->y_advance);
        if (flags & GLYPH_X_OFFSET) append_signed(b, p->x_offset);
        if (flags & GLYPH_Y_OFFSET) append_signed(b, p->y_offset);
        if (flags & GLYPH_VAR) append_signed(b, p->var.i32);
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
        const uint8_t *flags = read_bytes(&r, 1);
        if (!flags) break;
        info->codepoint = (hb_codepoint_t)read_uvarint(&r);
        position->x_advance = (hb_position_t)read_signed(&r);
        if (*flags & GLYPH_MASK) mask = (hb_mask_t)read_uvarint(&r);
        cluster += (*flags & GLYPH_CLUSTER_STEP) ? read_signed(&r) : 1;
        if (*flags & GLYPH_Y_ADVANCE) position->y_advance = (hb_position_t)read_signed(&r);
        if (*flags & GLYPH_X_OFFSET) position->x_offset = (hb_position_t)read_signed(&r);
        if (*flags & GLYPH_Y_OFFSET) position->y_offset = (hb_position_t)read_signed(&r);
        if (*flags & GLYPH_VAR) position->var.i32 = (int32_t)read_signed(&r);
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
    if (add_entry(store, e)) {
        store->sequence += 1;
        store->statistics.recorded += 1;
    } else {
        free(owned);
    }
    pthread_mutex_unlock(&store->lock);
}

// MARK: - Saved form

/// The first bytes of a saved store: the format's name and version.
static const uint8_t magic[8] = {'D', 'S', 'H', 'A', 'P', 'E', '2', '\n'};

/// The bytes at the end of a key after its style (what is the same for every item shaped with
/// one font and buffer setting): the text's length, the item's start and length.
#define KEY_TAIL 12

/// An entry as parsed, before its key is put together.
typedef struct {
    uint64_t style, start, length;
    const uint8_t *text;
    uint32_t text_length;
    const uint8_t *glyphs;
    uint32_t glyph_bytes, glyph_count;
} parsed_entry;

/// A saved store: the magic; the count of styles, each style's length and bytes; then each
/// entry: its style's number, the item's start and length, its text (0 for the previous
/// entry's text, else the length + 1 and the bytes), its glyph count, its glyphs' length and
/// bytes (all numbers as variable-length integers).
int dossier_shape_store_load(dossier_shape_store *store, const uint8_t *bytes, size_t count) {
    if (!store || count < sizeof magic || memcmp(bytes, magic, sizeof magic) != 0) return 0;
    byte_reader r = {bytes, count, sizeof magic, false};
    uint64_t style_count = read_uvarint(&r);
    if (style_count > count) r.failed = true;
    const uint8_t **styles = r.failed ? NULL : malloc((size_t)(style_count ? style_count : 1) * sizeof *styles);
    uint32_t *style_lengths = r.failed ? NULL : malloc((size_t)(style_count ? style_count : 1) * sizeof *style_lengths);
    if (!styles || !style_lengths) r.failed = true;
    for (uint64_t i = 0; i < style_count && !r.failed; i++) {
        uint64_t length = read_uvarint(&r);
        if (length < 32 || length > STORE_KEY_MAX - KEY_TAIL) r.failed = true;
        styles[i] = read_bytes(&r, length);
        style_lengths[i] = (uint32_t)length;
    }
    // Parsed whole before anything is added: a malformed save adds nothing.
    parsed_entry *parsed = NULL;
    size_t parsed_count = 0, parsed_capacity = 0, key_bytes = 0;
    const uint8_t *previous_text = NULL;
    uint32_t previous_length = 0;
    while (!r.failed && r.offset < r.length) {
        parsed_entry e = {0};
        e.style = read_uvarint(&r);
        e.start = read_uvarint(&r);
        e.length = read_uvarint(&r);
        uint64_t text_tag = read_uvarint(&r);
        if (r.failed || e.style >= style_count || text_tag > UINT32_MAX) { r.failed = true; break; }
        if (text_tag == 0) {
            if (!previous_text) { r.failed = true; break; }
            e.text = previous_text;
            e.text_length = previous_length;
        } else {
            e.text_length = (uint32_t)(text_tag - 1);
            e.text = read_bytes(&r, text_tag - 1);
        }
        uint64_t glyph_count = read_uvarint(&r);
        uint64_t glyph_bytes = read_uvarint(&r);
        e.glyphs = read_bytes(&r, glyph_bytes);
        if (r.failed || glyph_count == 0 || glyph_count > glyph_bytes || e.start + e.length > e.text_length) {
            r.failed = true;
            break;
        }
        e.glyph_count = (uint32_t)glyph_count;
        e.glyph_bytes = (uint32_t)glyph_bytes;
        previous_text = e.text;
        previous_length = e.text_length;
        key_bytes += style_lengths[e.style] + KEY_TAIL;
        if (parsed_count == parsed_capacity) {
            parsed_capacity = parsed_capacity ? parsed_capacity * 2 : 256;
            parsed_entry *grown = realloc(parsed, parsed_capacity * sizeof *grown);
            if (!grown) { r.failed = true; break; }
            parsed = grown;
        }
        parsed[parsed_count++] = e;
    }
    // One block holds the bytes (texts and glyphs point into it) and the keys put together.
    uint8_t *block = r.failed ? NULL : malloc(count + key_bytes + 1);
    if (!block) {
        free(parsed);
        free(styles);
        free(style_lengths);
        return 0;
    }
    memcpy(block, bytes, count);
    uint8_t *keys = block + count;
    pthread_mutex_lock(&store->lock);
    uint8_t **blocks = realloc(store->blocks, (size_t)(store->block_count + 1) * sizeof *blocks);
    bool kept = blocks != NULL;
    if (kept) {
        store->blocks = blocks;
        store->blocks[store->block_count++] = block;
        for (size_t i = 0; i < parsed_count; i++) {
            const parsed_entry *p = &parsed[i];
            uint8_t *key = keys, *tail = keys + style_lengths[p->style];
            memcpy(key, styles[p->style], style_lengths[p->style]);
            put32(&tail, p->text_length);
            put32(&tail, (uint32_t)p->start);
            put32(&tail, (uint32_t)p->length);
            keys = tail;
            const uint8_t *text = block + (p->text - bytes);
            entry e = {
                .key = key,
                .key_length = (uint32_t)(tail - key),
                .text = text,
                .text_length = p->text_length,
                .glyphs = block + (p->glyphs - bytes),
                .glyph_bytes = p->glyph_bytes,
                .glyph_count = p->glyph_count,
            };
            e.hash = entry_hash(e.key, e.key_length, e.text, e.text_length);
            if (add_entry(store, e)) store->statistics.loaded += 1;
        }
    }
    pthread_mutex_unlock(&store->lock);
    free(parsed);
    free(styles);
    free(style_lengths);
    if (!kept) free(block);
    return kept ? 1 : 0;
}

/// The styles of the saved entries (the keys without their tails), each once.
typedef struct {
    const uint8_t **bytes;
    uint32_t *lengths;
    uint32_t count, capacity;
    bool failed;
} style_table;

/// The number of `e`'s style in `t`, added when new.
static uint32_t style_number(style_table *t, const entry *e) {
    uint32_t length = e->key_length - KEY_TAIL;
    for (uint32_t i = t->count; i-- > 0;) {
        if (t->lengths[i] == length && memcmp(t->bytes[i], e->key, length) == 0) return i;
    }
    if (t->count == t->capacity) {
        uint32_t capacity = t->capacity ? t->capacity * 2 : 16;
        const uint8_t **bytes = realloc(t->bytes, capacity * sizeof *bytes);
        if (bytes) t->bytes = bytes;
        uint32_t *lengths = realloc(t->lengths, capacity * sizeof *lengths);
        if (lengths) t->lengths = lengths;
        if (!bytes || !lengths) {
            t->failed = true;
            return 0;
        }
        t->capacity = capacity;
    }
    t->bytes[t->count] = e->key;
    t->lengths[t->count] = length;
    return t->count++;
}

static void append_entry(byte_buffer *b, const entry *e, uint32_t style, const entry *previous) {
    uint32_t start, length;
    memcpy(&start, e->key + e->key_length - 8, 4);
    memcpy(&length, e->key + e->key_length - 4, 4);
    append_uvarint(b, style);
    append_uvarint(b, start);
    append_uvarint(b, length);
    if (previous && previous->text_length == e->text_length &&
        (previous->text == e->text || memcmp(previous->text, e->text, e->text_length) == 0)) {
        append_uvarint(b, 0);
    } else {
        append_uvarint(b, (uint64_t)e->text_length + 1);
        append(b, e->text, e->text_length);
    }
    append_uvarint(b, e->glyph_count);
    append_uvarint(b, e->glyph_bytes);
    append(b, e->glyphs, e->glyph_bytes);
}

static int by_touched(const void *a, const void *b) {
    uint64_t x = (*(const entry *const *)a)->touched, y = (*(const entry *const *)b)->touched;
    return x < y ? -1 : (x > y ? 1 : 0);
}

uint8_t *dossier_shape_store_save(dossier_shape_store *store, size_t carried_limit, size_t *count) {
    *count = 0;
    if (!store) return NULL;
    pthread_mutex_lock(&store->lock);
    if (store->statistics.recorded == 0) {
        pthread_mutex_unlock(&store->lock);
        return NULL;
    }
    // The entries saved, in order: the touched ones by first use, then untouched ones while
    // their bytes stay under the limit.
    const entry **order = malloc((store->count ? store->count : 1) * sizeof *order);
    size_t order_count = 0;
    style_table styles = {0};
    byte_buffer entries = {0};
    if (!order) entries.failed = true;
    for (uint32_t i = 0; order && i < store->count; i++) {
        if (store->entries[i].touched) order[order_count++] = &store->entries[i];
    }
    if (order) qsort(order, order_count, sizeof *order, by_touched);
    size_t carried = 0;
    for (uint32_t i = 0; order && i < store->count; i++) {
        const entry *e = &store->entries[i];
        if (e->touched) continue;
        carried += e->key_length + e->text_length + e->glyph_bytes;
        if (carried > carried_limit) break;
        order[order_count++] = e;
    }
    for (size_t i = 0; i < order_count; i++) {
        uint32_t style = style_number(&styles, order[i]);
        append_entry(&entries, order[i], style, i ? order[i - 1] : NULL);
    }
    byte_buffer b = {0};
    append(&b, magic, sizeof magic);
    append_uvarint(&b, styles.count);
    for (uint32_t i = 0; i < styles.count; i++) {
        append_uvarint(&b, styles.lengths[i]);
        append(&b, styles.bytes[i], styles.lengths[i]);
    }
    if (entries.data) append(&b, entries.data, entries.length);
    pthread_mutex_unlock(&store->lock);
    free(order);
    free(styles.bytes);
    free(styles.lengths);
    bool failed = b.failed || entries.failed || styles.failed;
    free(entries.data);
    if (failed) {
        free(b.data);
        return NULL;
    }
    *count = b.length;
    return b.data;
}

void dossier_shape_store_free_bytes(uint8_t *bytes) { free(bytes); }
