import DossierBase
@testable import DossierReport
import DossierVegaLite
import Foundation
import Testing
import Yams

/// ``NodeDecoder`` gives what Yams' `YAMLDecoder` gives: the same values for every committed
/// front matter, the same errors (case, coding path, text, and so the same report message)
/// for broken ones, the same scalar rules.
@Suite struct NodeDecoderTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Every `report.md` under `reports/`, `bench/` and `Tests/`.
    static var reportFiles: [URL] {
        ["reports", "bench", "Tests"].flatMap { folder -> [URL] in
            let enumerator = FileManager.default.enumerator(at: root.appendingPathComponent(folder), includingPropertiesForKeys: nil)
            return (enumerator?.allObjects as? [URL] ?? []).filter { $0.lastPathComponent == "report.md" }
        }.sorted { $0.path < $1.path }
    }

    /// The YAML between the first two `---` lines.
    static func frontMatter(_ text: String) -> String? {
        let lines = text.components(separatedBy: "\n")
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---",
              let closing = lines.dropFirst().firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "---" })
        else { return nil }
        return lines[1..<closing].joined(separator: "\n")
    }

    /// The front matter of the existing report tests, and a base for broken ones.
    static let base = "title: T\ndate: \"2020-12-01\"\ndata: d.json\n"

    @Test func committedReportsDecodeTheSame() throws {
        let files = Self.reportFiles
        #expect(files.count >= 3)
        for file in files {
            let yaml = try #require(Self.frontMatter(try String(contentsOf: file, encoding: .utf8)), "\(file.path)")
            let (yams, fast) = try #require(try NodeDecoderComparison.outcomes(ReportSpec.self, yaml))
            // A sensitivity analysis reads its base from the report's own front matter, which
            // only the fast decoder keeps: Yams cannot decode it, so nothing to compare.
            if yaml.contains("kind: sensitivity") { #expect(fast.hasPrefix("value "), "\(file.path)"); continue }
            #expect(yams.hasPrefix("value "), "\(file.path): \(yams)")
            #expect(fast == yams, "\(file.path)")
        }
    }

    @Test func documentedExamplesDecodeTheSame() throws {
        for name in ["getting-started.md", "report-format.md"] {
            let text = try String(contentsOf: Self.root.appendingPathComponent("docs/\(name)"), encoding: .utf8)
            let blocks = text.components(separatedBy: "```yaml\n").dropFirst().compactMap { $0.components(separatedBy: "```").first }
            #expect(!blocks.isEmpty)
            for block in blocks {
                try expectSame(ReportSpec.self, block)
                try expectSame([Layer].self, block)
                try expectSame(ChartSpec.self, block)
            }
        }
    }

    @Test func existingTestFixturesDecodeTheSame() throws {
        let fixtures = [
            Self.base,
            "title: T\ndata: d.json\n",
            Self.base + "analyses:\n  - id: a\n    kind: count\n    table: [1, 2]\n",
            "title: T\ndate: 2020-13-01\ndata: d\n",
            "title: T\nsubtitel: S\ndate: \"2020-12-01\"\ndata: d.json\n",
            Self.base + "analyses:\n  - {id: a, kind: count, table: t, bye: [x]}\n",
        ]
        for yaml in fixtures { try expectSame(ReportSpec.self, yaml) }
    }

    @Test(arguments: [
        // Missing keys, wrong types, unknown keys.
        "title: T\ndata: d.json\n",
        "title: [a, b]\ndate: \"2020-12-01\"\ndata: d.json\n",
        "title: {a: b}\ndate: \"2020-12-01\"\ndata: d.json\n",
        base + "subtitel: S\n",
        base + "paper: letterx\n",
        base + "authors: a\n",
        base + "authors: [a, [b]]\n",
        base + "shapes: {a: [x]}\n",
        base + "shapes: [a]\n",
        "just text\n",
        "- a\n- b\n",
        // Bools: bad, quoted, explicitly tagged.
        base + "analyses:\n  - {id: a, kind: count, table: t, by: [b], cumulative: maybe}\n",
        base + "analyses:\n  - {id: a, kind: count, table: t, by: [b], cumulative: \"true\"}\n",
        base + "analyses:\n  - {id: a, kind: count, table: t, by: [b], cumulative: 'yes'}\n",
        base + "analyses:\n  - {id: a, kind: count, table: t, by: [b], cumulative: !!bool \"true\"}\n",
        base + "analyses:\n  - {id: a, kind: count, table: t, by: [b], cumulative: tRuE, complete: Off}\n",
        // Numbers.
        base + "tables:\n  - {id: t, from: x, columns: [{field: a}], limit: 1.5}\n",
        base + "tables:\n  - {id: t, from: x, columns: [{field: a}], limit: \"3\"}\n",
        base + "tables:\n  - {id: t, from: x, columns: [{field: a}], limit: 0x1F}\n",
        base + "analyses:\n  - {id: a, kind: crosstab, table: t, rows: r, columns: c, seed: -1}\n",
        base + "analyses:\n  - {id: a, kind: crosstab, table: t, rows: r, columns: c, seed: 1_000, resamples: 0o17}\n  - {id: b, kind: fisher, table: t, rows: r, columns: c, level: .inf}\n",
        base + "analyses:\n  - {id: a, kind: fisher, table: t, rows: r, columns: c, level: '0.9'}\n",
        base + "analyses:\n  - {id: a, kind: poisson, table: t, response: r, covariates: [x], per: {x: .NaN, y: -.inf, z: 1e3, w: 7}}\n",
        // Lists: an error at an index, nested.
        base + "analyses:\n  - {id: a, kind: count, table: t}\n  - {id: b, kind: count}\n",
        base + "analyses:\n  - {id: a, kind: count, table: t, join: [{table: x, on: k}, {table: y}]}\n",
        base + "analyses:\n  - {id: a, kind: count, table: t, derive: [{name: n, ratio: [a, [b]]}]}\n",
        // Filters and flags (a quoted "yes" key is not the key yes).
        base + "analyses:\n  - {id: a, kind: count, table: t, where: {k: {a: b}}}\n",
        base + "analyses:\n  - {id: a, kind: count, table: t, where: {k: yes, l: 3, m: [x, 'y'], n: ~}}\n",
        base + "analyses:\n  - {id: a, kind: count, table: t, derive: [{name: n, flag: {field: f, equals: x, yes: Y, no: N}}]}\n",
        base + "analyses:\n  - {id: a, kind: count, table: t, derive: [{name: n, flag: {field: f, equals: x, \"yes\": Y}}]}\n",
        base + "analyses:\n  - {id: a, kind: proportion, table: t, success: {field: f}}\n",
        // Nulls.
        base + "subtitle: ~\nsubject: null\nrunning_header:\nkeywords: ~\n",
        base + "subtitle: 'null'\nsubject: \"~\"\nrunning_header: ''\n",
        "title: ~\ndate: \"2020-12-01\"\ndata: d.json\n",
        // Charts.
        base + "figures:\n  - {id: f, chart: {layers: [{data: d, mark: pointy}]}}\n",
        base + "figures:\n  - {id: f, chart: {layers: [{data: d, mark: {type: dot}}]}}\n",
        base + "figures:\n  - {id: f, chart: {layers: [{data: d, mark: {type: bar, stack: sideways}}]}}\n",
        base + "figures:\n  - {id: f, chart: {layers: [{mark: point}]}}\n",
        base + "figures:\n  - {id: f, chart: {title: x}}\n",
        base + "figures:\n  - {id: f, chart: {data: d, mark: line, encoding: {x: {field: [a]}}}}\n",
        base + "figures:\n  - {id: f, chart: {data: d, mark: bar, encoding: {x: {field: a, sort: sideways}}}}\n",
        base + "figures:\n  - {id: f, chart: {data: d, mark: bar, encoding: {x: {field: a, sort: {op: sum}}}}}\n",
        base + "figures:\n  - {id: f, chart: {data: d, mark: bar, encoding: {y: {field: a, scale: {zero: \"yes\", domain: [0, x]}}}}}\n",
        base + "figures:\n  - {id: f, chart: {data: d, mark: {type: line, strokeDash: [1, x]}}}\n",
        base + "figures:\n  - {id: f, chart: {data: d, mark: point, encoding: {x: {field: a, type: interval}}}}\n",
        base + "figures:\n  - {id: f, chart: {layers: [{data: d, mark: point}], facet: {columns: 2}}}\n",
        base + "figures:\n  - {id: f, chart: {layers: [{data: d, mark: point, lookup: {field: a, from: b}}]}}\n",
        base + "figures:\n  - {id: f, chart: {layers: [{data: d, mark: point}], annotations: [{x: 1, y: a}, {x: [1]}]}}\n",
        base + "figures:\n  - {id: f, chart: {width: wide, layers: [{data: d, mark: point}]}}\n",
        // Merge keys, anchors, aliases, explicit tags.
        base + "analyses:\n  - &a {id: a, kind: count, table: t, by: [x]}\n  - {<<: *a, id: b}\n  - {<<: [*a, {kind: mean, field: v}], id: c}\n",
        base + "shapes: !!map {a: b}\nkeywords: !!seq [x]\nsubtitle: !!str 12\n",
        base + "shapes: &s {a: b}\nkeywords: [&k x, *k]\n",
        base + "analyses:\n  - {id: a, kind: count, table: t, by: !!str [x]}\n",
    ])
    func brokenAndUnusualFrontMattersGiveTheSameOutcome(_ yaml: String) throws {
        try expectSame(ReportSpec.self, yaml)
    }

    @Test(arguments: [
        "12", "-3", "+5", "0", "0x1F", "-0x1F", "0o17", "017", "0b101", "1_000", "1:30", "-1:30", "300", "-1",
        "1.5", ".5", "1e3", "-2.5E-3", "1_000.25", "1:30.5", ".inf", "+.inf", "-.Inf", ".nan", ".NaN", "inf", "nan",
        "true", "True", "TRUE", "tRuE", "false", "yes", "No", "ON", "off", "y", "n", "\"true\"", "'yes'",
        "!!bool \"true\"", "!!str yes", "!!int \"12\"", "!!float 3",
        "~", "null", "Null", "NULL", "nULL", "", "''", "\"\"", "'null'", "\"~\"", "text", "'12'", "\"1.5\"",
        "|\n  block\n", ">\n  folded\n", "[1, 2]", "{a: 1}", "[]", "{}",
    ])
    func scalarsDecodeTheSame(_ text: String) throws {
        let yaml = "v: \(text)\n"
        try expectSame([String: String].self, yaml)
        try expectSame([String: Int].self, yaml)
        try expectSame([String: Double].self, yaml)
        try expectSame([String: Bool].self, yaml)
        try expectSame([String: UInt64].self, yaml)
        try expectSame([String: Int8].self, yaml)
        try expectSame([String: Float].self, yaml)
        try expectSame([String: Int?].self, yaml)
        try expectSame([String: Bool?].self, yaml)
        try expectSame([String: String?].self, yaml)
        try expectSame([String: [Int]].self, yaml)
        try expectSame([String: [String: Double]].self, yaml)
        try expectSame([String: FilterValue].self, yaml)
        try expectSame([String: ChartValue].self, yaml)
        try expectSame([String: MarkType].self, yaml)
        try expectSame(Probe.self, "present: \(text)\n")
    }

    @Test(arguments: [
        "{present: 1, list: [1, 2, 3]}", "{present: 1, list: [1]}", "{present: 1, list: [~, 2]}",
        "{present: 1, list: []}", "{present: ~, nested: {a: 1}}", "{present: 1, nested: [1]}",
        "{present: 1, pairs: [[1, 2], [3]]}", "{present: 1, pairs: [{a: 1}]}", "{other: 1}",
        "{present: 1, <<: {list: [1, 2]}, zzz: 2, 'yes': 3}", "{present: 1, pairs: [[1, 2]], yes: 4}",
        "{present: 1, list: [1, 2], zzz: 1}", "{<<: [{present: 1}, {present: 2}], list: [5]}",
        "[1, 2]", "{present: 1, list: {a: 1}}",
    ])
    func containersBehaveTheSame(_ yaml: String) throws {
        try expectSame(Probe.self, yaml + "\n")
    }

    /// Lookups compare the key texts read once per mapping (``NodeMappingTable``'s
    /// `keyTexts`), in small mappings and in large ones (more than 16 pairs: through the
    /// index), with merged pairs, quoted boolean words and the pseudo-keys.
    @Test(arguments: [
        "{present: 1, list: [4], \(Self.fillers(16))}",
        "{\(Self.fillers(17)), 'yes': 2, present: 3, pairs: [[1, 2]]}",
        "{\(Self.fillers(17)), yes: 2, present: 3, pairs: [[1, 2]]}",
        "{<<: {present: 1, list: [1, 2]}, \(Self.fillers(17)), list: [3]}",
        "{<<: [{present: 1}, {present: 2, zzz: 5}], \(Self.fillers(20)), 'no': 1}",
        "{<<: {present: 7}, z1: 1}",
        "&anchor {present: 1, \(Self.fillers(18))}",
        "!!map {present: 1, yamlTag: x, \(Self.fillers(3))}",
        "{[a]: 1, present: 2, \(Self.fillers(17))}",
    ])
    func lookupsInSmallAndLargeMappingsBehaveTheSame(_ yaml: String) throws {
        try expectSame(Probe.self, yaml + "\n")
    }

    /// `count` keys named `f1` … that the probe does not read.
    private static func fillers(_ count: Int) -> String {
        (1...count).map { "f\($0): \($0)" }.joined(separator: ", ")
    }

    @Test func outcomesSayWhatHappened() throws {
        let quoted = try #require(try NodeDecoderComparison.outcomes(
            ReportSpec.self, Self.base + "analyses:\n  - {id: a, kind: count, table: t, by: [b], cumulative: \"true\"}\n"))
        #expect(quoted.fast.contains("typeMismatch(Bool)"))
        #expect(quoted.fast.contains("r.md:6:57: error: in analyses[0].cumulative"))
        #expect(quoted.fast.contains("in analyses[0].cumulative: expected true or false"))
        let hex = try #require(try NodeDecoderComparison.outcomes([String: Int].self, "v: 0x1F\n"))
        #expect(hex.fast.contains("Int 31"))
        let flag = "{field: f, equals: x, \"yes\": Y, no: N}\n"
        let flagOutcome = try #require(try NodeDecoderComparison.outcomes(AnalysisSpec.FlagSpec.self, flag))
        #expect(flagOutcome.fast.contains("yes: nil, no: some(String \"N\")"))
    }

    @Test func unsupportedFeaturesSaySo() throws {
        let node = try #require(try Yams.compose(yaml: "a: 2020-01-01\n", ReportSource.frontMatterResolver))
        #expect(throws: DecodingError.self) { try NodeDecoder.decode([String: Date].self, from: node) }
        #expect(throws: DecodingError.self) { try NodeDecoder.decode(SuperUser.self, from: node) }
    }

    /// Expects both decoders to give the same outcome for `yaml`.
    private func expectSame<T: Decodable>(_ type: T.Type, _ yaml: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        guard let (yams, fast) = try NodeDecoderComparison.outcomes(type, yaml) else { return }
        #expect(fast == yams, "\(T.self) from \(yaml)", sourceLocation: sourceLocation)
    }
}

/// Exercises the container calls the front matter's specs make, and a few more.
private struct Probe: Decodable {
    var keys: [String]
    var present: Int?
    var hasList: Bool
    var list: [Int?]
    var nested: [String: Int]?
    var pairs: [[Int]]
    var nils: [Bool]

    enum CodingKeys: String, CodingKey { case present, list, nested, pairs, zzz, yes }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        keys = c.allKeys.map(\.stringValue) + [String(describing: try? c.decodeNil(forKey: .zzz))]
        present = try c.decodeIfPresent(Int.self, forKey: .present)
        hasList = c.contains(.list)
        list = []
        nils = []
        if hasList {
            var items = try c.nestedUnkeyedContainer(forKey: .list)
            nils.append(try items.decodeNil())
            while !items.isAtEnd { list.append(try items.decode(Int?.self)) }
            if c.contains(.zzz) { list.append(try items.decode(Int.self)) }
        }
        if c.contains(.nested) {
            let inner = try c.nestedContainer(keyedBy: AnyKey.self, forKey: .nested)
            nested = try Dictionary(uniqueKeysWithValues: inner.allKeys.map { ($0.stringValue, try inner.decode(Int.self, forKey: $0)) })
        }
        pairs = []
        if c.contains(.pairs) {
            var outer = try c.nestedUnkeyedContainer(forKey: .pairs)
            while !outer.isAtEnd {
                var inner = try outer.nestedUnkeyedContainer()
                pairs.append([try inner.decode(Int.self), try inner.decode(Int.self)])
            }
            if c.contains(.yes) { _ = try outer.nestedContainer(keyedBy: CodingKeys.self) }
        }
    }
}

/// Asks for a super decoder, which ``NodeDecoder`` does not give.
private struct SuperUser: Decodable {
    init(from decoder: any Decoder) throws {
        _ = try decoder.container(keyedBy: AnyKey.self).superDecoder()
    }
}
