import DossierBase

/// A scale's `scheme` as an object: `{name, extent, count}` (Vega-Lite).
struct SchemeObject: Decodable {
    var name: String
    var extent: [Double]?
    var count: Int?

    private enum CodingKeys: String, CodingKey, CaseIterable { case name, extent, count }

    init(from decoder: any Decoder) throws {
        let c = try decoder.checkedContainer(keyedBy: CodingKeys.self, what: "a scheme")
        name = try c.decode(String.self, forKey: .name)
        extent = try c.decodeIfPresent([Double].self, forKey: .extent)
        if let extent, extent.count != 2 || !extent.allSatisfy({ (0...1).contains($0) }) {
            throw c.failure(.extent, "extent has \(extent.count) values, expected [start, end] with both from 0 to 1")
        }
        count = try c.decodeWholeNumber(.count, NumberRule(name: "count", min: 2, max: Double(ChartLimits.colorCategories), unit: ""))
    }
}
