import CairoKit
import DossierVegaLite
import Foundation

/// Renders a ``Scene`` on its own as a PDF, SVG or PNG document, in memory.
public enum ChartExporter {
    /// The metadata date written into standalone PDFs unless another is given; never the clock.
    public static let defaultDate = "2000-01-01T00:00:00Z"

    /// Renders `scene` as a standalone document.
    /// - Parameters:
    ///   - kind: PDF (one page of the scene's size written by ``PDFDocumentWriter``, fixed metadata date), SVG (written by
    ///     ``SVGCanvas``, with `<title>` and `<desc>` from the scene) or PNG (`pixelScale` pixels per point, white background).
    ///   - date: the ISO 8601 date written as the PDF's creation and modification date.
    ///   - memory: for a PNG, the raster and buffers to draw and encode in (one per thread, kept
    ///     from chart to chart); new ones without it. The bytes are the same either way.
    /// - Returns: the encoded bytes; the same scene always gives the same bytes.
    public static func render(_ scene: Scene, as kind: Surface.Kind, typesetter: Typesetter,
                              pixelScale: Double = 2, date: String = defaultDate,
                              memory: RasterMemory? = nil) throws -> [UInt8] {
        if kind == .svg {
            let canvas = SVGCanvas(width: scene.width, height: scene.height, typesetter: typesetter)
            try CairoRenderer(typesetter: typesetter, canvas: canvas).draw(scene)
            return canvas.finish(title: scene.title ?? "Chart", description: scene.summary ?? scene.title ?? "Chart")
        }
        if kind == .pdf { return try pdf(scene, typesetter: typesetter, date: date) }
        let width = pixelSize(scene.width, pixelScale), height = pixelSize(scene.height, pixelScale)
        let surface = try memory.map { try Surface.png(pixelWidth: width, pixelHeight: height, memory: $0) }
            ?? Surface.png(pixelWidth: width, pixelHeight: height)
        do {
            let context = try DrawingContext(surface: surface)
            var pngScene = scene
            if pngScene.background == nil { pngScene.background = .white }
            try CairoRenderer(typesetter: typesetter, canvas: context).draw(pngScene, scale: pixelScale)
        }
        return try surface.finish()
    }

    /// `scene` as a one-page PDF of its size, drawn on a ``PDFCanvas`` and written by
    /// ``PDFDocumentWriter`` (title and subject from the scene, creator "Dossier", `date`).
    private static func pdf(_ scene: Scene, typesetter: Typesetter, date: String) throws -> [UInt8] {
        let canvas = PDFCanvas(width: scene.width, height: scene.height, typesetter: typesetter)
        try CairoRenderer(typesetter: typesetter, canvas: canvas).draw(scene)
        var writer = PDFDocumentWriter()
        writer.metadata = Surface.Metadata(title: scene.title, subject: scene.summary, creator: "Dossier", date: date)
        guard let bytes = writer.write([canvas.finish()], faces: canvas.faces) else {
            throw CairoError.status(function: "PDFDocumentWriter", message: "a stream could not be compressed or a font subset")
        }
        return bytes
    }

    /// The pixel size of a PNG for a length in points at `pixelScale`.
    public static func pixelSize(_ points: Double, _ pixelScale: Double) -> Int {
        ChartLimits.clampedInt((points * pixelScale).rounded(.up))
    }
}
