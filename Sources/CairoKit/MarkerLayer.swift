import DossierBase

/// A run of markers drawn on an SVG surface (or an ``SVGCanvas``), kept until ``Surface/finish(svgTitle:svgDescription:)``
/// writes each marker once and places it by reference (see `docs/dense-markers.md`).
///
/// Everything is in device space (points, y down, the page's own coordinates), so the
/// references need no transform of their own.
struct MarkerLayer {
    /// The layer's number on its surface, written into the placeholder's colour.
    let serial: Int
    /// The symbols, scaled to device units.
    let symbols: [MarkerSymbol]
    /// Device-space centres, x and y interleaved.
    let positions: [Double]
    /// Which symbol each marker uses; empty when there is one symbol.
    let symbolIndices: [Int32]
    /// Each symbol's outline as SVG path data around the origin, as Cairo draws the circle.
    let outlines: [String]

    /// The placeholder colour's red and green; blue carries the serial (serial / 1000).
    static let sentinelRed = 0.123457
    static let sentinelGreen = 0.654321
    /// More layers than this on one surface are drawn as individual paths.
    static let maximumSerial = 999

    /// The placeholder colour for layer `serial`.
    static func sentinel(_ serial: Int) -> Color {
        Color(red: sentinelRed, green: sentinelGreen, blue: Double(serial) / 1000)
    }

    /// The number of markers.
    var count: Int { positions.count / 2 }

    /// The symbol index of marker `i`.
    func symbol(_ i: Int) -> Int { symbolIndices.isEmpty ? 0 : Int(symbolIndices[i]) }
}
