// The saved form of a store (dossier_shape_store_load, dossier_shape_store_save): what the
// build keeps in its cache's shaping pack.
#include "store_internal.h"

#include <stdlib.h>
#include <string.h>

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
    uint64_t style_count = store_read_uvarint(&r);
    if (style_count > count) r.failed = true;
    const uint8_t **styles = r.failed ? NULL : malloc((size_t)(style_count ? style_count : 1) * sizeof *styles);
    uint32_t *style_lengths = r.failed ? NULL : malloc((size_t)(style_count ? style_count : 1) * sizeof *style_lengths);
    if (!styles || !style_lengths) r.failed = true;
    for (uint64_t i = 0; i < style_count && !r.failed; i++) {
        uint64_t length = store_read_uvarint(&r);
        if (length < 32 || length > STORE_KEY_MAX - KEY_TAIL) r.failed = true;
        styles[i] = store_read_bytes(&r, length);
        style_lengths[i] = (uint32_t)length;
    }
    // Parsed whole before anything is added: a malformed save adds nothing.
    parsed_entry *parsed = NULL;
    size_t parsed_count = 0, parsed_capacity = 0, key_bytes = 0;
    const uint8_t *previous_text = NULL;
    uint32_t previous_length = 0;
    while (!r.failed && r.offset < r.length) {
        parsed_entry e = {0};
        e.style = store_read_uvarint(&r);
        e.start = store_read_uvarint(&r);
        e.length = store_read_uvarint(&r);
        uint64_t text_tag = store_read_uvarint(&r);
        if (r.failed || e.style >= style_count || text_tag > UINT32_MAX) { r.failed = true; break; }
        if (text_tag == 0) {
            if (!previous_text) { r.failed = true; break; }
            e.text = previous_text;
            e.text_length = previous_length;
        } else {
            e.text_length = (uint32_t)(text_tag - 1);
            e.text = store_read_bytes(&r, text_tag - 1);
        }
        uint64_t glyph_count = store_read_uvarint(&r);
        uint64_t glyph_bytes = store_read_uvarint(&r);
        e.glyphs = store_read_bytes(&r, glyph_bytes);
        if (r.failed || glyph_count == 0 || glyph_count > glyph_bytes ||
            e.start > e.text_length || e.length > e.text_length - e.start) {
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
            store_put32(&tail, p->text_length);
            store_put32(&tail, (uint32_t)p->start);
            store_put32(&tail, (uint32_t)p->length);
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
            e.hash = store_entry_hash(e.key, e.key_length, e.text, e.text_length);
            if (store_add_entry(store, e)) store->statistics.loaded += 1;
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
    store_append_uvarint(b, style);
    store_append_uvarint(b, start);
    store_append_uvarint(b, length);
    if (previous && previous->text_length == e->text_length &&
        (previous->text == e->text || memcmp(previous->text, e->text, e->text_length) == 0)) {
        store_append_uvarint(b, 0);
    } else {
        store_append_uvarint(b, (uint64_t)e->text_length + 1);
        store_append(b, e->text, e->text_length);
    }
    store_append_uvarint(b, e->glyph_count);
    store_append_uvarint(b, e->glyph_bytes);
    store_append(b, e->glyphs, e->glyph_bytes);
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
    store_append(&b, magic, sizeof magic);
    store_append_uvarint(&b, styles.count);
    for (uint32_t i = 0; i < styles.count; i++) {
        store_append_uvarint(&b, styles.lengths[i]);
        store_append(&b, styles.bytes[i], styles.lengths[i]);
    }
    if (entries.data) store_append(&b, entries.data, entries.length);
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
