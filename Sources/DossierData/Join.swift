import Foundation

/// Kind of join.
public enum JoinKind: Sendable, Hashable {
    /// Only rows with a match on both sides.
    case inner
    /// Every left row; right columns missing where there is no match.
    case left
}

extension Table {
    /// Joins `other` on equal key values (`on` fields of this table against `otherOn` fields of
    /// `other`, defaulting to the same names). Rows with a missing key never match.
    /// The result has this table's columns, then `other`'s non-key columns; a name that
    /// already exists is prefixed with `"<other.name>."`. A left row matching several right
    /// rows appears once per match, in right-row order.
    public func join(_ other: Table, on keys: [String], otherOn otherKeys: [String]? = nil,
                     kind: JoinKind = .inner) throws -> Table {
        let rkeys = otherKeys ?? keys
        guard keys.count == rkeys.count else { throw TableError.keyCountMismatch(left: keys.count, right: rkeys.count) }
        let lcols = try keys.map { try requireColumn($0) }
        let rcols = try rkeys.map { try other.requireColumn($0) }
        var leftRows: [Int] = []
        var rightRows: [Int?] = []
        /// Appends the matches of left row `l` (`matches` nil: none).
        func add(_ l: Int, _ matches: [Int]?) {
            if let matches {
                for r in matches { leftRows.append(l); rightRows.append(r) }
            } else if kind == .left {
                leftRows.append(l)
                rightRows.append(nil)
            }
        }
        if lcols.count == 1 {
            // One key (the usual join): its values are the keys themselves, not one-element
            // arrays made and hashed for every row (the same matches: [Value] equality is its
            // elements').
            let (lcol, rcol) = (lcols[0], rcols[0])
            var index: [Value: [Int]] = [:]
            for r in 0..<other.rowCount {
                let k = rcol[r]
                if k.isNull { continue }
                index[k, default: []].append(r)
            }
            for l in 0..<rowCount {
                let k = lcol[l]
                add(l, k.isNull ? nil : index[k])
            }
        } else {
            var index: [[Value]: [Int]] = [:]
            for r in 0..<other.rowCount {
                let k = rcols.map { $0[r] }
                if k.contains(where: \.isNull) { continue }
                index[k, default: []].append(r)
            }
            for l in 0..<rowCount {
                let k = lcols.map { $0[l] }
                add(l, k.contains(where: \.isNull) ? nil : index[k])
            }
        }
        var fs = fields
        let left = RowSelection(rows: leftRows), right = RowSelection(optionalRows: rightRows)
        var composed: [ObjectIdentifier: RowSelection] = [:]
        var cs = storage.map { $0.selecting(left, composed: &composed) }
        composed = [:]
        let taken = Set(columnNames)
        for (i, f) in other.fields.enumerated() where !rkeys.contains(f.name) {
            var g = f
            if taken.contains(f.name) { g.name = "\(other.name).\(f.name)" }
            if kind == .left { g.constraints.required = false }
            fs.append(g)
            cs.append(other.storage[i].selecting(right, composed: &composed))
        }
        return Table(name: name, fields: fs, storage: cs,
                     sourceLines: sourceLines.isEmpty ? [] : leftRows.map { sourceLines[$0] })
    }
}
