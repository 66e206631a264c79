import DossierBase
import Foundation
import CairoKit

/// A point in scene coordinates (points, y down).
public struct ScenePoint: Sendable, Equatable {
    /// Horizontal position.
    public var x: Double
    /// Vertical position (down is positive).
    public var y: Double
    /// Creates a point.
    public init(_ x: Double, _ y: Double) { self.x = x; self.y = y }
}

/// An axis-aligned rectangle in scene coordinates.
public struct SceneRect: Sendable, Equatable {
    /// Left edge.
    public var x: Double
    /// Top edge.
    public var y: Double
    /// Width.
    public var width: Double
    /// Height.
    public var height: Double
    /// Creates a rectangle.
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }
    /// Right edge.
    public var maxX: Double { x + width }
    /// Bottom edge.
    public var maxY: Double { y + height }
    /// Whether the two rectangles share interior area (touching edges do not count).
    public func intersects(_ other: SceneRect, tolerance: Double = 0.01) -> Bool {
        x < other.maxX - tolerance && other.x < maxX - tolerance
            && y < other.maxY - tolerance && other.y < maxY - tolerance
    }
    /// Whether `other` lies inside this rectangle (within `tolerance`).
    public func contains(_ other: SceneRect, tolerance: Double = 0.01) -> Bool {
        other.x >= x - tolerance && other.maxX <= maxX + tolerance
            && other.y >= y - tolerance && other.maxY <= maxY + tolerance
    }
    /// Whether the point lies inside (within `tolerance`).
    public func contains(_ p: ScenePoint, tolerance: Double = 0.01) -> Bool {
        p.x >= x - tolerance && p.x <= maxX + tolerance && p.y >= y - tolerance && p.y <= maxY + tolerance
    }
    /// The rectangle grown by `d` on every side.
    public func insetBy(_ d: Double) -> SceneRect {
        SceneRect(x: x + d, y: y + d, width: width - 2 * d, height: height - 2 * d)
    }
}

/// One step of a path outline.
public enum PathSegment: Sendable, Equatable {
    /// Starts a new sub-path.
    case move(ScenePoint)
    /// A straight line to a point.
    case line(ScenePoint)
    /// A cubic Bézier curve to `to`.
    case curve(control1: ScenePoint, control2: ScenePoint, to: ScenePoint)
    /// Closes the current sub-path.
    case close
    /// A whole rectangle as its own sub-path.
    case rect(SceneRect)
    /// A whole circle as its own sub-path.
    case circle(center: ScenePoint, radius: Double)
}

/// A filled and/or stroked outline.
public struct ScenePath: Sendable, Equatable {
    /// A semantic, content-derived id (e.g. `layer1/bar/Brazil`).
    public var id: String
    /// The outline.
    public var segments: [PathSegment]
    /// Fill colour; nil for no fill.
    public var fill: Color?
    /// Stroke colour; nil for no stroke.
    public var stroke: Color?
    /// Stroke width in points.
    public var lineWidth: Double
    /// Dash pattern in points; empty for solid.
    public var dash: [Double]
    /// Even-odd fill rule (polygons with holes).
    public var evenOdd: Bool
    /// Round caps and joins (lines) instead of butt/miter.
    public var round: Bool

    /// Creates a path.
    public init(id: String, segments: [PathSegment], fill: Color? = nil, stroke: Color? = nil,
                lineWidth: Double = 1, dash: [Double] = [], evenOdd: Bool = false, round: Bool = false) {
        self.id = id; self.segments = segments; self.fill = fill; self.stroke = stroke
        self.lineWidth = lineWidth; self.dash = dash; self.evenOdd = evenOdd; self.round = round
    }

    /// The bounding box of the segments' points (control points included).
    public var bounds: SceneRect {
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        func add(_ p: ScenePoint) {
            minX = min(minX, p.x); maxX = max(maxX, p.x); minY = min(minY, p.y); maxY = max(maxY, p.y)
        }
        for segment in segments {
            switch segment {
            case .move(let p), .line(let p): add(p)
            case .curve(let a, let b, let c): add(a); add(b); add(c)
            case .close: break
            case .rect(let r): add(ScenePoint(r.x, r.y)); add(ScenePoint(r.maxX, r.maxY))
            case .circle(let c, let r): add(ScenePoint(c.x - r, c.y - r)); add(ScenePoint(c.x + r, c.y + r))
            }
        }
        guard minX.isFinite else { return SceneRect(x: 0, y: 0, width: 0, height: 0) }
        return SceneRect(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
    }
}

/// Horizontal anchor of a text run relative to its position.
public enum TextAnchor: String, Sendable, Equatable {
    /// The position is the left edge.
    case start
    /// The position is the horizontal centre.
    case middle
    /// The position is the right edge.
    case end
}

/// Vertical anchor of a text run relative to its position.
public enum TextBaseline: String, Sendable, Equatable {
    /// The position is the top of the logical box.
    case top
    /// The position is the vertical centre of the logical box.
    case middle
    /// The position is the first line's baseline.
    case alphabetic
    /// The position is the bottom of the logical box.
    case bottom
}

/// A run of text, measured at compile time.
public struct SceneText: Sendable, Equatable {
    /// A semantic id (e.g. `axis-x/label/2`).
    public var id: String
    /// The text, plain (no markup).
    public var text: String
    /// The font.
    public var font: Font
    /// The colour.
    public var color: Color
    /// The anchor position.
    public var position: ScenePoint
    /// Horizontal anchor.
    public var anchor: TextAnchor
    /// Vertical anchor.
    public var baseline: TextBaseline
    /// Rotation in degrees about the anchor position, clockwise on screen (-90 reads upwards).
    public var rotation: Double
    /// Wrap width in points; nil keeps the text on one line.
    public var wrapWidth: Double?
    /// Alignment of wrapped lines inside the wrap width.
    public var alignment: TextAnchor = .start
    /// Measured logical width (unrotated).
    public var width: Double
    /// Measured logical height (unrotated).
    public var height: Double
    /// Distance from the top of the logical box to the first baseline.
    public var ascent: Double

    /// Creates a text run; `width`, `height` and `ascent` are the measured logical box.
    public init(id: String, text: String, font: Font, color: Color, position: ScenePoint,
                anchor: TextAnchor = .start, baseline: TextBaseline = .top, rotation: Double = 0,
                wrapWidth: Double? = nil, width: Double, height: Double, ascent: Double) {
        self.id = id; self.text = text; self.font = font; self.color = color; self.position = position
        self.anchor = anchor; self.baseline = baseline; self.rotation = rotation; self.wrapWidth = wrapWidth
        self.width = width; self.height = height; self.ascent = ascent
    }

    /// Offset of the logical box's top-left corner from the anchor position, before rotation.
    public var topLeftOffset: (dx: Double, dy: Double) {
        let dx: Double
        switch anchor {
        case .start: dx = 0
        case .middle: dx = -width / 2
        case .end: dx = -width
        }
        let dy: Double
        switch baseline {
        case .top: dy = 0
        case .middle: dy = -height / 2
        case .alphabetic: dy = -ascent
        case .bottom: dy = -height
        }
        return (dx, dy)
    }

    /// The axis-aligned bounding box of the (possibly rotated) logical box.
    public var bounds: SceneRect {
        let (dx, dy) = topLeftOffset
        let corners = [(dx, dy), (dx + width, dy), (dx, dy + height), (dx + width, dy + height)]
        let angle = rotation * .pi / 180
        let c = cos(angle), s = sin(angle)
        let xs = corners.map { position.x + $0.0 * c - $0.1 * s }
        let ys = corners.map { position.y + $0.0 * s + $0.1 * c }
        let minX = xs.min() ?? 0, minY = ys.min() ?? 0
        return SceneRect(x: minX, y: minY, width: (xs.max() ?? 0) - minX, height: (ys.max() ?? 0) - minY)
    }
}

/// A group of items, optionally placed by a transform, clipped to a rectangle and painted
/// with a background (a chart placed on a page is its scene as such a group).
public struct SceneGroup: Sendable, Equatable {
    /// A semantic id (e.g. `panel/0/marks`).
    public var id: String
    /// Where the group's coordinates are placed in its parent's, if anywhere else; the clip,
    /// the background and the children are in the group's own coordinates.
    public var transform: SceneTransform?
    /// Clip rectangle, if any.
    public var clip: SceneRect?
    /// Colour painted over the whole clip before the children; nil for none.
    public var background: Color?
    /// The children, drawn in order.
    public var items: [SceneItem]
    /// Creates a group.
    public init(id: String, transform: SceneTransform? = nil, clip: SceneRect? = nil, background: Color? = nil,
                items: [SceneItem] = []) {
        self.id = id; self.transform = transform; self.clip = clip; self.background = background; self.items = items
    }
}

/// One element of a scene's display list.
public indirect enum SceneItem: Sendable, Equatable {
    /// A path.
    case path(ScenePath)
    /// A text run.
    case text(SceneText)
    /// A group of items.
    case group(SceneGroup)
    /// A run of markers drawn from a few symbols (a dense point layer).
    case markers(SceneMarkers)
    /// A paragraph laid out by the typesetter (the text of a report page).
    case textBlock(SceneTextBlock)

    /// The item's id.
    public var id: String {
        switch self {
        case .path(let p): return p.id
        case .text(let t): return t.id
        case .group(let g): return g.id
        case .markers(let m): return m.id
        case .textBlock(let b): return b.id
        }
    }
}

/// A renderer-neutral display list in points: what a chart compiles to, before any drawing.
public struct Scene: Sendable, Equatable {
    /// Width in points.
    public var width: Double
    /// Height in points.
    public var height: Double
    /// Background colour painted under everything; nil for transparent.
    public var background: Color?
    /// Short accessible title (SVG `<title>`, PDF title).
    public var title: String?
    /// Accessible description (SVG `<desc>`).
    public var summary: String?
    /// The display list, drawn in order.
    public var items: [SceneItem]

    /// Creates a scene.
    public init(width: Double, height: Double, background: Color? = .white, title: String? = nil,
                summary: String? = nil, items: [SceneItem] = []) {
        self.width = width; self.height = height; self.background = background
        self.title = title; self.summary = summary; self.items = items
    }

    /// Every text run, depth first.
    public var texts: [SceneText] { flattened.compactMap { if case .text(let t) = $0 { return t } else { return nil } } }
    /// Every path, depth first.
    public var paths: [ScenePath] { flattened.compactMap { if case .path(let p) = $0 { return p } else { return nil } } }
    /// Every marker run, depth first.
    public var markers: [SceneMarkers] { flattened.compactMap { if case .markers(let m) = $0 { return m } else { return nil } } }
    /// Every laid-out paragraph, depth first.
    public var textBlocks: [SceneTextBlock] { flattened.compactMap { if case .textBlock(let b) = $0 { return b } else { return nil } } }
    /// Every group, depth first.
    public var groups: [SceneGroup] { flattened.compactMap { if case .group(let g) = $0 { return g } else { return nil } } }

    /// All items, depth first (groups before their children).
    public var flattened: [SceneItem] {
        var collector = SceneItemCollector()
        collector.render(self)
        return collector.items
    }

    /// Items whose id starts with `prefix`, depth first.
    public func items(withPrefix prefix: String) -> [SceneItem] {
        flattened.filter { $0.id.hasPrefix(prefix) }
    }

    /// The scene as a group placed at `origin` and scaled by `scale`, clipped to its size and
    /// painted with its background: a chart placed on a page.
    public func placed(id: String, at origin: (x: Double, y: Double), scale: Double = 1) -> SceneGroup {
        SceneGroup(id: id, transform: SceneTransform(x: origin.x, y: origin.y, scale: scale),
                   clip: SceneRect(x: 0, y: 0, width: width, height: height), background: background, items: items)
    }

    /// A deterministic text dump with numbers rounded to 0.01, for structural tests.
    public func dump() -> String {
        var dumper = SceneDumper()
        dumper.render(self)
        return dumper.text
    }
}

func fmt(_ v: Double) -> String {
    NumberText.coordinate(v)
}

func fmt(_ r: SceneRect) -> String { "[\(fmt(r.x)) \(fmt(r.y)) \(fmt(r.width)) \(fmt(r.height))]" }

func fmt(_ s: PathSegment) -> String {
    switch s {
    case .move(let p): return "M\(fmt(p.x)),\(fmt(p.y))"
    case .line(let p): return "L\(fmt(p.x)),\(fmt(p.y))"
    case .curve(let a, let b, let c):
        return "C\(fmt(a.x)),\(fmt(a.y)) \(fmt(b.x)),\(fmt(b.y)) \(fmt(c.x)),\(fmt(c.y))"
    case .close: return "Z"
    case .rect(let r): return "R\(fmt(r))"
    case .circle(let c, let r): return "O\(fmt(c.x)),\(fmt(c.y)),\(fmt(r))"
    }
}

func hex(_ c: Color) -> String {
    func byte(_ v: Double) -> String {
        let s = String(Int((max(0, min(1, v)) * 255).rounded()), radix: 16, uppercase: true)
        return s.count == 1 ? "0" + s : s
    }
    var out = "#" + byte(c.red) + byte(c.green) + byte(c.blue)
    if c.alpha < 1 { out += byte(c.alpha) }
    return out
}
