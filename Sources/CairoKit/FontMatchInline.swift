import CShapeMemo

/// Pango 1.50's font matching on the calling thread (`CShapeMemo`'s `font_match_inline.c`):
/// for each font pattern a font map sees for the first time, Pango starts two threads
/// (`[pango] FcFontSetMatch`, `[pango] FcFontSetSort`) and waits for the first at once. The
/// executable's `g_thread_new` runs their functions before returning instead: the same
/// fontconfig calls on the same inputs, without making and ending a thread for each (a prose
/// edit made 44 of them). Fonts and outputs are the same.
package enum FontMatchInline {
    /// Whether Pango's matching runs on the calling thread (the state a process starts in).
    package static var isEnabled: Bool {
        get { dossier_font_match_inline_enabled() != 0 }
        set { dossier_font_match_inline_set_enabled(newValue ? 1 : 0) }
    }

    /// The matching functions run on the calling thread in this process so far (two per new
    /// font pattern); stays 0 when Pango's calls do not reach the executable's `g_thread_new`.
    package static var inlinedCount: Int { dossier_font_match_inlined() }
}
