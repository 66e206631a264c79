import CShapeMemo

/// The shaping memo for Pango's line breaker (the `CShapeMemo` C library): Pango 1.50 shapes
/// each item of a wrapped paragraph whole to measure it, then shapes each candidate line again
/// from the item's start, about 2.4 shapings per character of wrapped text. The memo answers
/// a line (a piece of an item the same thread shaped a moment before) from that earlier
/// shaping when HarfBuzz marked both of the piece's ends safe to break, which is HarfBuzz's
/// promise that shaping the piece alone gives the same glyphs and positions; anything else
/// goes to HarfBuzz. Every ``Typesetter`` turns it on (``enable()``); outputs are the same
/// bytes with it on or off.
package enum ShapeMemo {
    /// Off (every shaping by HarfBuzz), on, or verifying (each answer also shaped by HarfBuzz
    /// and compared; HarfBuzz's result is kept and a difference counted).
    package enum Mode: Int32, Sendable {
        case off = 0, on = 1, verify = 2
    }

    /// What the memo did in this process (all threads).
    package struct Statistics: Sendable, Equatable {
        /// Shapings seen while on or verifying, and the bytes of text they shaped.
        package var calls: Int
        package var bytes: Int
        /// Shapings answered from an earlier one, and their bytes.
        package var hits: Int
        package var hitBytes: Int
        /// Verifying: answers that differed from HarfBuzz's own.
        package var mismatches: Int
    }

    /// Turns the memo on unless a mode was chosen already (what ``Typesetter`` does).
    package static func enable() { dossier_shape_memo_enable() }

    /// The current mode.
    package static var mode: Mode {
        get { Mode(rawValue: dossier_shape_memo_mode()) ?? .off }
        set { dossier_shape_memo_set_mode(newValue.rawValue) }
    }

    /// Whether Pango's shaping calls reach the memo (the executable's `hb_shape` took
    /// precedence over HarfBuzz's); known once anything was shaped.
    package static var isInterposed: Bool { dossier_shape_memo_interposed() != 0 }

    /// Forgets every shaping remembered, on every thread: each ``Typesetter`` does when it makes
    /// and frees its font map, so that no font freed and another made at its address is taken
    /// for the one remembered.
    package static func forgetAll() { dossier_shape_memo_forget_all() }

    /// The shapings answered on the calling thread so far.
    package static var threadHits: Int { dossier_shape_memo_thread_hits() }

    /// The counters so far.
    package static var statistics: Statistics {
        let s = dossier_shape_memo_read_statistics()
        return Statistics(calls: s.calls, bytes: s.bytes, hits: s.hits, hitBytes: s.hit_bytes, mismatches: s.mismatches)
    }
}
