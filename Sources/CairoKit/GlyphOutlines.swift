import CCairo

/// Glyph outlines as SVG path data, made once per typesetter and reused by every SVG it
/// writes (Cairo's SVG surface outlines and formats each glyph again in every document).
/// Fonts are keyed by their `PangoFont`, which the cache keeps alive so that a key never
/// names two fonts. Each font also has a name (its Pango description, a plain string) by
/// which another thread's typesetter loads the same font (``path(_:fontNamed:)``): glyph
/// runs recorded here are outlined there, with that thread's own Cairo fonts.
final class GlyphOutlines {
    /// A font the cache has seen, with its number in the cache.
    struct FontEntry {
        let serial: Int
        /// Strikethrough offset above the baseline and thickness, in points.
        let strikethrough: (position: Double, thickness: Double)
        /// The font's Pango description (size in points), which loads it again.
        let name: String
    }

    /// The Pango context fonts are loaded by name in (the typesetter's; held).
    private let context: OpaquePointer
    private var fonts: [UnsafeMutablePointer<PangoFont>: FontEntry] = [:]
    /// The fonts seen, by serial.
    private var fontsBySerial: [(font: UnsafeMutablePointer<PangoFont>, entry: FontEntry)] = []
    /// Fonts loaded by name (``path(_:fontNamed:)``); nil when Pango could not load one.
    private var fontsByName: [String: UnsafeMutablePointer<PangoFont>?] = [:]
    private var outlines: [GlyphKey: [UInt8]] = [:]
    /// The font ``serial(_:)`` was last asked for, and its serial (consecutive runs mostly
    /// share a font).
    private var lastFont: UnsafeMutablePointer<PangoFont>?
    private var lastSerial = 0
    private var scratch: OpaquePointer?
    private var scratchSurface: OpaquePointer?

    /// A glyph of a cached font.
    struct GlyphKey: Hashable {
        let font: Int
        let glyph: UInt32
    }

    /// A cache for layouts of `context` (a `PangoContext`, held until the cache goes).
    init(context: OpaquePointer) {
        self.context = context
        dossier_object_ref(UnsafeMutableRawPointer(context))
    }

    deinit {
        if let scratch { cairo_destroy(scratch) }
        if let scratchSurface { cairo_surface_destroy(scratchSurface) }
        for font in fonts.keys { dossier_object_unref(font) }
        for case let font? in fontsByName.values { dossier_object_unref(font) }
        dossier_object_unref(UnsafeMutableRawPointer(context))
    }

    /// The entry of `font` (a `PangoFont`), made on first use.
    func entry(_ font: UnsafeMutablePointer<PangoFont>) -> FontEntry {
        if let entry = fonts[font] { return entry }
        dossier_object_ref(font)
        var strikethrough = (position: 0.0, thickness: 0.0)
        if let metrics = pango_font_get_metrics(font, nil) {
            let scale = Double(PANGO_SCALE)
            strikethrough = (Double(pango_font_metrics_get_strikethrough_position(metrics)) / scale,
                             Double(pango_font_metrics_get_strikethrough_thickness(metrics)) / scale)
            pango_font_metrics_unref(metrics)
        }
        let entry = FontEntry(serial: fonts.count, strikethrough: strikethrough, name: Self.name(of: font))
        fonts[font] = entry
        fontsBySerial.append((font, entry))
        return entry
    }

    /// The serial of `font` (a `PangoFont`), numbered on first use (``entry(_:)``).
    func serial(_ font: UnsafeMutablePointer<PangoFont>) -> Int {
        if font == lastFont { return lastSerial }
        let serial = entry(font).serial
        lastFont = font
        lastSerial = serial
        return serial
    }

    /// The strikethrough offset and thickness of the font numbered `serial`.
    func strikethrough(serial: Int) -> (position: Double, thickness: Double) {
        fontsBySerial.indices.contains(serial) ? fontsBySerial[serial].entry.strikethrough : (0, 0)
    }

    /// The name of the font numbered `serial` (``FontEntry/name``); empty for a serial this
    /// cache did not give.
    func name(serial: Int) -> String {
        fontsBySerial.indices.contains(serial) ? fontsBySerial[serial].entry.name : ""
    }

    /// `font`'s Pango description as a string: family, style, weight, stretch and size in
    /// points (whole Pango units, so the size survives the string exactly).
    private static func name(of font: UnsafeMutablePointer<PangoFont>) -> String {
        guard let description = pango_font_describe(font) else { return "" }
        defer { pango_font_description_free(description) }
        guard let string = pango_font_description_to_string(description) else { return "" }
        defer { g_free(string) }
        return String(cString: string)
    }

    /// The outline of `glyph` in the font named `name` (another typesetter's
    /// ``FontEntry/name``), loaded in this cache's context, as Cairo's path; empty for a blank
    /// glyph or a font Pango cannot load.
    func path(_ glyph: UInt32, fontNamed name: String) -> GlyphPath {
        guard let font = font(named: name) else { return GlyphPath() }
        return copyPath(glyph, font: font)
    }

    private func font(named name: String) -> UnsafeMutablePointer<PangoFont>? {
        if let known = fontsByName[name] { return known }
        var font: UnsafeMutablePointer<PangoFont>?
        if let description = pango_font_description_from_string(name) {
            font = pango_context_load_font(context, description)
            pango_font_description_free(description)
        }
        fontsByName[name] = font
        return font
    }

    /// The outline of `glyph` in the font numbered `serial` (``outline(_:font:entry:)``);
    /// empty for a serial this cache did not give.
    func outline(_ glyph: UInt32, serial: Int) -> [UInt8] {
        guard fontsBySerial.indices.contains(serial) else { return [] }
        let (font, entry) = fontsBySerial[serial]
        return outline(glyph, font: font, entry: entry)
    }

    /// The outline of `glyph` in `font` (whose entry is `entry`) at the font's size, in points
    /// around the glyph origin (y down), as SVG path data; empty for a blank glyph.
    func outline(_ glyph: UInt32, font: UnsafeMutablePointer<PangoFont>, entry: FontEntry) -> [UInt8] {
        let key = GlyphKey(font: entry.serial, glyph: glyph)
        if let outline = outlines[key] { return outline }
        var data: [UInt8] = []
        copyPath(glyph, font: font).append(digits: 3, to: &data)
        outlines[key] = data
        return data
    }

    /// The outline of `glyph` in the font numbered `serial` as Cairo's path, unformatted
    /// (empty for a blank glyph or a serial this cache did not give).
    func path(_ glyph: UInt32, serial: Int) -> GlyphPath {
        guard fontsBySerial.indices.contains(serial) else { return GlyphPath() }
        return copyPath(glyph, font: fontsBySerial[serial].font)
    }

    /// `glyph`'s outline in `font` as Cairo draws it (`cairo_glyph_path`), copied into plain
    /// values; empty for a blank glyph or when Cairo cannot give it.
    private func copyPath(_ glyph: UInt32, font: UnsafeMutablePointer<PangoFont>) -> GlyphPath {
        guard let context = scratchContext(), let scaled = dossier_scaled_font(font) else { return GlyphPath() }
        cairo_new_path(context)
        cairo_set_scaled_font(context, scaled)
        var cairoGlyph = cairo_glyph_t(index: UInt(glyph), x: 0, y: 0)
        cairo_glyph_path(context, &cairoGlyph, 1)
        defer { cairo_new_path(context) }
        guard let copied = cairo_copy_path(context) else { return GlyphPath() }
        defer { cairo_path_destroy(copied) }
        return GlyphPath(copied)
    }

    private func scratchContext() -> OpaquePointer? {
        if let scratch { return scratch }
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1) else { return nil }
        scratchSurface = surface
        scratch = cairo_create(surface)
        return scratch
    }
}
