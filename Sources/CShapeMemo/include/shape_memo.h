#pragma once
/// A memo of HarfBuzz shaping for Pango 1.50's line breaker (shape_memo.c).
///
/// Pango 1.50 breaks a paragraph by shaping each item whole (to measure it), then shaping
/// again each candidate line from the item's start, and the last line once more: about 2.4
/// shapings of every character of wrapped text. This library defines `hb_shape` (and the
/// buffer-filling calls Pango makes before it) in the executable, where they take precedence
/// over HarfBuzz's for Pango's calls, and answers a request for a piece of an item the same
/// thread shaped whole a moment before from that earlier result: the glyphs of the piece,
/// when HarfBuzz marked both of its ends safe to break (no `HB_GLYPH_FLAG_UNSAFE_TO_BREAK`),
/// which is HarfBuzz's promise that shaping the piece on its own gives those very glyphs and
/// positions. Anything else goes to HarfBuzz.

/// What the memo did in this process (all threads).
typedef struct {
    /// hb_shape calls seen while the memo was on or verifying, and the bytes of text they shaped.
    long calls;
    long bytes;
    /// Calls answered from an earlier shaping, and their bytes.
    long hits;
    long hit_bytes;
    /// Verification only: answers that differed from HarfBuzz's own (should stay 0).
    long mismatches;
} dossier_shape_memo_statistics;

/// Off: every call goes straight to HarfBuzz (the state a process starts in).
#define DOSSIER_SHAPE_MEMO_OFF 0
/// On: pieces of earlier shapings are answered from them.
#define DOSSIER_SHAPE_MEMO_ON 1
/// Verify: each answer is also shaped by HarfBuzz, compared, counted, and HarfBuzz's kept.
#define DOSSIER_SHAPE_MEMO_VERIFY 2

/// Turns the memo on unless a mode was already chosen (idempotent; any thread).
void dossier_shape_memo_enable(void);
/// Sets the mode (tests).
void dossier_shape_memo_set_mode(int mode);
/// The current mode.
int dossier_shape_memo_mode(void);
/// Whether this process's Pango calls reach the memo (the executable's definitions took
/// precedence over HarfBuzz's); set once any hb_shape call has come through it.
int dossier_shape_memo_interposed(void);
/// Forgets every shaping remembered so far, on every thread: called whenever a font map is
/// made or freed (a Typesetter's), so that no font or face freed and another made at its
/// address is taken for the one remembered.
void dossier_shape_memo_forget_all(void);
/// The calls answered on the calling thread so far (tests).
long dossier_shape_memo_thread_hits(void);
/// The counters so far.
dossier_shape_memo_statistics dossier_shape_memo_read_statistics(void);

// The store's declarations, also reached through this header: a module cache built before
// shape_store.h existed is invalidated by this header's change (an umbrella directory's new
// file alone does not invalidate it, and an incremental build then misses the store).
#include "shape_store.h"
#include "font_match_inline.h"
