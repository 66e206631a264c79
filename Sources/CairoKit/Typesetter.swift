import CCairo
import DossierBase
import Foundation

/// Lays out text with Pango, using only the fonts in one pinned directory, with hinting off,
/// so that measurements and output do not depend on the machine's installed fonts, locale or
/// screen. Wraps a `PangoFontMap` with its own `FcConfig` and a `PangoContext`.
///
/// Create one per process (or per build) and use it for every ``TextLayout``; measuring and
/// drawing with the same typesetter gives identical metrics.
public final class Typesetter {
    let context: OpaquePointer
    private let fontMap: UnsafeMutablePointer<PangoFontMap>
    private let config: OpaquePointer
    /// The directory the fonts were loaded from.
    public let fontDirectory: String
    /// The font files fontconfig found there, sorted (for dependency tracking).
    public let fontFiles: [String]
    /// Plain-text layouts by text, font, width and alignment (see ``layout(_:font:width:alignment:)``).
    var layoutCache: [TextLayout.CacheKey: TextLayout] = [:]
    /// Pango font descriptions by font, made once (see ``fontDescription(for:)``).
    var fontDescriptions: [Font: OpaquePointer] = [:]
    /// Glyph outlines for the SVG documents this typesetter writes (see ``SVGCanvas``).
    let glyphOutlines: GlyphOutlines
    /// Whole items of text shaped by earlier builds (nil: none), which the layouts this
    /// typesetter makes are answered from and add to; the build sets it (its cache's).
    package var shapeStore: ShapeMemo.Store?
    /// Records of layouts earlier builds made (nil: none), which the layouts this typesetter
    /// makes with ``TextLayout/init(_:font:typesetter:width:alignment:justify:markup:lineHeight:)``
    /// are answered from and add to; the build sets it for the document (its cache's).
    package var layoutRecords: LayoutRecords?

    /// Loads every font file in `fontDirectory` into a private fontconfig configuration
    /// (`FcConfigCreate`, `FcConfigParseAndLoadFromMemory`, `pango_fc_font_map_set_config`).
    /// - Parameter language: the language used for shaping and line breaking, fixed so the
    ///   process locale never changes the output.
    public init(fontDirectory: String, language: String = "en") throws(CairoError) {
        let directory = URL(fileURLWithPath: fontDirectory).standardizedFileURL.path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let files = names.filter { $0.hasSuffix(".ttf") || $0.hasSuffix(".otf") }.sorted()
        guard !files.isEmpty else {
            throw .fontConfiguration("no .ttf or .otf font files in \(directory)")
        }
        guard let config = FcConfigCreate() else { throw .fontConfiguration("FcConfigCreate failed") }
        let xml = """
            <?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>\
            <dir>\(SVGNormalizer.escape(directory))</dir>\
            <cachedir prefix="xdg">dossier-fonts</cachedir></fontconfig>
            """
        guard FcConfigParseAndLoadFromMemory(config, xml, FcBool(FcTrue)) == FcTrue,
              FcConfigBuildFonts(config) == FcTrue
        else {
            FcConfigDestroy(config)
            throw .fontConfiguration("fontconfig could not load \(directory)")
        }
        // Before the first font map: Pango's FcInit thread then skips the machine's configuration.
        FontconfigCurrent.shared.install(config)
        // Lines of wrapped text are answered from their item's shaping (same glyphs, same bytes);
        // nothing shaped with another font map is.
        ShapeMemo.enable()
        ShapeMemo.forgetAll()
        guard let map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT) else {
            FcConfigDestroy(config)
            throw .fontConfiguration("pango_cairo_font_map_new_for_font_type failed")
        }
        pango_fc_font_map_set_config(dossier_as_fc_font_map(map), config)
        guard let context = pango_font_map_create_context(map) else {
            dossier_object_unref(map)
            FcConfigDestroy(config)
            throw .fontConfiguration("pango_font_map_create_context failed")
        }
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        pango_cairo_context_set_font_options(context, options)
        cairo_font_options_destroy(options)
        pango_context_set_language(context, pango_language_from_string(language))
        pango_context_set_base_dir(context, PANGO_DIRECTION_LTR)
        // Glyph positions are left unrounded: every output is vector (PDF, SVG) or drawn at a
        // fractional scale, so the font's true advances and kerning are kept instead of each
        // glyph snapping to a whole point (up to half a point of jitter between letters at
        // 8–10 pt), and Cairo writes runs as plain strings instead of one position
        // adjustment per glyph (at 100×: PDF content 5.05 → 3.00 MB, "PDF rendered" −36%).
        pango_context_set_round_glyph_positions(context, 0)

        self.config = config
        self.fontMap = map
        self.context = context
        glyphOutlines = GlyphOutlines(context: context)
        self.fontDirectory = directory
        self.fontFiles = files.map { directory + "/" + $0 }
    }

    deinit {
        for description in fontDescriptions.values { pango_font_description_free(description) }
        dossier_object_unref(UnsafeMutableRawPointer(context))
        dossier_object_unref(fontMap)
        FcConfigDestroy(config)
        ShapeMemo.forgetAll()
    }

    /// The version of the Pango library laying text out (what a shaped text's glyphs depend on
    /// besides its fonts and HarfBuzz).
    package static var pangoVersion: String { String(cString: pango_version_string()) }

    /// The font families available, sorted.
    public var families: [String] {
        var list: UnsafeMutablePointer<UnsafeMutablePointer<PangoFontFamily>?>?
        var count: Int32 = 0
        pango_font_map_list_families(fontMap, &list, &count)
        guard let list else { return [] }
        defer { g_free(list) }
        return (0..<Int(count)).compactMap { index in
            guard let family = list[index], let name = pango_font_family_get_name(family) else { return nil }
            return String(cString: name)
        }.sorted()
    }
}
