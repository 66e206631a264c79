import CCairo

/// Glyph outlines as SVG path data, made once per typesetter and reused by every SVG it
/// writes (Cairo's SVG surface outlines and formats each glyph again in every document).
/// Fonts are numbered by their `PangoFont`, which the cache keeps alive so that a serial never
/// names two fonts. Each font also has a name (its Pango description, a plain string) by which
/// another thread's typesetter loads the same font (``path(_:fontNamed:)``,
/// ``strikethrough(fontNamed:)``): glyph runs recorded here are outlined there, with that
/// thread's own Cairo fonts.
final class GlyphOutlines {
    /// A glyph of a cached font.
    struct GlyphKey: Hashable {
        let font: Int
        let glyph: UInt32
    }

    /// Strikethrough offset above the baseline and thickness, in points.
    typealias Strikethrough = (position: Double, thickness: Double)

    /// The Pango context fonts are loaded by name in (the typesetter's; held).
    private let context: OpaquePointer
    /// The fonts seen (held), by serial, and their names.
    private var fonts: [UnsafeMutablePointer<PangoFont>] = []
    private var names: [String] = []
    /// Fonts (held) that share the serial of an earlier font of the same name.
    private var aliases: [(font: UnsafeMutablePointer<PangoFont>, serial: Int)] = []
    /// The serials ``serial(named:)`` gave, by name.
    private var serialsByName: [String: Int] = [:]
    /// Strikethrough metrics by serial, measured on first use (Pango measures a sample text).
    private var strikethroughs: [Int: Strikethrough] = [:]
    /// Fonts loaded by name (held; nil when Pango could not load one), and their metrics.
    private var fontsByName: [String: UnsafeMutablePointer<PangoFont>?] = [:]
    private var strikethroughsByName: [String: Strikethrough] = [:]
    private var outlines: [GlyphKey: [UInt8]] = [:]
    /// The font ``serial(_:)`` was last asked for, and its serial (consecutive runs mostly
    /// share a font).
    private var lastFont: UnsafeMutablePointer<PangoFont>?
    private var lastSerial = 0
    private var scratch: OpaquePointer?
    /// PDF font faces by key, and each font's face and matrix by serial and by name.
    private var pdfFaces: [String: PDFFontFace] = [:]
    private var pdfFontsBySerial: [Int: PDFFontRef] = [:]
    private var pdfFontsByName: [String: PDFFontRef] = [:]
    private var scratchSurface: OpaquePointer?

    /// A cache for layouts of `context` (a `PangoContext`, held until the cache goes).
    init(context: OpaquePointer) {
        self.context = context
        dossier_object_ref(UnsafeMutableRawPointer(context))
    }

    deinit {
        if let scratch { cairo_destroy(scratch) }
        if let scratchSurface { cairo_surface_destroy(scratchSurface) }
        for font in fonts { dossier_object_unref(font) }
        for alias in aliases { dossier_object_unref(alias.font) }
        for case let font? in fontsByName.values { dossier_object_unref(font) }
        dossier_object_unref(UnsafeMutableRawPointer(context))
    }

    /// The serial of `font` (a `PangoFont`), numbered on first use.
    func serial(_ font: UnsafeMutablePointer<PangoFont>) -> Int {
        if font == lastFont { return lastSerial }
        // A document uses a few dozen fonts at most: a scan beats hashing.
        let serial = fonts.firstIndex(of: font) ?? aliases.first(where: { $0.font == font })?.serial ?? add(font)
        lastFont = font
        lastSerial = serial
        return serial
    }

    private func add(_ font: UnsafeMutablePointer<PangoFont>) -> Int {
        let name = Self.name(of: font)
        // A font numbered by name for a recorded layout (``serial(named:)``) and the one Pango
        // gives a layout later draw the same: they share the serial.
        if let named = serialsByName[name] {
            dossier_object_ref(font)
            aliases.append((font, named))
            return named
        }
        dossier_object_ref(font)
        fonts.append(font)
        names.append(name)
        return fonts.count - 1
    }

    /// The serial of the font named `name` (``name(serial:)``; a ``LayoutRecord``'s runs name
    /// their fonts so): the serial a font of that name already has, else the font loaded by
    /// name in this cache's context and numbered; nil when Pango cannot load it.
    func serial(named name: String) -> Int? {
        if let known = serialsByName[name] ?? names.firstIndex(of: name) { return known }
        guard let font = font(named: name) else { return nil }
        dossier_object_ref(font)
        fonts.append(font)
        names.append(name)
        serialsByName[name] = fonts.count - 1
        return fonts.count - 1
    }

    /// The number of fonts numbered so far (serials `0..<fontCount`).
    var fontCount: Int { fonts.count }

    /// The name of the font numbered `serial`: its Pango description (family, style, weight,
    /// stretch, pixel size), which loads it again; empty for a serial this cache did not give.
    func name(serial: Int) -> String {
        names.indices.contains(serial) ? names[serial] : ""
    }

    /// The strikethrough offset and thickness of the font numbered `serial`.
    func strikethrough(serial: Int) -> Strikethrough {
        guard fonts.indices.contains(serial) else { return (0, 0) }
        if let known = strikethroughs[serial] { return known }
        let metrics = Self.strikethrough(of: fonts[serial])
        strikethroughs[serial] = metrics
        return metrics
    }

    /// The outline of `glyph` in the font numbered `serial` at the font's size, in points
    /// around the glyph origin (y down), as SVG path data; empty for a blank glyph or a serial
    /// this cache did not give.
    func outline(_ glyph: UInt32, serial: Int) -> [UInt8] {
        guard fonts.indices.contains(serial) else { return [] }
        let key = GlyphKey(font: serial, glyph: glyph)
        if let outline = outlines[key] { return outline }
        var data: [UInt8] = []
        copyPath(glyph, font: fonts[serial]).append(digits: 3, to: &data)
        outlines[key] = data
        return data
    }

    /// The outline of `glyph` in the font numbered `serial` as Cairo's path, unformatted
    /// (empty for a blank glyph or a serial this cache did not give).
    func path(_ glyph: UInt32, serial: Int) -> GlyphPath {
        guard fonts.indices.contains(serial) else { return GlyphPath() }
        return copyPath(glyph, font: fonts[serial])
    }

    /// The outline of `glyph` in the font named `name` (another typesetter's
    /// ``name(serial:)``), loaded in this cache's context, as Cairo's path; empty for a blank
    /// glyph or a font Pango cannot load.
    func path(_ glyph: UInt32, fontNamed name: String) -> GlyphPath {
        guard let font = font(named: name) else { return GlyphPath() }
        return copyPath(glyph, font: font)
    }

    /// The strikethrough offset and thickness of the font named `name`, loaded in this cache's
    /// context.
    func strikethrough(fontNamed name: String) -> Strikethrough {
        if let known = strikethroughsByName[name] { return known }
        let metrics = font(named: name).map(Self.strikethrough(of:)) ?? (0, 0)
        strikethroughsByName[name] = metrics
        return metrics
    }

    /// The PDF face and font matrix of the font numbered `serial`; nil for a serial this cache
    /// did not give or a font whose file HarfBuzz cannot read.
    func pdfFont(serial: Int) -> PDFFontRef? {
        guard fonts.indices.contains(serial) else { return nil }
        if let known = pdfFontsBySerial[serial] { return known }
        let made = pdfFont(of: fonts[serial])
        pdfFontsBySerial[serial] = made
        return made
    }

    /// The PDF face and font matrix of the font named `name` (another typesetter's
    /// ``name(serial:)``), loaded in this cache's context.
    func pdfFont(fontNamed name: String) -> PDFFontRef? {
        if let known = pdfFontsByName[name] { return known }
        guard let font = font(named: name) else { return nil }
        let made = pdfFont(of: font)
        pdfFontsByName[name] = made
        return made
    }

    /// The PDF face keyed `key` (``PDFFontFace/key``: a Pango description without a size),
    /// loaded in this cache's context; nil when Pango or HarfBuzz cannot load it.
    func pdfFace(key: String) -> PDFFontFace? {
        if let known = pdfFaces[key] { return known }
        guard let font = font(named: key) else { return nil }
        return pdfFont(of: font).flatMap { $0.face.key == key ? $0.face : nil }
    }

    /// The PDF face (made once per face) and font matrix of `font`.
    private func pdfFont(of font: UnsafeMutablePointer<PangoFont>) -> PDFFontRef? {
        guard let scaled = dossier_scaled_font(font), let description = pango_font_describe(font) else { return nil }
        pango_font_description_unset_fields(description, PANGO_FONT_MASK_SIZE)
        let key = pango_font_description_to_string(description).map { string in
            defer { g_free(string) }
            return String(cString: string)
        } ?? ""
        pango_font_description_free(description)
        let face: PDFFontFace
        if let known = pdfFaces[key] {
            face = known
        } else {
            guard let made = PDFFontFace(key: key, font: font) else { return nil }
            pdfFaces[key] = made
            face = made
        }
        var matrix = cairo_matrix_t()
        cairo_scaled_font_get_font_matrix(scaled, &matrix)
        return PDFFontRef(face: face, xx: matrix.xx, yx: matrix.yx, xy: matrix.xy, yy: matrix.yy)
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

    /// `font`'s Pango description as a string: family, style, weight, stretch and its pixel
    /// size (`…px`: whole Pango units of the size the font was made at, so the string loads
    /// the same font; the size in points, converted back from pixels and truncated, can be a
    /// unit smaller: Noto Sans 8.5 named in points loads at 8.499, with other metrics).
    static func name(of font: UnsafeMutablePointer<PangoFont>) -> String {
        guard let description = pango_font_describe_with_absolute_size(font) else { return "" }
        defer { pango_font_description_free(description) }
        guard let string = pango_font_description_to_string(description) else { return "" }
        defer { g_free(string) }
        return String(cString: string)
    }

    private static func strikethrough(of font: UnsafeMutablePointer<PangoFont>) -> Strikethrough {
        guard let metrics = pango_font_get_metrics(font, nil) else { return (0, 0) }
        defer { pango_font_metrics_unref(metrics) }
        let scale = Double(PANGO_SCALE)
        return (Double(pango_font_metrics_get_strikethrough_position(metrics)) / scale,
                Double(pango_font_metrics_get_strikethrough_thickness(metrics)) / scale)
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
