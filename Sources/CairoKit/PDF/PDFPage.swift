/// One page of a PDF as ``PDFCanvas`` drew it: its content stream and what the stream names,
/// all computed from the page's own drawing. Fonts are named per page (`/F0`, `/F1`… in order of
/// first use) and by their face (``PDFFontFace/key``); glyphs keep their font's own ids, so
/// the stream does not depend on the other pages: it can be made on any thread and kept in a
/// cache. ``PDFDocumentWriter`` numbers the objects and writes the file.
public struct PDFPage: Sendable, Equatable {
    /// Width and height in points.
    public let width: Double
    public let height: Double
    /// The content stream, uncompressed (empty in a page read from the cache).
    public var content: [UInt8] = []
    /// The content stream compressed (zlib), as the file holds it; nil until compressed.
    public var deflated: [UInt8]?
    /// The faces `/F<i>` names, each with the glyphs the page draws and the text each maps to.
    public var fonts: [FontUse] = []
    /// The opacity of ExtGState `/a<i>` (its `/ca` and `/CA`).
    public var alphas: [Double] = []
    /// The Form XObjects `/x<i>` (marker symbols): their bounding box and content.
    public var forms: [Form] = []
    /// The link annotations, in device space (y down).
    public var links: [Link] = []

    /// The page with its content compressed at `level` (libdeflate's 1–12) into ``deflated``;
    /// unchanged if it already is, or if libdeflate fails.
    public func compressed(level: Int32 = PDFDocumentWriter.defaultCompressionLevel) -> PDFPage {
        guard deflated == nil, let compressor = DeflateCompressor(level: level),
              let bytes = content.withUnsafeBytes({ compressor.zlib($0) }) else { return self }
        var page = self
        page.deflated = bytes
        return page
    }

    /// A face a page draws with: its key and, per glyph id, the text of the cluster it was
    /// first seen to start (empty when it only continued clusters).
    public struct FontUse: Sendable, Equatable {
        public let face: String
        public var glyphs: [UInt32: [UInt8]] = [:]
    }

    /// A Form XObject: its bounding box (x0 y0 x1 y1, form space), content and opacity states.
    public struct Form: Sendable, Equatable {
        public let box: [Double]
        public let content: [UInt8]
        public let alphas: [Double]
    }

    /// A link area (device space, y down) and its target.
    public struct Link: Sendable, Equatable {
        public enum Target: Sendable, Equatable {
            case uri(String)
            /// A page (1-based) and a position from its top.
            case page(Int, y: Double)
        }

        public let x0: Double, y0: Double, x1: Double, y1: Double
        public let target: Target
    }
}
