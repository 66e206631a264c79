import CairoKit
import DossierBase
import DossierCharts

/// The exact bytes of a ``Scene``, for the cache key of what is drawn from it (a page SVG):
/// every item and every stored property, numbers by their IEEE 754 bit pattern, in order;
/// the Pango layout a text block keeps (``SceneTextBlock/prepared``) is a cache of what its
/// other properties say, and is left out. Two scenes with the same bytes draw the same picture.
///
/// Written out by hand, property by property: reflecting a page with a map on it took about
/// 10 ms, this a fraction of a millisecond. Every enum is switched over exhaustively, so a new
/// case does not compile until it is written here; a new stored property is caught by
/// SceneBytesTests, which counts each type's properties.
struct SceneBytes {
    private let writer: SceneByteBuffer

    /// The bytes of `scene`.
    static func of(_ scene: Scene) -> [UInt8] {
        var bytes = SceneBytes(writer: SceneByteBuffer())
        bytes.write(scene)
        return bytes.writer.bytes
    }

    /// The SHA-256 (hex) of the bytes of `scene` (``of(_:)``), written into `buffer` (emptied
    /// first; one buffer serves many scenes) and hashed there, with no array made.
    static func sha256(of scene: Scene, in buffer: SceneByteBuffer) -> String {
        buffer.reset()
        var bytes = SceneBytes(writer: buffer)
        bytes.write(scene)
        return buffer.sha256
    }

    /// How many stored properties each type written here has (SceneBytesTests compares them
    /// with the types' own).
    static let propertyCounts: [String: Int] = [
        "Scene": 6, "ScenePath": 8, "SceneText": 13, "SceneGroup": 5, "SceneMarkers": 4, "SceneTextBlock": 15,
        "SceneLink": 2, "SceneTransform": 3, "SceneRect": 4, "ScenePoint": 2, "Color": 4, "Font": 4, "MarkerSymbol": 4,
    ]

    private mutating func write(_ scene: Scene) {
        writer.double(scene.width)
        writer.double(scene.height)
        write(scene.background)
        write(scene.title)
        write(scene.summary)
        write(scene.items)
    }

    private mutating func write(_ items: [SceneItem]) {
        writer.integer(items.count)
        for item in items {
            switch item {
            case let .path(path):
                writer.byte(1)
                write(path)
            case let .text(text):
                writer.byte(2)
                write(text)
            case let .group(group):
                writer.byte(3)
                writer.string(group.id)
                writer.boolean(group.transform != nil)
                if let transform = group.transform {
                    writer.double(transform.x)
                    writer.double(transform.y)
                    writer.double(transform.scale)
                }
                write(group.clip)
                write(group.background)
                write(group.items)
            case let .markers(markers):
                writer.byte(4)
                writer.string(markers.id)
                writer.integer(markers.symbols.count)
                for symbol in markers.symbols {
                    writer.double(symbol.radius)
                    write(symbol.fill)
                    write(symbol.stroke)
                    writer.double(symbol.lineWidth)
                }
                write(markers.positions)
                writer.integer(markers.symbolIndices.count)
                for index in markers.symbolIndices { writer.integer(Int(index)) }
            case let .textBlock(block):
                writer.byte(5)
                write(block)
            }
        }
    }

    private mutating func write(_ path: ScenePath) {
        writer.string(path.id)
        writer.integer(path.segments.count)
        for segment in path.segments {
            switch segment {
            case let .move(point):
                writer.byte(1)
                write(point)
            case let .line(point):
                writer.byte(2)
                write(point)
            case let .curve(control1, control2, to):
                writer.byte(3)
                write(control1)
                write(control2)
                write(to)
            case .close:
                writer.byte(4)
            case let .rect(rect):
                writer.byte(5)
                write(rect)
            case let .circle(center, radius):
                writer.byte(6)
                write(center)
                writer.double(radius)
            }
        }
        write(path.fill)
        write(path.stroke)
        writer.double(path.lineWidth)
        writer.integer(path.dash.count)
        for length in path.dash { writer.double(length) }
        writer.boolean(path.evenOdd)
        writer.boolean(path.round)
    }

    private mutating func write(_ text: SceneText) {
        writer.string(text.id)
        writer.string(text.text)
        write(text.font)
        write(text.color)
        write(text.position)
        writer.string(text.anchor.rawValue)
        writer.string(text.baseline.rawValue)
        writer.double(text.rotation)
        write(text.wrapWidth)
        writer.string(text.alignment.rawValue)
        writer.double(text.width)
        writer.double(text.height)
        writer.double(text.ascent)
    }

    private mutating func write(_ block: SceneTextBlock) {
        writer.string(block.id)
        writer.string(block.text)
        writer.boolean(block.isMarkup)
        write(block.font)
        write(block.wrapWidth)
        switch block.alignment {
        case .left: writer.byte(1)
        case .center: writer.byte(2)
        case .right: writer.byte(3)
        }
        writer.boolean(block.justify)
        write(block.lineHeight)
        write(block.color)
        write(block.position)
        writer.boolean(block.lines != nil)
        if let lines = block.lines {
            writer.integer(lines.lowerBound)
            writer.integer(lines.upperBound)
        }
        writer.integer(block.lineStarts.count)
        for start in block.lineStarts { writer.integer(start) }
        writer.double(block.size.width)
        writer.double(block.size.height)
        writer.integer(block.links.count)
        for link in block.links {
            write(link.rect)
            switch link.target {
            case let .uri(uri):
                writer.byte(1)
                writer.string(uri)
            case let .page(page, y):
                writer.byte(2)
                writer.integer(page)
                writer.double(y)
            }
        }
    }

    private mutating func write(_ font: Font) {
        writer.string(font.family)
        writer.double(font.size)
        switch font.weight {
        case .regular: writer.byte(1)
        case .semibold: writer.byte(2)
        case .bold: writer.byte(3)
        }
        writer.boolean(font.italic)
    }

    private mutating func write(_ points: [ScenePoint]) {
        writer.integer(points.count)
        for point in points { write(point) }
    }

    private mutating func write(_ point: ScenePoint) {
        writer.double(point.x)
        writer.double(point.y)
    }

    private mutating func write(_ rect: SceneRect) {
        writer.double(rect.x)
        writer.double(rect.y)
        writer.double(rect.width)
        writer.double(rect.height)
    }

    private mutating func write(_ color: Color) {
        writer.double(color.red)
        writer.double(color.green)
        writer.double(color.blue)
        writer.double(color.alpha)
    }

    /// Whether `value` is there, then its bytes.
    private mutating func write<Value>(_ value: Value?, _ body: (inout SceneBytes, Value) -> Void) {
        writer.boolean(value != nil)
        if let value { body(&self, value) }
    }

    private mutating func write(_ rect: SceneRect?) { write(rect) { $0.write($1) } }

    private mutating func write(_ color: Color?) { write(color) { $0.write($1) } }

    private mutating func write(_ number: Double?) { write(number) { $0.writer.double($1) } }

    private mutating func write(_ text: String?) { write(text) { $0.writer.string($1) } }
}
