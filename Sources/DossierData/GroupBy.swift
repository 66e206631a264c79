import DossierBase
import Foundation

extension Table {
    /// Groups rows by the values of `keys` and returns, per group, the key values and the row
    /// indices, in order of first appearance.
    public func groups(by keys: [String]) throws -> [(key: [Value], rows: [Int])] {
        let cols = try keys.map { try requireColumn($0) }
        return KeyGroups((0..<rowCount).lazy.map { r -> [Value]? in cols.map { $0[r] } }).groups.map { ($0.key, $0.positions) }
    }

    /// Group-by count: a table with the key columns plus an integer column `countName`,
    /// one row per distinct key (nulls form their own group), ordered by key ascending.
    public func countBy(_ keys: [String], countName: String = "count") throws -> Table {
        let gs = try groups(by: keys).sorted { a, b in
            for (x, y) in zip(a.key, b.key) where x != y { return x < y }
            return false
        }
        var fs: [Field] = []
        var cs: [Column] = []
        for (i, k) in keys.enumerated() {
            guard let f = field(named: k) else { throw TableError.unknownColumn(k, available: columnNames) }
            fs.append(Field(name: f.name, type: f.type, format: f.format, title: f.title))
            cs.append(Column.from(gs.map { $0.key[i] }, as: f.type))
        }
        fs.append(Field(name: countName, type: .integer))
        cs.append(.integer(gs.map { $0.rows.count }))
        return Table(name: name, fields: fs, columns: cs)
    }

    /// Group-by count as a dictionary from key values to row count.
    public func counts(by keys: [String]) throws -> [[Value]: Int] {
        var out: [[Value]: Int] = [:]
        for g in try groups(by: keys) { out[g.key] = g.rows.count }
        return out
    }
}
