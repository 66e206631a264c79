/* The floor under a long briefing's PDF: how fast can Cairo + Pango write PAGES pages of LINES
 * table lines each (the 1000x flagship's case table: ~2,900 pages), with nothing else
 * (no pagination, no table measuring, no page SVGs, no HTML)?
 *
 *   cc -O2 -o cairo_floor cairo_floor.c $(pkg-config --cflags --libs pangocairo pangoft2 fontconfig)
 *   ./cairo_floor MODE PAGES LINES OUT.pdf FONT_DIR
 *
 * MODE
 *   cells   one PangoLayout per table cell (9 a line), made and drawn with
 *           pango_cairo_show_layout: what Dossier's TableBlock does
 *   lines   one PangoLayout per line (the cells joined by tabs), pango_cairo_show_layout
 *   page    one PangoLayout per page (LINES lines), pango_cairo_show_layout
 *   glyphs  no shaping per line: each distinct cell text is shaped once (the fixed cells once,
 *           the case number from ten pre-shaped digits) and drawn with cairo_show_glyphs
 *
 * The text is the case table's: a distinct case id per line, the other cells repeated.
 * Fonts: the pinned folder only (a private fontconfig configuration), Noto Sans 8 pt, hinting
 * off, as Dossier's typesetter. Prints the CPU seconds spent (clock()). */
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *cells[] = {"C17-%d", "Dos Bocas refinery (Tabasco)", "Chile", "\xe2\x80\x94", "c",
                              "cooperation", "2020", "national contract", "[1]"};
static const double cellX[] = {0, 40, 160, 205, 245, 265, 320, 360, 430};
enum { CELLS = 9 };

static PangoContext *make_context(const char *font_dir) {
    FcConfig *config = FcConfigCreate();
    char xml[4096];
    snprintf(xml, sizeof xml, "<?xml version=\"1.0\"?><!DOCTYPE fontconfig SYSTEM \"fonts.dtd\"><fontconfig>"
             "<dir>%s</dir><cachedir prefix=\"xdg\">dossier-fonts</cachedir></fontconfig>", font_dir);
    FcConfigParseAndLoadFromMemory(config, (const FcChar8 *)xml, FcTrue);
    FcConfigBuildFonts(config);
    PangoFontMap *map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
    pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(map), config);
    PangoContext *context = pango_font_map_create_context(map);
    cairo_font_options_t *options = cairo_font_options_create();
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    pango_cairo_context_set_font_options(context, options);
    cairo_font_options_destroy(options);
    pango_context_set_language(context, pango_language_from_string("en"));
    return context;
}

static PangoLayout *layout_of(PangoContext *context, PangoFontDescription *font, const char *text) {
    PangoLayout *layout = pango_layout_new(context);
    pango_layout_set_font_description(layout, font);
    pango_layout_set_text(layout, text, -1);
    return layout;
}

/* The glyphs of one shaped single-line text, with their advances. */
typedef struct { cairo_glyph_t *glyphs; int count; double width; cairo_scaled_font_t *font; } Run;

static Run shape(PangoContext *context, PangoFontDescription *description, const char *text) {
    PangoLayout *layout = layout_of(context, description, text);
    PangoLayoutLine *line = pango_layout_get_line_readonly(layout, 0);
    Run run = {0};
    for (GSList *item = line->runs; item; item = item->next) {
        PangoGlyphItem *glyph_item = item->data;
        PangoGlyphString *string = glyph_item->glyphs;
        run.font = cairo_scaled_font_reference(pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(glyph_item->item->analysis.font)));
        run.glyphs = realloc(run.glyphs, sizeof(cairo_glyph_t) * (run.count + string->num_glyphs));
        for (int i = 0; i < string->num_glyphs; i++) {
            run.glyphs[run.count].index = string->glyphs[i].glyph;
            run.glyphs[run.count].x = run.width;
            run.glyphs[run.count].y = 0;
            run.width += string->glyphs[i].geometry.width / (double)PANGO_SCALE;
            run.count++;
        }
    }
    g_object_unref(layout);
    return run;
}

int main(int argc, char **argv) {
    if (argc != 6) {
        fprintf(stderr, "usage: %s cells|lines|page|glyphs PAGES LINES OUT.pdf FONT_DIR\n", argv[0]);
        return 64;
    }
    const char *mode = argv[1];
    int pages = atoi(argv[2]), lines = atoi(argv[3]);
    clock_t start = clock();
    PangoContext *context = make_context(argv[5]);
    PangoFontDescription *font = pango_font_description_from_string("Noto Sans 8");
    pango_font_description_set_absolute_size(font, 8 * PANGO_SCALE);
    cairo_surface_t *surface = cairo_pdf_surface_create(argv[4], 595.28, 841.89);
    cairo_t *cr = cairo_create(surface);
    Run fixed[CELLS], digits[10], prefix;
    if (!strcmp(mode, "glyphs")) {
        for (int c = 1; c < CELLS; c++) fixed[c] = shape(context, font, cells[c]);
        for (int d = 0; d < 10; d++) { char text[2] = {'0' + d, 0}; digits[d] = shape(context, font, text); }
        prefix = shape(context, font, "C17-");
    }
    char text[4096], id[32];
    int row = 0;
    for (int page = 0; page < pages; page++) {
        GString *page_text = g_string_new(NULL);
        for (int l = 0; l < lines; l++, row++) {
            double y = 60 + l * 16;
            snprintf(id, sizeof id, cells[0], row);
            if (!strcmp(mode, "cells")) {
                for (int c = 0; c < CELLS; c++) {
                    PangoLayout *layout = layout_of(context, font, c == 0 ? id : cells[c]);
                    cairo_move_to(cr, 50 + cellX[c], y);
                    pango_cairo_show_layout(cr, layout);
                    g_object_unref(layout);
                }
            } else if (!strcmp(mode, "lines") || !strcmp(mode, "page")) {
                int n = snprintf(text, sizeof text, "%s", id);
                for (int c = 1; c < CELLS; c++) n += snprintf(text + n, sizeof text - n, "\t%s", cells[c]);
                if (!strcmp(mode, "page")) {
                    g_string_append(page_text, text);
                    g_string_append_c(page_text, '\n');
                } else {
                    PangoLayout *layout = layout_of(context, font, text);
                    cairo_move_to(cr, 50, y);
                    pango_cairo_show_layout(cr, layout);
                    g_object_unref(layout);
                }
            } else {
                /* glyphs: the id from pre-shaped digits, the rest as shaped once */
                cairo_glyph_t glyphs[64];
                int count = 0;
                double x = 50;
                for (int i = 0; i < prefix.count; i++, count++) {
                    glyphs[count] = prefix.glyphs[i]; glyphs[count].x += x; glyphs[count].y = y;
                }
                x += prefix.width;
                for (const char *p = id + 4; *p; p++) {
                    Run *digit = &digits[*p - '0'];
                    glyphs[count] = digit->glyphs[0]; glyphs[count].x = x; glyphs[count].y = y; count++;
                    x += digit->width;
                }
                cairo_set_scaled_font(cr, prefix.font);
                cairo_show_glyphs(cr, glyphs, count);
                for (int c = 1; c < CELLS; c++) {
                    cairo_glyph_t moved[128];
                    for (int i = 0; i < fixed[c].count; i++) {
                        moved[i] = fixed[c].glyphs[i]; moved[i].x += 50 + cellX[c]; moved[i].y = y;
                    }
                    cairo_set_scaled_font(cr, fixed[c].font);
                    cairo_show_glyphs(cr, moved, fixed[c].count);
                }
            }
        }
        if (!strcmp(mode, "page")) {
            PangoLayout *layout = layout_of(context, font, page_text->str);
            cairo_move_to(cr, 50, 60);
            pango_cairo_show_layout(cr, layout);
            g_object_unref(layout);
        }
        g_string_free(page_text, TRUE);
        cairo_show_page(cr);
    }
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    cairo_status_t status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    printf("%s: %d pages of %d lines: %.2f s CPU\n", mode, pages, lines, (double)(clock() - start) / CLOCKS_PER_SEC);
    return status == CAIRO_STATUS_SUCCESS ? 0 : 1;
}
