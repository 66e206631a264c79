import CCairo
import DossierBase

/// A Cairo drawing surface that renders into memory: an SVG document, or a raster image
/// encoded as PNG. Wraps `cairo_surface_t`; the surface is destroyed on deinit. (PDFs are
/// written by ``PDFCanvas`` and ``PDFDocumentWriter``, without Cairo.)
///
/// Draw with a ``DrawingContext`` created on the surface, then call ``finish()`` to get the bytes.
public final class Surface {
    /// The kinds of output Dossier renders a chart as (``ChartExporter``): a surface is `.svg`
    /// or `.png`; `.pdf` is written by ``PDFCanvas``, never by a surface.
    public enum Kind: String, Sendable, CaseIterable {
        case pdf, svg, png
    }

    /// The output kind.
    public let kind: Kind
    /// Width and height in points (SVG) or pixels (PNG).
    public let width: Double
    public let height: Double

    let pointer: OpaquePointer
    /// Receives the bytes Cairo streams out; kept alive as long as the surface.
    private let sink: ByteSink
    private var finished = false
    /// The memory a PNG surface draws into, when lent by a ``RasterMemory``; given back on deinit.
    private var memory: RasterMemory?
    /// Marker runs drawn on an SVG surface by ``DrawingContext/drawMarkers(_:positions:symbolIndices:)``,
    /// written out by ``finish(svgTitle:svgDescription:)`` in place of their placeholders.
    var markerLayers: [MarkerLayer] = []

    private init(kind: Kind, pointer: OpaquePointer, width: Double, height: Double, sink: ByteSink) {
        self.kind = kind
        self.pointer = pointer
        self.width = width
        self.height = height
        self.sink = sink
    }

    deinit {
        cairo_surface_destroy(pointer)
        memory?.giveBack()
    }

    /// An SVG document of `width` × `height` points (`cairo_svg_surface_create_for_stream`).
    public static func svg(width: Double, height: Double) throws(CairoError) -> Surface {
        let surface = try streamed(.svg, width: width, height: height, cairo_svg_surface_create_for_stream,
                                   "cairo_svg_surface_create_for_stream")
        cairo_svg_surface_restrict_to_version(surface.pointer, CAIRO_SVG_VERSION_1_1)
        cairo_svg_surface_set_document_unit(surface.pointer, CAIRO_SVG_UNIT_PT)
        return surface
    }

    /// A vector surface writing into a new ``ByteSink`` through `create` (Cairo's
    /// `*_surface_create_for_stream`, named `function` in errors).
    private static func streamed(_ kind: Kind, width: Double, height: Double,
                                 _ create: (cairo_write_func_t, UnsafeMutableRawPointer?, Double, Double) -> OpaquePointer?,
                                 _ function: String) throws(CairoError) -> Surface {
        let sink = ByteSink()
        guard let raw = create(ByteSink.write, sink.opaque, width, height) else {
            throw .status(function: function, message: "no surface")
        }
        let surface = Surface(kind: kind, pointer: raw, width: width, height: height, sink: sink)
        try CairoError.check(cairo_surface_status(raw), function)
        return surface
    }

    /// A 32-bit ARGB raster of `pixelWidth` × `pixelHeight` (`cairo_image_surface_create`),
    /// encoded as PNG by ``finish()`` through ``PNGEncoder``.
    public static func png(pixelWidth: Int, pixelHeight: Int) throws(CairoError) -> Surface {
        guard let raw = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(pixelWidth), Int32(pixelHeight)) else {
            throw .status(function: "cairo_image_surface_create", message: "no surface")
        }
        let surface = Surface(kind: .png, pointer: raw, width: Double(pixelWidth), height: Double(pixelHeight), sink: ByteSink())
        try CairoError.check(cairo_surface_status(raw), "cairo_image_surface_create")
        return surface
    }

    /// A 32-bit ARGB raster of `pixelWidth` × `pixelHeight` drawn in `memory`'s raster
    /// (`cairo_image_surface_create_for_data`) and encoded by ``finish()`` with its buffers; a
    /// new raster as ``png(pixelWidth:pixelHeight:)`` makes while `memory` is lent to another
    /// surface. The raster is cleared with Cairo's CLEAR operator, which leaves it in the
    /// state of a new surface (transparent, and marked clear), so the pixels drawn are the same.
    public static func png(pixelWidth: Int, pixelHeight: Int, memory: RasterMemory) throws(CairoError) -> Surface {
        let stride = Int(cairo_format_stride_for_width(CAIRO_FORMAT_ARGB32, Int32(clamping: pixelWidth)))
        // Cairo's largest image is 32767 pixels a side; anything else gets Cairo's own answer.
        guard (1...32767).contains(pixelWidth), (1...32767).contains(pixelHeight), stride > 0,
              let data = memory.lendRaster(byteCount: stride * pixelHeight) else {
            return try png(pixelWidth: pixelWidth, pixelHeight: pixelHeight)
        }
        guard let raw = cairo_image_surface_create_for_data(data.assumingMemoryBound(to: UInt8.self), CAIRO_FORMAT_ARGB32,
                                                            Int32(pixelWidth), Int32(pixelHeight), Int32(stride)) else {
            memory.giveBack()
            throw .status(function: "cairo_image_surface_create_for_data", message: "no surface")
        }
        let surface = Surface(kind: .png, pointer: raw, width: Double(pixelWidth), height: Double(pixelHeight), sink: ByteSink())
        surface.memory = memory
        try CairoError.check(cairo_surface_status(raw), "cairo_image_surface_create_for_data")
        guard let context = cairo_create(raw) else { throw .status(function: "cairo_create", message: "no context") }
        cairo_set_operator(context, CAIRO_OPERATOR_CLEAR)
        cairo_paint(context)
        let status = cairo_status(context)
        cairo_destroy(context)
        try CairoError.check(status, "cairo_paint")
        return surface
    }

    /// Document metadata written into a PDF's information dictionary (``PDFDocumentWriter/metadata``).
    public struct Metadata: Sendable {
        public var title: String?
        public var author: String?
        public var subject: String?
        public var keywords: String?
        public var creator: String?
        /// ISO 8601 date, e.g. `2020-12-01T00:00:00Z`; used as both creation and modification date.
        public var date: String?

        public init(title: String? = nil, author: String? = nil, subject: String? = nil,
                    keywords: String? = nil, creator: String? = nil, date: String? = nil) {
            self.title = title
            self.author = author
            self.subject = subject
            self.keywords = keywords
            self.creator = creator
            self.date = date
        }
    }

    /// Finishes the surface and returns the encoded document: SVG bytes, or PNG bytes for an
    /// image surface. SVG output is normalised so that it does not depend on how many
    /// surfaces the process created before (Cairo numbers `surfaceN` ids process-wide).
    public func finish(svgTitle: String? = nil, svgDescription: String? = nil) throws(CairoError) -> [UInt8] {
        if !finished {
            finished = true
            switch kind {
            case .pdf, .svg:
                // A surface is never `.pdf` (no factory makes one).
                cairo_surface_finish(pointer)
                try CairoError.check(cairo_surface_status(pointer), "cairo_surface_finish")
            case .png:
                cairo_surface_flush(pointer)
                try CairoError.check(cairo_surface_status(pointer), "cairo_surface_flush")
                guard let pixels = cairo_image_surface_get_data(pointer) else {
                    throw .status(function: "cairo_image_surface_get_data", message: "no pixels")
                }
                sink.bytes = try PNGEncoder.encode(
                    pixels: pixels, width: Int(cairo_image_surface_get_width(pointer)),
                    height: Int(cairo_image_surface_get_height(pointer)), stride: Int(cairo_image_surface_get_stride(pointer)),
                    memory: memory)
            }
        }
        switch kind {
        case .svg: return SVGNormalizer.normalize(sink.bytes, title: svgTitle, description: svgDescription, markers: markerLayers)
        case .pdf, .png: return sink.bytes
        }
    }
}
