import Foundation
import Testing
@testable import DossierData

/// Property-style round trips: random tables → quoted CSV → parse back → same values.
@Suite struct RoundTripTests {
    static let pieces = ["a", "Z", "0", " ", ",", "\"", "\n", "\r\n", "é", "北京", "–", "😀", ";", "''", "x y"]

    static func randomString(_ rng: inout SplitMix64) -> String {
        let n = Int.random(in: 0...6, using: &rng)
        return (0..<n).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &rng)] }.joined()
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func stringsRoundTripThroughTokenizer(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let cols = Int.random(in: 1...5, using: &rng)
        let rows = Int.random(in: 1...60, using: &rng)
        let table = (0..<rows).map { _ in (0..<cols).map { _ in Self.randomString(&rng) } }
        let newline = Bool.random(using: &rng) ? "\r\n" : "\n"
        let forceQuotes = Bool.random(using: &rng)
        var text = table.map { $0.map { quoteCSV($0, force: forceQuotes) }.joined(separator: ",") }.joined(separator: newline)
        if Bool.random(using: &rng) { text += newline }
        let chunk = Int.random(in: 1...64, using: &rng)
        let parsed = try tokenize(Array(text.utf8), chunkSize: chunk)
        #expect(parsed.errors.isEmpty)
        #expect(parsed.records == table)
    }

    @Test(arguments: [11, 12, 13, 14, 15] as [UInt64])
    func typedTablesRoundTripThroughLoader(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let n = Int.random(in: 0...300, using: &rng)
        var ints: [Int?] = [], nums: [Double?] = [], bools: [Bool?] = [], dates: [CivilDate?] = [], strs: [String?] = []
        for i in 0..<n {
            let missing = Int.random(in: 0..<10, using: &rng) == 0
            ints.append(i)  // primary key, never missing
            nums.append(missing ? nil : Double(Int.random(in: -1_000_000...1_000_000, using: &rng)) / 100)
            bools.append(missing ? nil : Bool.random(using: &rng))
            dates.append(missing ? nil : CivilDate(year: Int.random(in: 1900...2100, using: &rng),
                                                  month: Int.random(in: 1...12, using: &rng),
                                                  day: Int.random(in: 1...28, using: &rng)))
            let s = Self.randomString(&rng)
            strs.append(s.isEmpty || missing ? nil : s)
        }
        var csv = "id,amount,flag,day,text\n"
        for i in 0..<n {
            var cells: [String] = []
            cells.append(ints[i].map { String($0) } ?? "")
            cells.append(nums[i].map { "\($0)" } ?? "")
            cells.append(bools[i].map { $0 ? "true" : "false" } ?? "")
            cells.append(dates[i]?.description ?? "")
            cells.append(strs[i].map { quoteCSV($0) } ?? "")
            csv += cells.joined(separator: ",") + "\n"
        }
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let descriptor = """
            {"resources": [{"name": "r", "path": "r.csv", "schema": {"primaryKey": "id", "fields": [
              {"name": "id", "type": "integer"}, {"name": "amount", "type": "number"},
              {"name": "flag", "type": "boolean"}, {"name": "day", "type": "date"},
              {"name": "text", "type": "string"}]}}]}
            """
        try Data(descriptor.utf8).write(to: dir.appendingPathComponent("datapackage.json"))
        try Data(csv.utf8).write(to: dir.appendingPathComponent("r.csv"))
        let t = try DataPackage.load(from: dir.appendingPathComponent("datapackage.json")).requireTable("r")
        #expect(t.rowCount == n)
        #expect(t.column(named: "id") == .integer(ints))
        #expect(t.column(named: "amount") == .number(nums))
        #expect(t.column(named: "flag") == .boolean(bools))
        #expect(t.column(named: "day") == .date(dates))
        #expect(t.column(named: "text") == .string(strs))
    }
}

/// Large enough for the loader's two-thread column conversion (batches of ≥ 2048 rows).
@Suite struct LargeTableTests {
    @Test func parallelConversionKeepsValuesAndDiagnosticOrder() throws {
        var rng = SplitMix64(seed: 99)
        let n = 20_000
        var csv = "id,name,amount,day\n"
        var names: [String?] = []
        var amounts: [Double?] = []
        var badLines: [Int] = []
        for i in 0..<n {
            let name = RoundTripTests.randomString(&rng)
            names.append(name.isEmpty ? nil : name)
            let amount = Double(Int.random(in: 0...100_000, using: &rng)) / 4
            let bad = i % 997 == 5
            amounts.append(bad ? nil : amount)
            if bad { badLines.append(0) }
            csv += "\(i),\(quoteCSV(name)),\(bad ? "x\(i)" : "\(amount)"),2024-01-0\(1 + i % 9)\n"
        }
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("""
            {"resources": [{"name": "r", "path": "r.csv", "schema": {"fields": [
              {"name": "id", "type": "integer"}, {"name": "name", "type": "string"},
              {"name": "amount", "type": "number"}, {"name": "day", "type": "date"}]}}]}
            """.utf8).write(to: dir.appendingPathComponent("datapackage.json"))
        try Data(csv.utf8).write(to: dir.appendingPathComponent("r.csv"))
        let v = DataPackage.validate(at: dir.appendingPathComponent("datapackage.json"), errorCap: 1000)
        let failure = try #require(v.failure)
        #expect(failure.diagnostics.count == badLines.count)
        let lines = failure.diagnostics.compactMap(\.line)
        #expect(lines == lines.sorted())
        #expect(failure.diagnostics.allSatisfy { $0.column == 3 && $0.code == .typeError })

        // Same file with the bad cells blanked out loads, with every value intact.
        let fixed = csv.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard let r = line.range(of: #",x\d+,"#, options: .regularExpression) else { return String(line) }
            return line.replacingCharacters(in: r, with: ",,")
        }.joined(separator: "\n")
        try Data(fixed.utf8).write(to: dir.appendingPathComponent("r.csv"))
        let t = try DataPackage.load(from: dir.appendingPathComponent("datapackage.json")).requireTable("r")
        #expect(t.rowCount == n)
        #expect(t.column(named: "name") == .string(names))
        #expect(t.column(named: "amount") == .number(amounts))
        #expect(t.column(named: "id")?.integers == (0..<n).map { Optional($0) })
    }
}
