@testable import DossierBuild
import DossierData
import DossierReport
import Foundation
import Testing

/// An analysis result found again by the rows it reads (``PreparedRowsKey``): an edit of a
/// column no analysis names reruns none, an edit of a column one reads changes its key, and
/// every build is the bytes of a build without a cache.
@Suite struct PreparedRowsKeyTests {
    /// The Anscombe report whose data has a fifth column, `note`, that no analysis names.
    static func withNotes() throws -> AnscombeProject {
        let project = try AnscombeProject.lineOnly()
        try project.edit("data/datapackage.json", replacing: """
                        "description": "The y value, to two decimals as published",
                        "constraints": {"required": true}
                      }
            """, with: """
                        "description": "The y value, to two decimals as published",
                        "constraints": {"required": true}
                      },
                      {"name": "note", "type": "string"}
            """)
        let csv = project.report.appendingPathComponent("data/anscombe.csv")
        let lines = try String(contentsOf: csv, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let noted = lines.enumerated().map { index, line in
            line.isEmpty ? "" : index == 0 ? line + ",note" : line + ",row \(index)"
        }
        try noted.joined(separator: "\n").write(to: csv, atomically: true, encoding: .utf8)
        // A sensitivity analysis: its rows are its variants'.
        try project.edit("report.md", replacing: "  - {id: fit_all, kind: regression, table: anscombe, x: x, y: y}\n", with: """
              - {id: fit_all, kind: regression, table: anscombe, x: x, y: y}
              - id: fit_I_sensitivity
                kind: sensitivity
                of: fit_I
                report: slope
                variants:
                  - {name: "All of set I"}
                  - {name: "Without observation 3", label: observation, drop: ["3"]}

            """)
        return project
    }

    @Test func aNoteEditRerunsNoAnalysisAndGivesTheBytesOfABuildWithoutACache() throws {
        let project = try Self.withNotes()
        defer { project.remove() }
        _ = try project.build(into: "first", cache: true)
        #expect(project.entries("analysis") == 19 && project.entries("analysis-rows") == 19)
        // Reuse, not recomputation: every summary's entry under its rows key says mean 1234.5.
        try plantMean(1234.5, in: project)
        try project.edit("data/anscombe.csv", replacing: "I,1,10,8.04,row 1\n", with: "I,1,10,8.04,row 1 edited\n")
        let planted = try project.build(into: "planted", cache: true)
        let stats = String(decoding: try #require(planted["stats.json"]), as: UTF8.self)
        #expect(stats.components(separatedBy: "1234.5").count - 1 == 8, "the eight summaries come from their rows entries")
        #expect(project.entries("analysis") == 38, "found by the rows key, stored under the new file key")
        #expect(project.entries("analysis-rows") == 19, "no rows key changed, the sensitivity analysis's neither")
        // Without the planted values, the same bytes as a build without a cache.
        try project.removeEntries()
        _ = try project.build(into: "cold", cache: true)
        try project.edit("data/anscombe.csv", replacing: "I,1,10,8.04,row 1 edited\n", with: "I,1,10,8.04,row 1 again\n")
        let warm = try project.build(into: "warm", cache: true)
        #expect(warm == (try project.build(into: "reference", cache: false)))
    }

    @Test func anEditOfAReadColumnChangesTheKeysOfTheAnalysesReadingIt() throws {
        let project = try Self.withNotes()
        defer { project.remove() }
        _ = try project.build(into: "first", cache: true)
        #expect(project.entries("analysis-rows") == 19)
        // One y of set I: y_I, r_I, fit_I, fit_all and the sensitivity of fit_I read it; x_I
        // reads set I's rows but not y.
        try project.edit("data/anscombe.csv", replacing: "I,1,10,8.04,row 1\n", with: "I,1,10,8.05,row 1\n")
        let edited = try project.build(into: "edited", cache: true)
        #expect(project.entries("analysis-rows") == 24)
        #expect(edited == (try project.build(into: "reference", cache: false)))
    }

    @Test func theKeyHoldsTheNamedColumnsTheShapeAndEveryColumnOfRows() throws {
        let table = Table(name: "t", fields: [Field(name: "x", type: .number), Field(name: "note", type: .string)],
                          columns: [.number([1, 2]), .string(["a", nil])])
        let editedNote = Table(name: "t", fields: table.fields, columns: [.number([1, 2]), .string(["b", nil])])
        let editedX = Table(name: "t", fields: table.fields, columns: [.number([1, 3]), .string(["a", nil])])
        let fewerRows = Table(name: "t", fields: table.fields, columns: [.number([1]), .string(["a"])])
        let asInteger = Table(name: "t", fields: [Field(name: "x", type: .integer), Field(name: "note", type: .string)],
                              columns: [.integer([1, 2]), .string(["a", nil])])
        let reading: Set<String> = ["x"]
        let key = PreparedRowsKey.bytes(of: table, columns: reading)
        #expect(PreparedRowsKey.bytes(of: editedNote, columns: reading) == key)
        #expect(PreparedRowsKey.bytes(of: editedX, columns: reading) != key)
        #expect(PreparedRowsKey.bytes(of: fewerRows, columns: reading) != key)
        #expect(PreparedRowsKey.bytes(of: asInteger, columns: reading) != key)
        // A `rows` analysis reads every column.
        #expect(PreparedRowsKey.bytes(of: editedNote, columns: nil) != PreparedRowsKey.bytes(of: table, columns: nil))
        // A missing cell and an empty one differ.
        let empty = Table(name: "t", fields: table.fields, columns: [.number([1, 2]), .string(["a", ""])])
        #expect(PreparedRowsKey.bytes(of: empty, columns: nil) != PreparedRowsKey.bytes(of: table, columns: nil))
    }

    @Test func theNamedColumnsAreEveryStringOfTheDeclaration() throws {
        let source = try ReportSource(text: """
            ---
            title: T
            date: "2026-01-01"
            analyses:
              - {id: a, kind: regression, table: t, where: {set: "III"}, x: xs, y: ys, label: obs, drop: ["3"],
                 derive: [{name: r, ratio: [num, den]}]}
              - {id: b, kind: proportion, table: t, by: [group], success: {field: outcome, equals: deal}}
            ---
            Body.
            """, path: "report.md")
        let named = source.spec.analyses.map(PreparedRowsKey.namedStrings)
        #expect(named[0].isSuperset(of: ["xs", "ys", "obs"]))
        #expect(named[1].isSuperset(of: ["group", "outcome"]))
    }

    /// Replaces the mean of every summary result stored under a rows key by `mean` (in the
    /// analysis pack, which holds them: AnalysisPack).
    private func plantMean(_ mean: Double, in project: AnscombeProject) throws {
        var planted = 0
        let path = AnalysisPack(cache: project.cache).path
        let payload = try #require(BuildCache.payload(of: try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))))
        let records = try #require(AnalysisPack.decode(payload)).map { record -> AnalysisPack.Record in
            guard record.names.contains(where: { $0.kind == "analysis-rows" }),
                  case let .record(fields)? = try? ResultValueCoding.value(record.payload),
                  fields.contains(where: { $0.name == "mean" }) else { return record }
            planted += 1
            let marked = fields.map { $0.name == "mean" ? ResultValue.Field("mean", .number(mean)) : $0 }
            return AnalysisPack.Record(names: record.names, payload: ResultValueCoding.payload(.record(marked)))
        }
        try Data(BuildCache.entry(AnalysisPack.encode(records))).write(to: URL(fileURLWithPath: path))
        #expect(planted == 8)
    }
}
