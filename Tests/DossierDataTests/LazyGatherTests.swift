import Foundation
import Testing
@testable import DossierData

/// `Table.selecting(rows:)` and `Table.join` gather a column only when it is read
/// (`GatheredColumn`), and the cells are those an eager gather of every column gives.
@Suite struct LazyGatherTests {
    /// A table of every storage type with missing cells, `rows` long, from a fixed seed.
    private func table(rows: Int, seed: Int) -> Table {
        func pick(_ i: Int, _ salt: Int) -> Int { (i &* 2_654_435_761 &+ seed &* 97 &+ salt) % 1_000 }
        let ids = (0..<rows).map { i -> Int? in pick(i, 1) < 100 ? nil : i }
        let names = (0..<rows).map { i -> String? in pick(i, 2) < 150 ? nil : "n\(pick(i, 3) % 17)" }
        let amounts = (0..<rows).map { i -> Double? in pick(i, 4) < 80 ? nil : Double(pick(i, 5)) / 8 }
        let flags = (0..<rows).map { i -> Bool? in pick(i, 6) < 50 ? nil : pick(i, 7) % 2 == 0 }
        let dates = (0..<rows).map { i -> CivilDate? in
            pick(i, 8) < 60 ? nil : CivilDate(year: 2000 + pick(i, 9) % 20, month: 1 + pick(i, 10) % 12, day: 1 + pick(i, 11) % 28)
        }
        return Table(
            name: "t",
            fields: [Field(name: "id", type: .integer), Field(name: "name", type: .string), Field(name: "amount", type: .number),
                     Field(name: "flag", type: .boolean), Field(name: "day", type: .date)],
            columns: [.integer(ids), .string(names), .number(amounts), .boolean(flags), .date(dates)],
            sourceLines: (0..<rows).map { $0 + 2 })
    }

    /// The columns `table` would have had if every selection had gathered every column at once.
    private func eager(_ columns: [Column], _ rows: [Int]) -> [Column] { columns.map { $0.gather(rows) } }

    /// The number of columns of `table` still waiting to be gathered.
    private func ungathered(_ table: Table) -> Int {
        table.storage.filter { if case .gathered(let g) = $0 { return g.gathered == nil } else { return false } }.count
    }

    @Test func aSelectionGathersOnlyTheColumnsRead() {
        let base = table(rows: 200, seed: 1)
        let kept = base.selecting(rows: Array(stride(from: 0, to: 200, by: 3)))
        #expect(ungathered(kept) == 5)
        _ = kept.column(named: "amount")
        #expect(ungathered(kept) == 4)
        #expect(kept.column(named: "amount") == base.columns[2].gather(Array(stride(from: 0, to: 200, by: 3))))
    }

    @Test func selectionsOfSelectionsGiveTheEagerCells() {
        let base = table(rows: 300, seed: 2)
        let first = (0..<300).filter { $0 % 4 != 1 }
        let second = Array((0..<first.count).reversed().filter { $0 % 3 == 0 }) + [0, 0, 5]
        let third = Array(0..<second.count).filter { $0 % 2 == 0 }
        let a = base.selecting(rows: first)
        // Read one column of the first selection so the next selection starts from a gathered
        // column for it and from the base for the others.
        _ = a.column(named: "name")
        let b = a.selecting(rows: second)
        let c = b.selecting(rows: third)
        let expectedB = eager(eager(base.columns, first), second)
        #expect(b.columns == expectedB)
        #expect(c.columns == eager(expectedB, third))
        #expect(c.rowCount == third.count)
        #expect(c.sourceLines == third.map { b.sourceLines[$0] })
        #expect(b.sourceLines == second.map { first[$0] + 2 })
    }

    @Test func anEmptySelectionKeepsTheTypes() {
        let base = table(rows: 20, seed: 3)
        let none = base.selecting(rows: [])
        #expect(none.rowCount == 0)
        #expect(none.columns == eager(base.columns, []))
    }

    @Test func aLeftJoinOfASelectionGivesTheEagerCells() throws {
        let left = table(rows: 120, seed: 4)
        let keys = Table(name: "names", fields: [Field(name: "name", type: .string), Field(name: "label", type: .string),
                                                 Field(name: "weight", type: .number)],
                         columns: [.string((0..<12).map { "n\($0)" }), .string((0..<12).map { "Label \($0)" }),
                                   .number((0..<12).map { $0 % 5 == 0 ? nil : Double($0) })])
        let rows = (0..<120).filter { $0 % 5 != 2 }
        let selected = left.selecting(rows: rows)
        let rightSelected = keys.selecting(rows: Array((0..<12).reversed()))
        let joined = try selected.join(rightSelected, on: ["name"], otherOn: ["name"], kind: .left)
        // The eager join: every row of the selection with the row of the name, missing otherwise.
        let names = left.columns[1].gather(rows).strings ?? []
        let labelOf = Dictionary(uniqueKeysWithValues: (0..<12).map { ("n\($0)", $0) })
        let match: [Int?] = names.map { $0.flatMap { labelOf[$0] } }
        #expect(joined.rowCount == rows.count)
        #expect(Array(joined.columns.prefix(5)) == eager(left.columns, rows))
        #expect(joined.columns[5] == keys.columns[1].gather(match))
        #expect(joined.columns[6] == keys.columns[2].gather(match))
        #expect(joined.sourceLines == rows.map { $0 + 2 })
        // A selection of the joined table composes the right side's missing cells too.
        let later = joined.selecting(rows: [0, 1, 2, 3, 4, 5, 6, 7].filter { $0 < joined.rowCount })
        #expect(later.columns[6] == joined.columns[6].gather(Array(0..<later.rowCount)))
    }

    @Test func anInnerJoinGathersOnlyWhatIsRead() throws {
        let left = table(rows: 60, seed: 5)
        let keys = Table(name: "names", fields: [Field(name: "name", type: .string), Field(name: "label", type: .string)],
                         columns: [.string((0..<17).map { "n\($0)" }), .string((0..<17).map { "L\($0)" })])
        let joined = try left.join(keys, on: ["name"], kind: .inner)
        // Matching read the key columns of the two tables; no column of the result was gathered.
        #expect(ungathered(joined) == 6)
        #expect(joined.column(named: "label")?.strings == joined.column(named: "name")?.strings?.map { $0.map { "L" + $0.dropFirst() } })
    }

    @Test func readsFromTwoThreadsAgree() async {
        let base = table(rows: 5_000, seed: 6)
        let rows = (0..<5_000).filter { $0 % 7 != 0 }
        let kept = base.selecting(rows: rows)
        async let one = kept.columns
        async let two = kept.columns
        let (a, b) = await (one, two)
        #expect(a == b)
        #expect(a == eager(base.columns, rows))
    }
}
