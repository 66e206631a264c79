import CairoKit

/// Many round markers drawn in order from a few symbols: what a dense point layer compiles to
/// (see ``Compilation/denseMarkerThreshold``). Renderers that can reuse a shape write each
/// symbol once and place it by reference; the picture is that of one circle path per marker.
public struct SceneMarkers: Sendable, Equatable {
    /// A semantic id (e.g. `panel/layer0/points`).
    public var id: String
    /// The marker shapes.
    public var symbols: [MarkerSymbol]
    /// The centres, in drawing order.
    public var positions: [ScenePoint]
    /// Which symbol each marker uses; empty when every marker uses symbol 0.
    public var symbolIndices: [Int32]

    /// Creates a marker run; `symbolIndices` is empty or has one entry per position.
    public init(id: String, symbols: [MarkerSymbol], positions: [ScenePoint], symbolIndices: [Int32] = []) {
        self.id = id; self.symbols = symbols; self.positions = positions; self.symbolIndices = symbolIndices
    }

    /// The symbol of marker `index`.
    public func symbol(at index: Int) -> MarkerSymbol {
        symbols[symbolIndices.isEmpty ? 0 : Int(symbolIndices[index])]
    }

    /// Each marker as the circle path it stands for (ids `<id>/<index>`), for renderers that
    /// draw paths only.
    public var paths: [ScenePath] {
        positions.indices.map { index in
            let symbol = symbol(at: index)
            return ScenePath(id: "\(id)/\(index)", segments: [.circle(center: positions[index], radius: symbol.radius)],
                             fill: symbol.fill, stroke: symbol.stroke, lineWidth: symbol.lineWidth)
        }
    }

    /// The box holding every marker's ink (stroke included).
    public var bounds: SceneRect {
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        for index in positions.indices {
            let symbol = symbol(at: index)
            let reach = symbol.radius + (symbol.stroke == nil ? 0 : symbol.lineWidth / 2)
            let p = positions[index]
            minX = min(minX, p.x - reach); maxX = max(maxX, p.x + reach)
            minY = min(minY, p.y - reach); maxY = max(maxY, p.y + reach)
        }
        guard minX.isFinite else { return SceneRect(x: 0, y: 0, width: 0, height: 0) }
        return SceneRect(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
    }

    /// The centres, x and y interleaved, as ``DrawingContext/drawMarkers(_:positions:symbolIndices:)`` takes them.
    var interleavedPositions: [Double] {
        var out = [Double](repeating: 0, count: positions.count * 2)
        for (index, p) in positions.enumerated() {
            out[2 * index] = p.x
            out[2 * index + 1] = p.y
        }
        return out
    }
}
