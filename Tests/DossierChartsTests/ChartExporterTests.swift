@testable import CairoKit
@testable import DossierVegaLite
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import DossierCharts

@Suite("Export")
struct ChartExporterTests {
    typealias C = ChartFixture
    typealias E = ChartExamples

    @Test func pdfSvgPng() throws {
        let scene = try C.compile(E.barSpec, E.barData)
        let pdf = try C.render(scene, .pdf)
        #expect(String(decoding: pdf.prefix(5), as: UTF8.self) == "%PDF-")
        #expect(String(decoding: pdf, as: UTF8.self).contains("/CreationDate (D:20000101000000Z)"))
        let svg = try C.render(scene, .svg)
        let parser = XMLParser(data: Data(svg))
        #expect(parser.parse())
        let text = String(decoding: svg, as: UTF8.self)
        #expect(text.contains("<title>Documented cases by city</title>"))
        #expect(text.contains("<desc>"))
        let png = try C.render(scene, .png)
        #expect(png.prefix(8) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let w = png[16..<20].reduce(0) { $0 << 8 | Int($1) }
        let h = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
        // 2 pixels per point of the figure (its plot is 366 × 162: about 420 × 260 in all).
        #expect(w == Int((scene.width * 2).rounded(.up)) && h == Int((scene.height * 2).rounded(.up)))
        #expect(abs(scene.width - 420) < 3 && abs(scene.height - 260) < 3)
    }

    /// The PDF is Dossier's own (``PDFDocumentWriter``): one page of the scene's size, the
    /// scene's title and summary as metadata, fonts embedded as subsets with ToUnicode maps.
    @Test func pdfIsOnePageOfTheSceneWrittenByDossier() throws {
        let scene = try C.compile(E.barSpec, E.barData)
        let pdf = try C.render(scene, .pdf)
        let text = String(decoding: pdf, as: UTF8.self)
        #expect(PDFInspection.count("/Type /Page ", in: text) == 1)
        #expect(text.contains("/MediaBox [0 0 \(DecimalWriter.string(scene.width, digits: 3)) \(DecimalWriter.string(scene.height, digits: 3))]"))
        #expect(text.contains("/Producer (Dossier) /Title (Documented cases by city)"))
        #expect(text.contains("/Creator (Dossier)"))
        if let summary = scene.summary { #expect(text.contains("/Subject " + (summary.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F } ? "(" : "<FEFF"))) }
        #expect(!text.contains("cairo"))
        let fonts = PDFInspection.count("/Subtype /Type0", in: text)
        #expect(fonts > 0)
        #expect(PDFInspection.count("/ToUnicode", in: text) == fonts)
        #expect(PDFInspection.count("/FontFile2", in: text) == fonts)
        #expect(PDFInspection.crossReferenceIsExact(pdf))
        #expect(try PDFInspection.qpdfFindsNoErrors(pdf))
    }

    @Test func svgEscapesTitleAndDescription() throws {
        let json = E.barSpec.replacingOccurrences(of: "Documented cases by city", with: #"Ties & twins <2020> \"new\""#)
        let scene = try C.compile(json, E.barData)
        let svg = try C.render(scene, .svg)
        #expect(XMLParser(data: Data(svg)).parse())
        let text = String(decoding: svg, as: UTF8.self)
        #expect(text.contains("<title>Ties &amp; twins &lt;2020&gt; &quot;new&quot;</title>"))
        #expect(text.contains("<desc>Local-level engagements, 2000–2020</desc>"))
    }

    @Test func sameBytesEveryTimeAndInAnyOrder() throws {
        let a = try C.compile(E.scatterSpec, E.scatterData)
        let b = try C.compile(E.stackedSpec, E.stackedData)
        for kind in Surface.Kind.allCases {
            let bAlone = try C.render(b, kind)
            let bAgain = try C.render(b, kind)
            _ = try C.render(a, kind)
            let bAfterA = try C.render(b, kind)
            #expect(bAlone == bAgain, "\(kind)")
            #expect(bAlone == bAfterA, "\(kind)")
        }
    }

    @Test func tenThousandPointsStayFast() throws {
        var xs: [Double?] = [], ys: [Double?] = [], ss: [Double?] = []
        var state: UInt64 = 42
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        for _ in 0..<10_000 { xs.append(next() * 100); ys.append(next() * 50); ss.append(next()) }
        let data = ["p": ChartData(columns: [("x", .numbers(xs)), ("y", .numbers(ys)), ("s", .numbers(ss))])]
        let start = Date()
        let scene = try C.compile(#"{"title": "10k points", "data": "p", "mark": {"type": "point", "opacity": 0.5}, "encoding": {"x": {"field": "x", "type": "quantitative"}, "y": {"field": "y", "type": "quantitative"}, "size": {"field": "s", "type": "quantitative"}}}"#, data)
        let pdf = try C.render(scene, .pdf)
        #expect(pdf.count > 10_000)
        #expect(Date().timeIntervalSince(start) < 20)
    }

    @Test func embedsInAPageAtOffsetAndScale() throws {
        let scene = try C.compile(E.barSpec, E.barData)
        /// A page with the scene drawn at each placement, and its content stream.
        func page(_ placements: [(x: Double, y: Double, scale: Double)]) throws -> (pdf: [UInt8], content: String) {
            try C.withTypesetter { typesetter in
                let canvas = PDFCanvas(width: 595, height: 842, typesetter: typesetter)
                for placement in placements {
                    try CairoRenderer(typesetter: typesetter, canvas: canvas).draw(scene, at: (x: placement.x, y: placement.y), scale: placement.scale)
                }
                let page = canvas.finish()
                let pdf = try #require(PDFDocumentWriter().write([page], faces: canvas.faces))
                return (pdf, String(decoding: page.content, as: UTF8.self))
            }
        }
        let once = try page([(50, 100, 0.8)])
        let twice = try page([(50, 100, 0.8), (50, 450, 1)])
        #expect(twice.pdf.count > 1000)
        #expect(PDFInspection.crossReferenceIsExact(twice.pdf))
        #expect(try PDFInspection.qpdfFindsNoErrors(twice.pdf))
        // Every rectangle (bars, clips, background) is there twice.
        #expect(PDFInspection.count(" re\n", in: once.content) > 2)
        #expect(PDFInspection.count(" re\n", in: twice.content) == 2 * PDFInspection.count(" re\n", in: once.content))
    }
}
