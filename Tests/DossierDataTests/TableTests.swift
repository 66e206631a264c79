import Foundation
import Testing
@testable import DossierData

private func sampleTables() -> (cases: Table, countries: Table) {
    let cases = Table(
        name: "cases",
        fields: [Field(name: "id", type: .integer), Field(name: "country", type: .string),
                 Field(name: "outcome", type: .string), Field(name: "amount", type: .number)],
        columns: [.integer([1, 2, 3, 4, 5]), .string(["ARG", "BRA", "ARG", "PER", nil]),
                  .string(["deal", "explor", "deal", "deal", "stalled"]), .number([1.5, nil, 3, 10, 0])],
        sourceLines: [2, 3, 4, 5, 6])
    let countries = Table(
        name: "countries",
        fields: [Field(name: "code", type: .string), Field(name: "name", type: .string)],
        columns: [.string(["ARG", "BRA", "CHL"]), .string(["Argentina", "Brazil", "Chile"])])
    return (cases, countries)
}

@Suite struct TableTests {
    @Test func columnsAndRows() throws {
        let (t, _) = sampleTables()
        #expect(t.rowCount == 5)
        #expect(t.columnNames == ["id", "country", "outcome", "amount"])
        #expect(t.column(named: "id")?.integers == [1, 2, 3, 4, 5])
        #expect(t.column(named: "amount")?.doubles == [1.5, nil, 3, 10, 0])
        #expect(t.column(named: "nope") == nil)
        #expect(t.row(1)["country"] == .string("BRA"))
        #expect(t.row(4).sourceLine == 6)
        #expect(throws: TableError.self) { try t.requireColumn("contry") }
        #expect("\(TableError.unknownColumn("contry", available: t.columnNames))".contains("did you mean \"country\"?"))
    }

    @Test func filter() throws {
        let (t, _) = sampleTables()
        let deals = t.filter { $0["outcome"] == .string("deal") }
        #expect(deals.rowCount == 3)
        #expect(deals.column(named: "id")?.integers == [1, 3, 4])
        #expect(deals.sourceLines == [2, 4, 5])
        #expect(try t.filter("country", equals: .string("ARG")).rowCount == 2)
    }

    @Test func countBy() throws {
        let (t, _) = sampleTables()
        let c = try t.countBy(["outcome"])
        #expect(c.columnNames == ["outcome", "count"])
        #expect(c.column(named: "outcome")?.strings == ["deal", "explor", "stalled"])
        #expect(c.column(named: "count")?.integers == [3, 1, 1])
        let byCountry = try t.counts(by: ["country"])
        #expect(byCountry[[.string("ARG")]] == 2)
        #expect(byCountry[[.null]] == 1)
    }

    @Test func innerJoin() throws {
        let (t, countries) = sampleTables()
        let j = try t.join(countries, on: ["country"], otherOn: ["code"])
        #expect(j.rowCount == 3)
        #expect(j.columnNames == ["id", "country", "outcome", "amount", "name"])
        #expect(j.column(named: "name")?.strings == ["Argentina", "Brazil", "Argentina"])
    }

    @Test func leftJoin() throws {
        let (t, countries) = sampleTables()
        let j = try t.join(countries, on: ["country"], otherOn: ["code"], kind: .left)
        #expect(j.rowCount == 5)
        #expect(j.column(named: "name")?.strings == ["Argentina", "Brazil", "Argentina", nil, nil])
        #expect(j.sourceLines == [2, 3, 4, 5, 6])
    }

    @Test func joinRenamesCollidingColumns() throws {
        let a = Table(name: "a", fields: [Field(name: "k", type: .integer), Field(name: "v", type: .string)],
                      columns: [.integer([1, 2]), .string(["x", "y"])])
        let b = Table(name: "b", fields: [Field(name: "k", type: .integer), Field(name: "v", type: .string)],
                      columns: [.integer([2, 2]), .string(["p", "q"])])
        let j = try a.join(b, on: ["k"])
        #expect(j.columnNames == ["k", "v", "b.v"])
        #expect(j.column(named: "b.v")?.strings == ["p", "q"])
        #expect(throws: TableError.self) { try a.join(b, on: ["k"], otherOn: ["k", "v"]) }
    }

    @Test func sorted() throws {
        let (t, _) = sampleTables()
        let s = try t.sorted(by: ["amount"], descending: true)
        #expect(s.column(named: "id")?.integers == [4, 3, 1, 5, 2])
    }

    @Test func valueOrdering() {
        #expect(Value.null < .integer(0))
        #expect(Value.integer(2) < .number(2.5))
        #expect(Value.string("a") < .string("b"))
        #expect(Value.number(3).description == "3")
    }

    @Test func loadsPackageFromDisk() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let descriptor = """
            {"resources": [{"name": "t", "path": "t.csv", "schema": {"fields": [
              {"name": "id", "type": "integer"}, {"name": "d", "type": "date"}, {"name": "ok", "type": "boolean"}],
              "primaryKey": "id"}}]}
            """
        try Data(descriptor.utf8).write(to: dir.appendingPathComponent("datapackage.json"))
        try Data("id,d,ok\n1,2024-01-02,true\n2,,0\n".utf8).write(to: dir.appendingPathComponent("t.csv"))
        let p = try DataPackage.load(from: dir.appendingPathComponent("datapackage.json"))
        let t = try p.requireTable("t")
        #expect(t.column(named: "d")?.dates == [CivilDate(year: 2024, month: 1, day: 2), nil])
        #expect(t.column(named: "ok")?.booleans == [true, false])
        #expect(p.files.map(\.lastPathComponent) == ["datapackage.json", "t.csv"])
        #expect(throws: DiagnosticError.self) { try p.requireTable("x") }
    }

    @Test func errorCapAndMoreErrors() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(#"{"resources": [{"name": "t", "path": "t.csv", "schema": {"fields": [{"name": "n", "type": "integer"}]}}]}"#.utf8)
            .write(to: dir.appendingPathComponent("datapackage.json"))
        try Data(("n\n" + String(repeating: "x\n", count: 250)).utf8).write(to: dir.appendingPathComponent("t.csv"))
        let v = DataPackage.validate(at: dir.appendingPathComponent("datapackage.json"), errorCap: 100)
        let failure = try #require(v.failure)
        #expect(failure.diagnostics.count == 100)
        #expect(failure.omittedCount == 150)
        #expect(failure.errorCount == 250)
        #expect(failure.diagnostics.first?.line == 2)
        #expect(failure.description.hasSuffix("… 150 more errors not shown\n250 errors found"))
    }

    @Test func missingDescriptorIsFileNotFound() {
        let v = DataPackage.validate(at: URL(fileURLWithPath: "/nonexistent/datapackage.json"))
        #expect(v.failure?.isFileNotFound == true)
        #expect(v.files.isEmpty)
    }
}
