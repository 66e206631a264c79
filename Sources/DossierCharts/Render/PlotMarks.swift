import Foundation

/// What a scene draws in data terms: per plot area (a facet panel, a view), its marks with
/// every position a fraction of the plot's width (x) or height (y, downwards). Axes, legends,
/// titles, gridlines and Dossier's extensions (annotations, totals, point labels) are left
/// out. This is what the Vega-Lite gallery test compares with vl-convert's scenegraph
/// (scripts/vega_lite_reference.py writes the same terms), so styling — colours, stroke
/// widths, fonts, symbol sizes, band padding — does not enter.
///
/// A plot area is a group whose id ends in `/marks` and that clips (``Compilation`` emits
/// `panel/<n>/marks`, clipped to the panel); its marks are the items whose ids read
/// `<panel>/layer<k>/<mark>/…`, inside that group or beside it (points and text are drawn
/// unclipped).
package struct PlotMarks: Sendable, Equatable {
    /// One plot area and its marks.
    package struct Cell: Sendable, Equatable {
        /// The plot area in scene coordinates.
        package var plot: SceneRect
        /// The marks, in drawing order of their first item.
        package var marks: [Mark]
    }

    /// The items of one layer's mark of one kind (or one line or area series).
    package struct Mark: Sendable, Equatable {
        /// `rect`, `point`, `text`, `rule`, `line`, `area`, `arc` or `shape` (as in the reference fixtures).
        package var kind: String
        /// The id of the first item (`panel/0/layer1/bar/…`), for messages.
        package var id: String
        /// Flat kinds: one entry per item — `[x0, y0, x1, y1]` (rect, rule, arc, shape) or
        /// `[x, y]` (point, text). Line: one entry, the series' vertices `[x, y]` flattened
        /// with NaN pairs where the line breaks. Area: one entry, `[x, yTop, yBottom]` per vertex, flattened.
        package var items: [[Double]]
    }

    /// The plot areas in scene order.
    package var cells: [Cell]

    /// The scene's plot areas and marks.
    package init(_ scene: Scene) {
        var cells: [Cell] = []
        var prefixes: [String] = []
        for group in scene.groups where group.id.hasSuffix("/marks") {
            guard let clip = group.clip, clip.width > 0, clip.height > 0 else { continue }
            cells.append(Cell(plot: clip, marks: []))
            prefixes.append(String(group.id.dropLast("/marks".count)))
        }
        var keys: [[String]] = Array(repeating: [], count: cells.count)
        for item in scene.flattened {
            guard let (prefix, layer, name) = Self.markID(item.id), let cell = prefixes.firstIndex(of: prefix),
                  let kind = Self.kind(of: name) else { continue }
            let rect = cells[cell].plot
            for (key, entry) in Self.entries(of: item, kind: kind, in: rect) {
                let groupKey = kind == "line" || kind == "area" ? item.id : "\(layer)/\(kind)"
                if let index = keys[cell].firstIndex(of: groupKey) {
                    cells[cell].marks[index].items.append(entry)
                } else {
                    keys[cell].append(groupKey)
                    cells[cell].marks.append(Mark(kind: key, id: item.id, items: [entry]))
                }
            }
        }
        self.cells = cells
    }

    /// `(panel prefix, "layer<k>", mark name)` of an id such as `panel/0/layer1/bar/Brazil`.
    static func markID(_ id: String) -> (String, String, String)? {
        let parts = id.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard let index = parts.lastIndex(where: { $0.hasPrefix("layer") && Int($0.dropFirst(5)) != nil }),
              index > 0, index + 1 < parts.count else { return nil }
        return (parts[..<index].joined(separator: "/"), parts[index], parts[index + 1])
    }

    /// The reference kind of a mark name in Dossier's item ids; nil for Dossier's extensions.
    static func kind(of name: String) -> String? {
        switch name {
        case "bar", "rect", "tick", "image": return "rect"
        case "point", "points", "circle", "square", "symbol": return "point"
        case "text": return "text"
        case "rule": return "rule"
        case "line", "trail": return "line"
        case "area": return "area"
        case "arc": return "arc"
        case "geoshape", "shape": return "shape"
        default: return nil
        }
    }

    /// The entries one item adds, each with its kind, in fractions of `rect`.
    static func entries(of item: SceneItem, kind: String, in rect: SceneRect) -> [(String, [Double])] {
        func fx(_ x: Double) -> Double { (x - rect.x) / rect.width }
        func fy(_ y: Double) -> Double { (y - rect.y) / rect.height }
        func box(_ b: SceneRect) -> [Double] { [fx(b.x), fy(b.y), fx(b.maxX), fy(b.maxY)] }
        switch item {
        case .group, .textBlock: return []
        case .text(let t): return [("text", [fx(t.position.x), fy(t.position.y)])]
        case .markers(let m): return m.positions.map { ("point", [fx($0.x), fy($0.y)]) }
        case .path(let p):
            switch kind {
            case "point":
                if case .circle(let c, _)? = p.segments.first { return [("point", [fx(c.x), fy(c.y)])] }
                let b = p.bounds
                return [("point", [fx(b.x + b.width / 2), fy(b.y + b.height / 2)])]
            case "rule":
                return segments(p).compactMap { run in
                    guard let a = run.first, let b = run.last else { return nil }
                    let (s, e) = (fx(a.x), fy(a.y)) <= (fx(b.x), fy(b.y)) ? (a, b) : (b, a)
                    return ("rule", [fx(s.x), fy(s.y), fx(e.x), fy(e.y)])
                }
            case "line":
                var flat: [Double] = []
                for run in segments(p) {
                    if !flat.isEmpty { flat += [.nan, .nan] }
                    for v in run { flat += [fx(v.x), fy(v.y)] }
                }
                return [("line", flat)]
            case "area":
                let ring = segments(p).first ?? []
                let half = ring.count / 2
                var flat: [Double] = []
                for i in 0..<half {
                    let top = ring[i], bottom = ring[ring.count - 1 - i]
                    flat += [fx(top.x), min(fy(top.y), fy(bottom.y)), max(fy(top.y), fy(bottom.y))]
                }
                return [("area", flat)]
            default:
                return [(kind, box(p.tightBounds))]
            }
        }
    }

    /// The path's sub-paths as vertex lists (curve end points; rectangles and circles left out).
    static func segments(_ p: ScenePath) -> [[ScenePoint]] {
        var runs: [[ScenePoint]] = []
        for segment in p.segments {
            switch segment {
            case .move(let v): runs.append([v])
            case .line(let v), .curve(_, _, let v):
                if runs.isEmpty { runs.append([]) }
                runs[runs.count - 1].append(v)
            case .close, .rect, .circle: break
            }
        }
        return runs
    }
}
