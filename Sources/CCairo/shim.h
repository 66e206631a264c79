#pragma once
#include <cairo/cairo.h>
#include <cairo/cairo-pdf.h>
#include <cairo/cairo-svg.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <fontconfig/fontconfig.h>

/// Swift cannot call the G_TYPE_CHECK cast macros; these inline helpers do the casts.
static inline PangoFcFontMap *dossier_as_fc_font_map(PangoFontMap *map) {
    return (PangoFcFontMap *)map;
}
static inline void dossier_object_unref(void *object) { g_object_unref(object); }
