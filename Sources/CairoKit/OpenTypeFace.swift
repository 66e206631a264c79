import CCairo

/// A TrueType/OpenType font file as plain bytes (any thread can hold it), with what a PDF
/// needs from it: its metrics for the font descriptor, its glyphs' advances for `/W`, and
/// subsets made by HarfBuzz's subsetter (`hb_subset_or_fail`, libharfbuzz-subset) that keep
/// every glyph's id (`HB_SUBSET_FLAGS_RETAIN_GIDS`), so that a page's text, written with the
/// font's own glyph ids, does not depend on which glyphs the other pages use.
///
/// Every call makes a HarfBuzz face over the file's blob and destroys it before returning; the
/// blob itself is held by a ``FontBlob``.
public struct OpenTypeFace: Sendable {
    /// The font file's bytes, as HarfBuzz holds them (shared, not copied, with the Pango font's
    /// face it came from).
    private let blob: FontBlob
    /// The face's index in a collection (0 for a plain font file).
    public let index: UInt32

    /// A face of `data` (a font file) at `index`; the bytes are copied once into HarfBuzz.
    public init(data: [UInt8], index: UInt32 = 0) {
        blob = data.withUnsafeBytes { raw in
            FontBlob(hb_blob_create(raw.baseAddress?.assumingMemoryBound(to: CChar.self), UInt32(raw.count),
                                    HB_MEMORY_MODE_DUPLICATE, nil, nil))
        }
        self.index = index
    }

    /// The face of a Pango font: its file's bytes as HarfBuzz's blob (referenced, not copied).
    init?(font: UnsafeMutablePointer<PangoFont>) {
        guard let face = dossier_font_hb_face(font), let reference = hb_face_reference_blob(face),
              hb_blob_get_length(reference) > 0 else { return nil }
        blob = FontBlob(reference)
        index = hb_face_get_index(face)
    }

    /// The advances of the face's glyphs, looked up as they are asked for (nil if HarfBuzz
    /// cannot make a font of the face).
    public var glyphAdvances: GlyphAdvances? { GlyphAdvances(blob: blob.pointer, index: index) }

    /// The size of the font file in bytes.
    public var byteCount: Int { Int(hb_blob_get_length(blob.pointer)) }

    /// What a PDF font descriptor says about a face, in glyph space units (1/1000 em).
    public struct Metrics: Sendable, Equatable {
        public var ascent = 0
        public var descent = 0
        public var capHeight = 0
        public var italicAngle = 0.0
        public var boundingBox = (0, 0, 0, 0)
        public var fixedPitch = false
        public var italic = false
        /// The font's PostScript name (spaces removed), for `/BaseFont`.
        public var postScriptName = ""

        public static func == (lhs: Metrics, rhs: Metrics) -> Bool {
            lhs.ascent == rhs.ascent && lhs.descent == rhs.descent && lhs.capHeight == rhs.capHeight
                && lhs.italicAngle == rhs.italicAngle && lhs.boundingBox == rhs.boundingBox
                && lhs.fixedPitch == rhs.fixedPitch && lhs.italic == rhs.italic && lhs.postScriptName == rhs.postScriptName
        }
    }

    /// Calls `body` with a HarfBuzz face over the bytes, destroyed after.
    private func withFace<T>(_ body: (OpaquePointer) -> T?) -> T? {
        guard let face = hb_face_create(blob.pointer, index) else { return nil }
        defer { hb_face_destroy(face) }
        return body(face)
    }

    /// The number of glyphs in the face.
    public var glyphCount: Int { withFace { Int(hb_face_get_glyph_count($0)) } ?? 0 }

    /// The number of font units per em.
    public var unitsPerEm: Int { withFace { Int(hb_face_get_upem($0)) } ?? 1000 }

    /// The descriptor metrics, scaled to 1/1000 em.
    public var metrics: Metrics {
        withFace { face -> Metrics in
            var result = Metrics()
            let upem = Double(hb_face_get_upem(face))
            func scaled(_ value: Int32) -> Int { Int((Double(value) * 1000 / upem).rounded()) }
            guard let font = hb_font_create(face) else { return result }
            defer { hb_font_destroy(font) }
            var value: hb_position_t = 0
            if hb_ot_metrics_get_position(font, HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &value) != 0 { result.ascent = scaled(value) }
            if hb_ot_metrics_get_position(font, HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &value) != 0 { result.descent = scaled(value) }
            if hb_ot_metrics_get_position(font, HB_OT_METRICS_TAG_CAP_HEIGHT, &value) != 0 { result.capHeight = scaled(value) }
            result.italicAngle = Double(hb_style_get_value(font, HB_STYLE_TAG_SLANT_ANGLE))
            result.italic = result.italicAngle != 0
            let head = table(face, "head")
            if head.count >= 54 {
                func signed(_ at: Int) -> Int32 { Int32(Int16(bitPattern: UInt16(head[at]) << 8 | UInt16(head[at + 1]))) }
                result.boundingBox = (scaled(signed(36)), scaled(signed(38)), scaled(signed(40)), scaled(signed(42)))
                let macStyle = UInt16(head[44]) << 8 | UInt16(head[45])
                if macStyle & 2 != 0 { result.italic = true }
            }
            let post = table(face, "post")
            if post.count >= 16 { result.fixedPitch = post[12] != 0 || post[13] != 0 || post[14] != 0 || post[15] != 0 }
            result.postScriptName = postScriptName(face)
            return result
        } ?? Metrics()
    }

    /// The horizontal advance of each of `glyphs`, in 1/1000 em, rounded.
    public func advances(_ glyphs: [UInt32]) -> [Int] {
        withFace { face -> [Int] in
            guard let font = hb_font_create(face) else { return [] }
            defer { hb_font_destroy(font) }
            let upem = Double(hb_face_get_upem(face))
            return glyphs.map { Int((Double(hb_font_get_glyph_h_advance(font, $0)) * 1000 / upem).rounded()) }
        } ?? glyphs.map { _ in 0 }
    }

    /// A font file holding only `glyphs` (and glyph 0, and the glyphs they are built from),
    /// each at its id in this face, without hinting; nil if HarfBuzz fails.
    public func subset(_ glyphs: [UInt32]) -> [UInt8]? {
        withFace { face -> [UInt8]? in
            guard let input = hb_subset_input_create_or_fail() else { return nil }
            defer { hb_subset_input_destroy(input) }
            let set = hb_subset_input_glyph_set(input)
            hb_set_add(set, 0)
            for glyph in glyphs { hb_set_add(set, glyph) }
            // Unicodes are not kept: the PDF maps glyph ids itself (Identity-H and ToUnicode).
            hb_set_clear(hb_subset_input_unicode_set(input))
            hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_RETAIN_GIDS.rawValue | HB_SUBSET_FLAGS_NO_HINTING.rawValue)
            guard let subset = hb_subset_or_fail(face, input) else { return nil }
            defer { hb_face_destroy(subset) }
            guard let blob = hb_face_reference_blob(subset) else { return nil }
            defer { hb_blob_destroy(blob) }
            var length: UInt32 = 0
            guard let bytes = hb_blob_get_data(blob, &length), length > 0 else { return nil }
            return Array(UnsafeRawBufferPointer(start: bytes, count: Int(length)).bindMemory(to: UInt8.self))
        } ?? nil
    }

    /// The bytes of the table tagged `tag` (four ASCII letters); empty when the face has none.
    private func table(_ face: OpaquePointer, _ tag: String) -> [UInt8] {
        let bytes = Array(tag.utf8)
        guard bytes.count == 4 else { return [] }
        let value = bytes.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        guard let blob = hb_face_reference_table(face, value) else { return [] }
        defer { hb_blob_destroy(blob) }
        var length: UInt32 = 0
        guard let data = hb_blob_get_data(blob, &length), length > 0 else { return [] }
        return Array(UnsafeRawBufferPointer(start: data, count: Int(length)).bindMemory(to: UInt8.self))
    }

    /// The face's PostScript name (name id 6), with no character a PDF name would escape.
    private func postScriptName(_ face: OpaquePointer) -> String {
        var buffer = [CChar](repeating: 0, count: 128)
        var size = UInt32(buffer.count)
        let language = hb_language_from_string("en", -1)
        _ = hb_ot_name_get_utf8(face, hb_ot_name_id_t(HB_OT_NAME_ID_POSTSCRIPT_NAME), language, &size, &buffer)
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let kept = name.unicodeScalars.filter { $0.isASCII && $0.value > 32 && $0.value < 127 && !"()<>[]{}/%#".unicodeScalars.contains($0) }
        return kept.isEmpty ? "Font" : String(String.UnicodeScalarView(kept))
    }
}

/// A HarfBuzz blob (`hb_blob_t`) held for an ``OpenTypeFace``, destroyed with the last copy.
/// Sendable: a blob is immutable once made (every blob here is made read-only or duplicated)
/// and HarfBuzz counts its references atomically, so any thread may make faces over it.
final class FontBlob: @unchecked Sendable {
    let pointer: OpaquePointer

    /// Holds `blob` (a reference the caller gives up); HarfBuzz's empty blob when nil.
    init(_ blob: OpaquePointer?) {
        pointer = blob ?? hb_blob_get_empty()
    }

    deinit {
        hb_blob_destroy(pointer)
    }
}
