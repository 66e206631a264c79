import Foundation
import Testing
@testable import DossierData

/// A join on one key (hashed as a `Value`) and on several keys (hashed as `[Value]`) match the
/// rows a nested loop over both tables matches: equal non-missing values, every right match in
/// right-row order, unmatched left rows kept (missing right cells) only by a left join.
@Suite struct JoinKeyTests {
    /// The (left row, right row) pairs of a nested loop.
    private func reference(_ left: [[Value]], _ right: [[Value]], kind: JoinKind) -> [(Int, Int?)] {
        var pairs: [(Int, Int?)] = []
        for (l, lk) in left.enumerated() {
            let matches = lk.contains(where: \.isNull) ? [] : right.indices.filter { right[$0] == lk }
            if matches.isEmpty {
                if kind == .left { pairs.append((l, nil)) }
            } else {
                pairs += matches.map { (l, $0) }
            }
        }
        return pairs
    }

    private let leftKeys: Column = .string(["a", "b", nil, "a", "c", "d", "b"])
    private let leftNumbers: Column = .integer([1, 2, 3, 1, nil, 4, 2])
    private let rightKeys: Column = .string(["b", "a", "b", nil, "c", "e"])
    private let rightNumbers: Column = .integer([2, 1, 5, 3, nil, 4])

    private func tables() -> (Table, Table) {
        let left = Table(name: "l", fields: [Field(name: "k", type: .string), Field(name: "n", type: .integer),
                                             Field(name: "row", type: .integer)],
                         columns: [leftKeys, leftNumbers, .integer(Array(0..<7))])
        let right = Table(name: "r", fields: [Field(name: "k", type: .string), Field(name: "n", type: .integer),
                                              Field(name: "at", type: .integer)],
                          columns: [rightKeys, rightNumbers, .integer(Array(0..<6))])
        return (left, right)
    }

    @Test(arguments: [JoinKind.inner, .left])
    func oneKey(kind: JoinKind) throws {
        let (left, right) = tables()
        let joined = try left.join(right, on: ["k"], kind: kind)
        let expected = reference(leftKeys.values.map { [$0] }, rightKeys.values.map { [$0] }, kind: kind)
        #expect(joined.column(named: "row")?.integers == expected.map { $0.0 })
        #expect(joined.column(named: "at")?.integers == expected.map { $0.1 })
    }

    @Test(arguments: [JoinKind.inner, .left])
    func twoKeys(kind: JoinKind) throws {
        let (left, right) = tables()
        let joined = try left.join(right, on: ["k", "n"], kind: kind)
        let expected = reference(zip(leftKeys.values, leftNumbers.values).map { [$0, $1] },
                                 zip(rightKeys.values, rightNumbers.values).map { [$0, $1] }, kind: kind)
        #expect(joined.column(named: "row")?.integers == expected.map { $0.0 })
        #expect(joined.column(named: "at")?.integers == expected.map { $0.1 })
    }

    @Test func anIntegerKeyDoesNotMatchTheSameNumberAsText() throws {
        let left = Table(name: "l", fields: [Field(name: "k", type: .integer)], columns: [.integer([1, 2])])
        let right = Table(name: "r", fields: [Field(name: "k", type: .string), Field(name: "v", type: .string)],
                          columns: [.string(["1", "2"]), .string(["x", "y"])])
        let joined = try left.join(right, on: ["k"], kind: .left)
        #expect(joined.rowCount == 2)
        #expect(joined.column(named: "v")?.strings == [nil, nil])
    }
}
