#pragma once
#include <cairo/cairo.h>
#include <cairo/cairo-svg.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <fontconfig/fontconfig.h>
#include <harfbuzz/hb.h>
#include <harfbuzz/hb-ot.h>
#include <harfbuzz/hb-subset.h>

/// Swift cannot call the G_TYPE_CHECK cast macros; these inline helpers do the casts.
static inline PangoFcFontMap *dossier_as_fc_font_map(PangoFontMap *map) {
    return (PangoFcFontMap *)map;
}
static inline void dossier_object_unref(void *object) { g_object_unref(object); }
static inline void dossier_object_ref(void *object) { g_object_ref(object); }
/// The Cairo scaled font of a font made by a PangoCairo font map.
static inline cairo_scaled_font_t *dossier_scaled_font(PangoFont *font) {
    return pango_cairo_font_get_scaled_font((PangoCairoFont *)font);
}
/// The HarfBuzz face of a Pango font (not referenced: valid while the font lives).
static inline hb_face_t *dossier_font_hb_face(PangoFont *font) {
    hb_font_t *hb = pango_font_get_hb_font(font);
    return hb ? hb_font_get_face(hb) : NULL;
}
