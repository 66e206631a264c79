// A memo of HarfBuzz shaping for Pango 1.50's line breaker: see include/shape_memo.h.
//
// Pango 1.50 (shape.c, pango_hb_shape) fills a buffer with three hb_buffer_add_utf8 calls on
// the layout's text: the pre-context (text before the item, no item), the item, the
// post-context (the rest of the text, no item); then calls hb_shape once with a sub-font of
// its font's hb_font. This file follows those calls per thread. A buffer filled exactly that
// way is shaped by HarfBuzz and remembered (the layout's text, copied, the item's byte range,
// the glyphs and positions); a later request on the same thread for a piece of a remembered
// item — the same text, the same font, properties, flags and features — is answered by the
// remembered glyphs whose clusters fall in the piece, when the piece starts and ends on a
// cluster boundary HarfBuzz did not mark unsafe to break. Glyph clusters are byte offsets
// into the layout's text, so a piece's glyphs are found by offset; the layout's whole text is
// compared, so the piece's context (what HarfBuzz sees around it) is the same. Left-to-right
// buffers with monotone clusters only; anything else, or any other way of filling a buffer,
// goes to HarfBuzz untouched.
#define _GNU_SOURCE
#include "shape_memo.h"
#include "store_internal.h"

#include <dlfcn.h>
#include <harfbuzz/hb.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef void (*shape_function)(hb_font_t *, hb_buffer_t *, const hb_feature_t *, unsigned int);
typedef void (*add_utf8_function)(hb_buffer_t *, const char *, int, unsigned int, int);
typedef void (*add_function)(hb_buffer_t *, hb_codepoint_t, unsigned int);

static shape_function real_shape;
static add_utf8_function real_add_utf8;
static add_function real_add;
static pthread_once_t resolved = PTHREAD_ONCE_INIT;
static pthread_key_t memo_key;

static atomic_int mode = DOSSIER_SHAPE_MEMO_OFF;
static atomic_int interposed;
/// Raised whenever a font map comes or goes (dossier_shape_memo_forget_all): a shaping
/// remembered before answers nothing after, so a font or face freed and another made at its
/// address can never be taken for it.
static atomic_long generation;
static atomic_long calls, bytes, hits, hit_bytes, mismatches;

/// Remembered shapings per thread: the items of the paragraph being broken.
#define SLOTS 8

typedef struct {
    bool used;
    long generation;
    shaping_key key;
    char *text;  // the layout's text, copied
    int text_length;
    unsigned int start, end;  // the item's bytes
    unsigned int glyph_count;
    hb_glyph_info_t *infos;
    hb_glyph_position_t *positions;
} remembered;

/// The buffer being filled on this thread: how far through Pango's three calls it is.
typedef struct {
    hb_buffer_t *buffer;
    const char *text;
    int text_length;  // the post-context call's length: the layout's text
    unsigned int start;
    int length;
    int stage;  // 1 pre-context, 2 item, 3 post-context; 0 none or not Pango's pattern
} filling;

typedef struct {
    filling filling;
    remembered slots[SLOTS];
    int next;
    long hits;  // this thread's answers
} memo;

static void free_memo(void *pointer) {
    memo *m = pointer;
    for (int i = 0; i < SLOTS; i++) {
        free(m->slots[i].text);
        free(m->slots[i].infos);
        free(m->slots[i].positions);
    }
    free(m);
}

static void resolve(void) {
    real_shape = (shape_function)dlsym(RTLD_NEXT, "hb_shape");
    real_add_utf8 = (add_utf8_function)dlsym(RTLD_NEXT, "hb_buffer_add_utf8");
    real_add = (add_function)dlsym(RTLD_NEXT, "hb_buffer_add");
    pthread_key_create(&memo_key, free_memo);
}

static memo *thread_memo(void) {
    memo *m = pthread_getspecific(memo_key);
    if (!m) {
        m = calloc(1, sizeof *m);
        if (m && pthread_setspecific(memo_key, m) != 0) {
            free(m);
            m = NULL;
        }
    }
    return m;
}

void dossier_shape_memo_enable(void) {
    int expected = DOSSIER_SHAPE_MEMO_OFF;
    atomic_compare_exchange_strong(&mode, &expected, DOSSIER_SHAPE_MEMO_ON);
}

void dossier_shape_memo_set_mode(int new_mode) { atomic_store(&mode, new_mode); }

int dossier_shape_memo_mode(void) { return atomic_load(&mode); }

int dossier_shape_memo_interposed(void) { return atomic_load(&interposed); }

void dossier_shape_memo_forget_all(void) { atomic_fetch_add(&generation, 1); }

long dossier_shape_memo_thread_hits(void) {
    pthread_once(&resolved, resolve);
    memo *m = pthread_getspecific(memo_key);
    return m ? m->hits : 0;
}

dossier_shape_memo_statistics dossier_shape_memo_read_statistics(void) {
    dossier_shape_memo_statistics s = {
        atomic_load(&calls), atomic_load(&bytes), atomic_load(&hits),
        atomic_load(&hit_bytes), atomic_load(&mismatches),
    };
    return s;
}

// MARK: - Following how a buffer is filled

void hb_buffer_add_utf8(hb_buffer_t *buffer, const char *text, int text_length, unsigned int item_offset,
                        int item_length) {
    pthread_once(&resolved, resolve);
    if (atomic_load_explicit(&mode, memory_order_relaxed) != DOSSIER_SHAPE_MEMO_OFF) {
        memo *m = thread_memo();
        if (m) {
            filling *f = &m->filling;
            if (item_length == 0 && text_length >= 0 && (unsigned int)text_length == item_offset &&
                hb_buffer_get_length(buffer) == 0) {
                *f = (filling){buffer, text, 0, item_offset, 0, 1};  // pre-context
            } else if (f->stage == 1 && f->buffer == buffer && f->text == text && item_offset == f->start &&
                       item_length > 0 && text_length == (int)item_offset + item_length) {
                f->length = item_length;  // the item
                f->stage = 2;
            } else if (f->stage == 2 && f->buffer == buffer && f->text == text && item_length == 0 &&
                       item_offset == f->start + (unsigned int)f->length && text_length >= (int)item_offset) {
                f->text_length = text_length;  // post-context
                f->stage = 3;
            } else if (f->buffer == buffer) {
                f->stage = 0;
            }
        }
    }
    real_add_utf8(buffer, text, text_length, item_offset, item_length);
}

void hb_buffer_add(hb_buffer_t *buffer, hb_codepoint_t codepoint, unsigned int cluster) {
    pthread_once(&resolved, resolve);
    if (atomic_load_explicit(&mode, memory_order_relaxed) != DOSSIER_SHAPE_MEMO_OFF) {
        memo *m = pthread_getspecific(memo_key);
        if (m && m->filling.buffer == buffer) m->filling.stage = 0;  // not Pango's plain pattern
    }
    real_add(buffer, codepoint, cluster);
}

// MARK: - Shaping

static bool make_key(hb_font_t *font, hb_buffer_t *buffer, const hb_feature_t *features, unsigned int count,
                     shaping_key *key) {
    memset(key, 0, sizeof *key);
    hb_font_t *parent = hb_font_get_parent(font);
    if (!parent || parent == hb_font_get_empty() || count > MAX_FEATURES) return false;
    key->parent = parent;
    key->face = hb_font_get_face(font);
    hb_font_get_scale(font, &key->x_scale, &key->y_scale);
    hb_font_get_ppem(font, &key->x_ppem, &key->y_ppem);
    key->ptem = hb_font_get_ptem(font);
    static const hb_codepoint_t probed[3] = {0x20, 0xAD, 0x2028};
    for (int i = 0; i < 3; i++) {
        if (!hb_font_get_nominal_glyph(font, probed[i], &key->probes[i])) key->probes[i] = (hb_codepoint_t)-1;
    }
    hb_buffer_get_segment_properties(buffer, &key->properties);
    key->flags = hb_buffer_get_flags(buffer);
    key->cluster_level = hb_buffer_get_cluster_level(buffer);
    key->invisible = hb_buffer_get_invisible_glyph(buffer);
    key->replacement = hb_buffer_get_replacement_codepoint(buffer);
    key->not_found = hb_buffer_get_not_found_glyph(buffer);
    key->unicode = hb_buffer_get_unicode_funcs(buffer);
    key->feature_count = count;
    if (count) memcpy(key->features, features, count * sizeof *features);
    return key->properties.direction == HB_DIRECTION_LTR &&
           (key->cluster_level == HB_BUFFER_CLUSTER_LEVEL_MONOTONE_GRAPHEMES ||
            key->cluster_level == HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
}

static bool same_key(const shaping_key *a, const shaping_key *b) {
    return a->parent == b->parent && a->face == b->face && a->x_scale == b->x_scale && a->y_scale == b->y_scale &&
           a->x_ppem == b->x_ppem && a->y_ppem == b->y_ppem && a->ptem == b->ptem &&
           memcmp(a->probes, b->probes, sizeof a->probes) == 0 &&
           hb_segment_properties_equal(&a->properties, &b->properties) && a->flags == b->flags &&
           a->cluster_level == b->cluster_level && a->invisible == b->invisible &&
           a->replacement == b->replacement && a->not_found == b->not_found && a->unicode == b->unicode &&
           a->feature_count == b->feature_count &&
           memcmp(a->features, b->features, a->feature_count * sizeof a->features[0]) == 0;
}

/// The first glyph of `r` whose cluster is at least `offset`.
static unsigned int first_glyph_from(const remembered *r, unsigned int offset) {
    unsigned int low = 0, high = r->glyph_count;
    while (low < high) {
        unsigned int middle = low + (high - low) / 2;
        if (r->infos[middle].cluster < offset) low = middle + 1; else high = middle;
    }
    return low;
}

/// Whether a piece may start (or end) at the glyph `index` of `r`: a cluster starts there at
/// `offset` and HarfBuzz did not mark it unsafe to break.
static bool safe_boundary(const remembered *r, unsigned int index, unsigned int offset) {
    return index < r->glyph_count && r->infos[index].cluster == offset &&
           !(hb_glyph_info_get_glyph_flags(&r->infos[index]) & HB_GLYPH_FLAG_UNSAFE_TO_BREAK);
}

/// The glyphs [first, last) of `r` for the piece [start, end) of the text `f` holds, if `r`
/// answers it.
static bool find_piece(const remembered *r, const shaping_key *key, const filling *f, unsigned int *first,
                       unsigned int *last) {
    unsigned int start = f->start, end = f->start + (unsigned int)f->length;
    if (!r->used || r->generation != atomic_load_explicit(&generation, memory_order_relaxed) ||
        r->text_length != f->text_length || start < r->start || end > r->end) {
        return false;
    }
    if (!same_key(&r->key, key) || memcmp(r->text, f->text, (size_t)f->text_length) != 0) return false;
    unsigned int from = first_glyph_from(r, start);
    if (start > r->start && !safe_boundary(r, from, start)) return false;
    unsigned int to = r->glyph_count;
    if (end < r->end) {
        to = first_glyph_from(r, end);
        if (!safe_boundary(r, to, end)) return false;
    }
    if (from >= to) return false;
    *first = from;
    *last = to;
    return true;
}

/// Replaces the buffer's text by the glyphs [first, last) of `r`, as shaping would leave it.
static void fill_glyphs(hb_buffer_t *buffer, const remembered *r, unsigned int first, unsigned int last) {
    hb_segment_properties_t properties;
    hb_buffer_get_segment_properties(buffer, &properties);
    hb_buffer_flags_t flags = hb_buffer_get_flags(buffer);
    hb_buffer_cluster_level_t level = hb_buffer_get_cluster_level(buffer);
    hb_buffer_clear_contents(buffer);
    hb_buffer_set_segment_properties(buffer, &properties);
    hb_buffer_set_flags(buffer, flags);
    hb_buffer_set_cluster_level(buffer, level);
    for (unsigned int i = first; i < last; i++) real_add(buffer, r->infos[i].codepoint, r->infos[i].cluster);
    hb_buffer_set_content_type(buffer, HB_BUFFER_CONTENT_TYPE_GLYPHS);
    unsigned int count = 0;
    hb_glyph_info_t *infos = hb_buffer_get_glyph_infos(buffer, &count);
    hb_glyph_position_t *positions = hb_buffer_get_glyph_positions(buffer, NULL);
    if (count != last - first || !positions) return;
    for (unsigned int i = 0; i < count; i++) infos[i].mask = r->infos[first + i].mask;
    memcpy(positions, r->positions + first, count * sizeof *positions);
}

/// Whether the buffer holds exactly the glyphs [first, last) of `r` (verification).
static bool holds_glyphs(hb_buffer_t *buffer, const remembered *r, unsigned int first, unsigned int last) {
    unsigned int count = 0;
    hb_glyph_info_t *infos = hb_buffer_get_glyph_infos(buffer, &count);
    hb_glyph_position_t *positions = hb_buffer_get_glyph_positions(buffer, NULL);
    if (count != last - first) return false;
    for (unsigned int i = 0; i < count; i++) {
        const hb_glyph_info_t *a = &infos[i], *b = &r->infos[first + i];
        if (a->codepoint != b->codepoint || a->cluster != b->cluster) return false;
        if (memcmp(&positions[i], &r->positions[first + i], sizeof positions[i]) != 0) return false;
    }
    return true;
}

static void remember(memo *m, const shaping_key *key, const filling *f, hb_buffer_t *buffer) {
    unsigned int count = 0;
    const hb_glyph_info_t *infos = hb_buffer_get_glyph_infos(buffer, &count);
    const hb_glyph_position_t *positions = hb_buffer_get_glyph_positions(buffer, NULL);
    if (!count || !positions || hb_buffer_get_content_type(buffer) != HB_BUFFER_CONTENT_TYPE_GLYPHS) return;
    remembered *r = &m->slots[m->next];
    m->next = (m->next + 1) % SLOTS;
    r->used = false;
    char *text = realloc(r->text, (size_t)f->text_length + 1);
    if (text) r->text = text;
    hb_glyph_info_t *kept_infos = realloc(r->infos, count * sizeof *infos);
    if (kept_infos) r->infos = kept_infos;
    hb_glyph_position_t *kept_positions = realloc(r->positions, count * sizeof *positions);
    if (kept_positions) r->positions = kept_positions;
    if (!text || !kept_infos || !kept_positions) return;
    memcpy(r->text, f->text, (size_t)f->text_length);
    memcpy(r->infos, infos, count * sizeof *infos);
    memcpy(r->positions, positions, count * sizeof *positions);
    r->key = *key;
    r->generation = atomic_load_explicit(&generation, memory_order_relaxed);
    r->text_length = f->text_length;
    r->start = f->start;
    r->end = f->start + (unsigned int)f->length;
    r->glyph_count = count;
    // Monotone clusters are what the search by offset relies on.
    for (unsigned int i = 1; i < count; i++) {
        if (infos[i].cluster < infos[i - 1].cluster) return;
    }
    r->used = true;
}

void hb_shape(hb_font_t *font, hb_buffer_t *buffer, const hb_feature_t *features, unsigned int num_features) {
    pthread_once(&resolved, resolve);
    atomic_store_explicit(&interposed, 1, memory_order_relaxed);
    int current = atomic_load_explicit(&mode, memory_order_relaxed);
    memo *m = current == DOSSIER_SHAPE_MEMO_OFF ? NULL : pthread_getspecific(memo_key);
    if (!m) {
        real_shape(font, buffer, features, num_features);
        return;
    }
    filling f = m->filling;
    m->filling.stage = 0;
    atomic_fetch_add_explicit(&calls, 1, memory_order_relaxed);
    atomic_fetch_add_explicit(&bytes, f.length, memory_order_relaxed);
    shaping_key key;
    if (f.stage != 3 || f.buffer != buffer || hb_buffer_get_content_type(buffer) != HB_BUFFER_CONTENT_TYPE_UNICODE ||
        !make_key(font, buffer, features, num_features, &key)) {
        real_shape(font, buffer, features, num_features);
        return;
    }
    for (int i = 0; i < SLOTS; i++) {
        unsigned int first, last;
        const remembered *r = &m->slots[i];
        if (!find_piece(r, &key, &f, &first, &last)) continue;
        atomic_fetch_add_explicit(&hits, 1, memory_order_relaxed);
        m->hits += 1;
        atomic_fetch_add_explicit(&hit_bytes, f.length, memory_order_relaxed);
        if (current == DOSSIER_SHAPE_MEMO_VERIFY) {
            real_shape(font, buffer, features, num_features);
            if (!holds_glyphs(buffer, r, first, last)) atomic_fetch_add_explicit(&mismatches, 1, memory_order_relaxed);
        } else {
            fill_glyphs(buffer, r, first, last);
        }
        return;
    }
    // A whole item a build shaped before: from the thread's store (shape_store.c), if the
    // request is for the layout the store is used for.
    dossier_shape_store *store = store_current(f.text);
    store_request request;
    bool stored = store && f.text_length >= 0 &&
                  store_request_make(store, &key, font, f.text, (uint32_t)f.text_length, f.start, (uint32_t)f.length,
                                     &request);
    remembered answer = {0};
    if (stored && store_find(store, &request, &answer.infos, &answer.positions, &answer.glyph_count)) {
        if (current == DOSSIER_SHAPE_MEMO_VERIFY) {
            real_shape(font, buffer, features, num_features);
            if (!holds_glyphs(buffer, &answer, 0, answer.glyph_count)) store_count_mismatch(store);
        } else {
            fill_glyphs(buffer, &answer, 0, answer.glyph_count);
        }
    } else {
        real_shape(font, buffer, features, num_features);
        if (stored) store_record(store, &request, buffer);
    }
    remember(m, &key, &f, buffer);
}
