#pragma once
/// Pango 1.50's font-matching threads run on the calling thread (font_match_inline.c): Pango
/// starts two threads ("[pango] FcFontSetMatch", "[pango] FcFontSetSort") for each new font
/// pattern; the executable's g_thread_new runs their functions before returning instead.

/// The functions of Pango's font-matching threads run on the calling thread so far in this
/// process (two per new font pattern): 0 when Pango's calls do not reach this g_thread_new.
long dossier_font_match_inlined(void);
/// Whether the matching runs inline (the state a process starts in) or in Pango's threads.
int dossier_font_match_inline_enabled(void);
/// Turns running inline off (0) or on (tests and comparisons).
void dossier_font_match_inline_set_enabled(int enabled);
