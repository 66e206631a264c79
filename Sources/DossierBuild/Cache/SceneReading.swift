import CairoKit
import DossierBase
import DossierCharts

/// Reads a ``Scene`` back from the bytes ``SceneBytes`` wrote: the other half of the codec,
/// for the figures' scenes kept in the cache (``ReportBuilder/cachedScenes(_:charts:)``).
///
/// Numbers come back bit for bit and strings byte for byte, so the scene read is equal to the
/// one written (`==`) and draws the same picture. A text block (``SceneTextBlock``, the text of
/// a report page) is not read: its bytes leave out the Pango layout it is made from, and a
/// chart's scene holds none (its labels are ``SceneText``s); bytes holding one read as damaged,
/// so the figure is compiled instead. Every read checks its bounds (``CacheByteReader``).
struct SceneReading {
    private var reader: CacheByteReader

    /// The scene in `bytes`; throws ``CacheEntryDamaged`` unless they are exactly one scene.
    static func scene(from bytes: [UInt8]) throws(CacheEntryDamaged) -> Scene {
        var reading = SceneReading(reader: CacheByteReader(bytes))
        let scene = try reading.scene()
        guard reading.reader.atEnd else { throw CacheEntryDamaged() }
        return scene
    }

    /// Whether ``SceneBytes`` of `scene` read back (no text block among its items).
    static func canRead(_ scene: Scene) -> Bool {
        func readable(_ items: [SceneItem]) -> Bool {
            items.allSatisfy { item in
                switch item {
                case .textBlock: return false
                case let .group(group): return readable(group.items)
                case .path, .text, .markers: return true
                }
            }
        }
        return readable(scene.items)
    }

    private mutating func scene() throws(CacheEntryDamaged) -> Scene {
        let width = try reader.double()
        let height = try reader.double()
        let background = try optionalColor()
        let title = try optionalString()
        let summary = try optionalString()
        return Scene(width: width, height: height, background: background, title: title, summary: summary, items: try items())
    }

    private mutating func items() throws(CacheEntryDamaged) -> [SceneItem] {
        let count = try reader.count()
        var items: [SceneItem] = []
        items.reserveCapacity(count)
        for _ in 0..<count {
            switch try reader.byte() {
            case 1:
                items.append(.path(try path()))
            case 2:
                items.append(.text(try text()))
            case 3:
                let id = try reader.string()
                var transform: SceneTransform?
                if try reader.boolean() {
                    transform = SceneTransform(x: try reader.double(), y: try reader.double(), scale: try reader.double())
                }
                let clip = try optionalRect()
                let background = try optionalColor()
                items.append(.group(SceneGroup(id: id, transform: transform, clip: clip, background: background, items: try self.items())))
            case 4:
                items.append(.markers(try markers()))
            default:
                // 5 is a text block (not read, see the type's comment); anything else is damage.
                throw CacheEntryDamaged()
            }
        }
        return items
    }

    private mutating func path() throws(CacheEntryDamaged) -> ScenePath {
        let id = try reader.string()
        let count = try reader.count()
        var segments: [PathSegment] = []
        segments.reserveCapacity(count)
        for _ in 0..<count {
            switch try reader.byte() {
            case 1: segments.append(.move(try point()))
            case 2: segments.append(.line(try point()))
            case 3: segments.append(.curve(control1: try point(), control2: try point(), to: try point()))
            case 4: segments.append(.close)
            case 5: segments.append(.rect(try rect()))
            case 6: segments.append(.circle(center: try point(), radius: try reader.double()))
            default: throw CacheEntryDamaged()
            }
        }
        let fill = try optionalColor()
        let stroke = try optionalColor()
        let lineWidth = try reader.double()
        let dashCount = try reader.count()
        var dash: [Double] = []
        for _ in 0..<dashCount { dash.append(try reader.double()) }
        return ScenePath(id: id, segments: segments, fill: fill, stroke: stroke, lineWidth: lineWidth, dash: dash,
                         evenOdd: try reader.boolean(), round: try reader.boolean())
    }

    private mutating func text() throws(CacheEntryDamaged) -> SceneText {
        let id = try reader.string()
        let string = try reader.string()
        let font = try self.font()
        let color = try self.color()
        let position = try point()
        let anchor = try textAnchor()
        guard let baseline = TextBaseline(rawValue: try reader.string()) else { throw CacheEntryDamaged() }
        let rotation = try reader.double()
        let wrapWidth = try optionalDouble()
        let alignment = try textAnchor()
        var text = SceneText(id: id, text: string, font: font, color: color, position: position, anchor: anchor, baseline: baseline,
                             rotation: rotation, wrapWidth: wrapWidth,
                             width: try reader.double(), height: try reader.double(), ascent: try reader.double())
        text.alignment = alignment
        return text
    }

    private mutating func markers() throws(CacheEntryDamaged) -> SceneMarkers {
        let id = try reader.string()
        let symbolCount = try reader.count()
        var symbols: [MarkerSymbol] = []
        for _ in 0..<symbolCount {
            symbols.append(MarkerSymbol(radius: try reader.double(), fill: try optionalColor(), stroke: try optionalColor(),
                                        lineWidth: try reader.double()))
        }
        let positionCount = try reader.count()
        var positions: [ScenePoint] = []
        positions.reserveCapacity(positionCount)
        for _ in 0..<positionCount { positions.append(try point()) }
        let indexCount = try reader.count()
        var indices: [Int32] = []
        indices.reserveCapacity(indexCount)
        for _ in 0..<indexCount {
            guard let index = Int32(exactly: try reader.integer()) else { throw CacheEntryDamaged() }
            indices.append(index)
        }
        return SceneMarkers(id: id, symbols: symbols, positions: positions, symbolIndices: indices)
    }

    private mutating func textAnchor() throws(CacheEntryDamaged) -> TextAnchor {
        guard let anchor = TextAnchor(rawValue: try reader.string()) else { throw CacheEntryDamaged() }
        return anchor
    }

    private mutating func font() throws(CacheEntryDamaged) -> Font {
        let family = try reader.string()
        let size = try reader.double()
        let weight: Font.Weight
        switch try reader.byte() {
        case 1: weight = .regular
        case 2: weight = .semibold
        case 3: weight = .bold
        default: throw CacheEntryDamaged()
        }
        return Font(family: family, size: size, weight: weight, italic: try reader.boolean())
    }

    private mutating func point() throws(CacheEntryDamaged) -> ScenePoint {
        ScenePoint(try reader.double(), try reader.double())
    }

    private mutating func rect() throws(CacheEntryDamaged) -> SceneRect {
        SceneRect(x: try reader.double(), y: try reader.double(), width: try reader.double(), height: try reader.double())
    }

    private mutating func color() throws(CacheEntryDamaged) -> Color {
        Color(red: try reader.double(), green: try reader.double(), blue: try reader.double(), alpha: try reader.double())
    }

    private mutating func optionalColor() throws(CacheEntryDamaged) -> Color? {
        try reader.boolean() ? try color() : nil
    }

    private mutating func optionalRect() throws(CacheEntryDamaged) -> SceneRect? {
        try reader.boolean() ? try rect() : nil
    }

    private mutating func optionalDouble() throws(CacheEntryDamaged) -> Double? {
        try reader.boolean() ? try reader.double() : nil
    }

    private mutating func optionalString() throws(CacheEntryDamaged) -> String? {
        try reader.boolean() ? try reader.string() : nil
    }
}
