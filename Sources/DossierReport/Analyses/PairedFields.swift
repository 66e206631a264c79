import DossierBase
import DossierData

/// `x`, `y`, and optionally `label` and `drop`, of the kinds that pair two numeric fields
/// (`correlation`, `permutation`, `regression`).
package struct PairedFields: KindFields {
    package var x: String
    package var y: String
    /// The field naming the units (countries) for `drop` and labels.
    package var label: String?
    /// Values of `label` to leave out (an influence check).
    package var drop: [String]?

    package static let keys = CodingKeys.allCases.map(\.rawValue)

    enum CodingKeys: String, CodingKey, CaseIterable { case x, y, label, drop }

    package init(from decoder: any Decoder, kind: String) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        x = try c.required(String.self, .x, kind: kind)
        y = try c.required(String.self, .y, kind: kind)
        label = try c.decodeIfPresent(String.self, forKey: .label)
        drop = try c.decodeIfPresent([String].self, forKey: .drop)
    }

    /// The rows where both fields hold a number (rows whose label is in `drop` left out), and
    /// how many rows missed one.
    func pairs(in table: Table, preparation: TablePreparation) throws(FormatFailure)
        -> (x: [Double], y: [Double], labels: [String], dropped: Int) {
        let xs = try preparation.numbers(x, in: table)
        let ys = try preparation.numbers(y, in: table)
        let labelColumn = try label.map { field throws(FormatFailure) in try preparation.keys(field, in: table) }
        var x: [Double] = [], y: [Double] = [], labels: [String] = []
        var dropped = 0
        for index in 0..<table.rowCount {
            let label = labelColumn?[index] ?? ""
            if let drop, drop.contains(label) { continue }
            if let a = xs[index], let b = ys[index] {
                x.append(a); y.append(b); labels.append(label)
            } else {
                dropped += 1
            }
        }
        return (x, y, labels, dropped)
    }
}
