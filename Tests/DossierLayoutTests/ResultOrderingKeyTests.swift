import Testing
@testable import DossierLayout
@testable import DossierReport

/// A table's rows are sorted by keys worked out once per row; the keys must order every
/// pair of values exactly as ``ResultOrdering/less(_:_:)`` does, which the sort used before.
@Suite struct ResultOrderingKeyTests {
    private let values: [ResultValue] = [
        .number(-1.5), .number(0), .number(-0.0), .number(2), .number(.infinity), .number(-.infinity), .number(.nan),
        .integer(-3), .integer(0), .integer(2), .integer(Int.max),
        .text(""), .text("Argentina"), .text("argentina"), .text("Brazil"), .text("10"), .text("São Tomé"), .text("e\u{301}"), .text("\u{e9}"),
        .boolean(true), .boolean(false),
        .interval(low: 0.1, high: 0.4, level: 0.95),
        .record([.init("k", .integer(1))]),
        .list([.integer(1), .text("a")]),
        .missing,
    ]

    @Test func everyPairIsOrderedAsLessOrdersIt() {
        for a in values {
            for b in values {
                #expect((ResultOrdering.Key(a) < ResultOrdering.Key(b)) == ResultOrdering.less(a, b),
                        "\(a) < \(b)")
            }
        }
    }

    @Test func aSortByKeysGivesTheOrderOfASortByLess() {
        for round in 0..<50 {
            // Columns of 40 values drawn with repeats (ties) in a different mix each round.
            let column = (0..<40).map { values[($0 * 7 + round * 11 + $0 * $0 * round) % values.count] }
            for descending in [false, true] {
                let byLess = Array(0..<column.count).enumerated().sorted { a, b in
                    let less = ResultOrdering.less(column[a.element], column[b.element])
                    let greater = ResultOrdering.less(column[b.element], column[a.element])
                    if less == greater { return a.offset < b.offset }
                    return descending ? greater : less
                }.map(\.element)
                let keys = column.map(ResultOrdering.Key.init)
                let byKeys = Array(0..<column.count).enumerated().sorted { a, b in
                    if keys[a.element] < keys[b.element] { return !descending }
                    if keys[b.element] < keys[a.element] { return descending }
                    return a.offset < b.offset
                }.map(\.element)
                #expect(byKeys == byLess)
            }
        }
    }
}
