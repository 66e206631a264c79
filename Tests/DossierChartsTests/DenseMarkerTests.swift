import CairoKit
@testable import DossierVegaLite
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import CairoKit
@testable import DossierCharts

/// Dense point layers: one marker definition placed by reference (docs/dense-markers.md).
@Suite("Dense markers")
struct DenseMarkerTests {
    typealias C = ChartFixture

    /// `n` seeded points, optionally with a category column `g` cycling through `groups` values.
    static func points(_ n: Int, groups: Int = 0) -> [String: ChartData] {
        var xs: [Double?] = [], ys: [Double?] = [], gs: [String?] = []
        var state: UInt64 = 7
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        for i in 0..<n {
            xs.append(next() * 10)
            ys.append(next() * 5)
            gs.append(groups > 0 ? "g\(i % groups)" : nil)
        }
        var columns: [(String, ChartColumn)] = [("x", .numbers(xs)), ("y", .numbers(ys))]
        if groups > 0 { columns.append(("g", .strings(gs))) }
        return ["p": ChartData(columns: columns)]
    }

    static func spec(color: Bool = false, filled: Bool = true) -> String {
        let colour = color ? #", "color": {"field": "g", "type": "nominal"}"# : ""
        return #"{"title": "Dense", "data": "p", "width": 300, "height": 200, "mark": {"type": "point", "size": 9, "opacity": 0.4, "filled": \#(filled)}, "encoding": {"x": {"field": "x", "type": "quantitative"}, "y": {"field": "y", "type": "quantitative"}\#(colour)}}"#
    }

    static func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    @Test func denseLayerCompilesToOneMarkerRun() throws {
        let scene = try C.compile(Self.spec(), Self.points(2_000))
        #expect(scene.markers.count == 1)
        #expect(scene.markers.first?.positions.count == 2_000)
        #expect(scene.markers.first?.symbols.count == 1)
        #expect(scene.paths.filter { $0.id.contains("/point/") }.isEmpty)
        let few = try C.compile(Self.spec(), Self.points(Compilation.denseMarkerThreshold - 1))
        #expect(few.markers.isEmpty)
        #expect(few.paths.filter { $0.id.contains("/point/") }.count == Compilation.denseMarkerThreshold - 1)
    }

    @Test func markersLookLikeThePointPathsBelowTheThreshold() throws {
        let scene = try C.compile(Self.spec(), Self.points(600))
        let paths = try #require(scene.markers.first).paths
        let few = try C.compile(Self.spec(), Self.points(10))
        let reference = try #require(few.paths.first { $0.id.contains("/point/") })
        let first = try #require(paths.first)
        #expect(first.segments.count == 1 && first.segments.count == reference.segments.count)
        #expect(first.fill == reference.fill && first.stroke == reference.stroke && first.lineWidth == reference.lineWidth)
        let plot = try #require(SceneCheck.panels(scene).first)
        #expect(paths.allSatisfy { plot.contains($0.bounds.insetBy(2)) })
    }

    @Test func svgDefinesTheMarkerOnceAndUsesItPerPoint() throws {
        let scene = try C.compile(Self.spec(), Self.points(2_000))
        let svg = try C.render(scene, .svg)
        #expect(XMLParser(data: Data(svg)).parse())
        let text = String(decoding: svg, as: UTF8.self)
        #expect(text.contains("<title>Dense</title>"))
        #expect(text.contains("<desc>"))
        #expect(Self.count("<path id=\"m0-0\"", in: text) == 1)
        #expect(Self.count("<use xlink:href=\"#m0-0\"", in: text) == 2_000)
        #expect(!text.contains("12.3457%"))
        // Each reference sits at its point, to 0.01 pt.
        let first = try #require(scene.markers.first?.positions.first)
        #expect(text.contains("<use xlink:href=\"#m0-0\" x=\"\(DecimalWriter.string(first.x))\" y=\"\(DecimalWriter.string(first.y))\"/>"))
    }

    @Test func svgWritesOneDefinitionPerColour() throws {
        let scene = try C.compile(Self.spec(color: true), Self.points(1_500, groups: 3))
        #expect(scene.markers.first?.symbols.count == 3)
        let text = String(decoding: try C.render(scene, .svg), as: UTF8.self)
        #expect(XMLParser(data: Data(text.utf8)).parse())
        for symbol in 0..<3 {
            #expect(Self.count("<path id=\"m0-\(symbol)\"", in: text) == 1)
            #expect(Self.count("<use xlink:href=\"#m0-\(symbol)\"", in: text) == 500)
        }
    }

    @Test func pdfHasOneMarkerXObjectPlacedPerPoint() throws {
        let scene = try C.compile(Self.spec(), Self.points(2_000))
        let pdf = try C.render(scene, .pdf)
        // The one marker symbol as a Form XObject; the placements in the page's content.
        let forms = try PDFInspection.forms(pdf)
        #expect(forms.count == 1)
        #expect(forms.allSatisfy { !$0.contains(" Do") })
        let streams = try PDFInspection.streams(pdf)
        let layer = try #require(streams.first { PDFInspection.count(" Do Q", in: $0) == 2_000 })
        let names = Set(layer.split(separator: "\n").filter { $0.hasSuffix(" Do Q") }.map { $0.split(separator: " ")[7] })
        #expect(names.count == 1)
        #expect(forms.allSatisfy { !$0.contains("0.123457 0.654321") })
        #expect(PDFInspection.crossReferenceIsExact(pdf))
        #expect(try PDFInspection.qpdfFindsNoErrors(pdf))
    }

    @Test func bytesAreTheSameEveryTime() throws {
        let scene = try C.compile(Self.spec(color: true), Self.points(1_000, groups: 2))
        let other = try C.compile(Self.spec(filled: false), Self.points(700))
        for kind in Surface.Kind.allCases {
            let alone = try C.render(scene, kind)
            _ = try C.render(other, kind)
            let again = try C.render(scene, kind)
            #expect(alone == again, "\(kind)")
        }
    }

    @Test func twoMarkerRunsOnOnePageAtOffsetAndScale() throws {
        let scene = try C.compile(Self.spec(), Self.points(800))
        let p = try #require(scene.markers.first?.positions.first)
        for kind in [Surface.Kind.pdf, .svg] {
            let bytes: [UInt8] = try C.withTypesetter { typesetter in
                if kind == .pdf {
                    let canvas = PDFCanvas(width: 595, height: 842, typesetter: typesetter)
                    try CairoRenderer(typesetter: typesetter, canvas: canvas).draw(scene, at: (x: 50, y: 100), scale: 0.8)
                    try CairoRenderer(typesetter: typesetter, canvas: canvas).draw(scene, at: (x: 50, y: 450), scale: 1)
                    return try #require(PDFDocumentWriter().write([canvas.finish()], faces: canvas.faces))
                }
                let surface = try Surface.svg(width: 595, height: 842)
                let context = try DrawingContext(surface: surface)
                try CairoRenderer(typesetter: typesetter, canvas: context).draw(scene, at: (x: 50, y: 100), scale: 0.8)
                try CairoRenderer(typesetter: typesetter, canvas: context).draw(scene, at: (x: 50, y: 450), scale: 1)
                return try surface.finish()
            }
            let text = String(decoding: bytes, as: UTF8.self)
            if kind == .svg {
                #expect(XMLParser(data: Data(bytes)).parse())
                #expect(Self.count("<use xlink:href=\"#m0-0\"", in: text) == 800)
                #expect(Self.count("<use xlink:href=\"#m1-0\"", in: text) == 800)
                #expect(text.contains("x=\"\(DecimalWriter.string(50 + 0.8 * p.x))\" y=\"\(DecimalWriter.string(100 + 0.8 * p.y))\""))
            } else {
                // One form per run's symbol; the page stream places 800 markers for each run,
                // the first of each at its offset and scale.
                let forms = try PDFInspection.forms(bytes)
                #expect(forms.count == 2)
                let streams = try PDFInspection.streams(bytes)
                let page = try #require(streams.first { PDFInspection.count(" Do Q", in: $0) > 0 })
                #expect(PDFInspection.count(" Do Q", in: page) == 1_600)
                #expect(page.contains("q 1 0 0 1 \(DecimalWriter.string(50 + 0.8 * p.x)) \(DecimalWriter.string(100 + 0.8 * p.y)) cm /x0 Do Q"))
                #expect(page.contains("q 1 0 0 1 \(DecimalWriter.string(50 + p.x)) \(DecimalWriter.string(450 + p.y)) cm /x1 Do Q"))
                #expect(PDFInspection.crossReferenceIsExact(bytes))
                #expect(try PDFInspection.qpdfFindsNoErrors(bytes))
            }
        }
    }

    @Test func pngStampsMatchIndividualPaths() throws {
        let scene = try C.compile(Self.spec(), Self.points(3_000))
        var expanded = scene
        expanded.items = scene.items.map(Self.expand)
        #expect(expanded.markers.isEmpty)
        let stamped = try PNGPixels(C.render(scene, .png))
        let drawn = try PNGPixels(C.render(expanded, .png))
        #expect(stamped.width == drawn.width && stamped.height == drawn.height)
        var worst = 0, total = 0
        for (a, b) in zip(stamped.samples, drawn.samples) {
            let d = abs(Int(a) - Int(b))
            worst = max(worst, d)
            total += d
        }
        #expect(worst <= 48)
        #expect(Double(total) / Double(drawn.samples.count) < 0.5)
    }

    /// The item with every marker run replaced by its individual circle paths.
    static func expand(_ item: SceneItem) -> SceneItem {
        switch item {
        case .markers(let m): return .group(SceneGroup(id: m.id, items: m.paths.map { .path($0) }))
        case .group(var g): g.items = g.items.map(expand); return .group(g)
        default: return item
        }
    }

    @Test func decimalsAreShortAndExact() {
        #expect(DecimalWriter.string(376.075087) == "376.08")
        #expect(DecimalWriter.string(-3.5) == "-3.5")
        #expect(DecimalWriter.string(12) == "12")
        #expect(DecimalWriter.string(-0.001) == "0")
        #expect(DecimalWriter.string(0.05) == "0.05")
        #expect(DecimalWriter.string(1.999) == "2")
        #expect(DecimalWriter.string(1.5, digits: 6) == "1.5")
        #expect(DecimalWriter.string(0.0000015, digits: 6) == "0.000002")
        #expect(DecimalWriter.string(1_234_567.891) == "1234567.89")
    }
}
