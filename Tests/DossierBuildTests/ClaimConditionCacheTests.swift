@testable import DossierBuild
@testable import DossierReport
import Foundation
import Testing

/// The claims' parsed conditions kept in the build cache (``ClaimConditionCache``,
/// ``ConditionBytes``): every condition reads back equal to the one parsed (every case, offset,
/// operator, path step, formatter and source text); the build's claims are the same stored and
/// read; an entry answers only for its own texts and tool; damaged bytes are refused; a text with
/// an error is never stored and reports the same error.
@Suite struct ClaimConditionCacheTests: OutputFolderFixture {
    /// Conditions using every case of ``Condition``, every path step and formatters.
    static let texts = [
        "a.n > 3 and not (b.p <= 0.05 or c.rho == -1.5e-3)",
        "x.rows[2].value != 'text' and y.list contains \"São Paulo\"",
        "t.rows[country=Perú].share >= [0.1, 0.9] or false",
        "abs(a.d - b.d) * 2 / max(c.x, d.y, 3) < sqrt(log(e.z)) + min(f.q)",
        "-(g.h) < - 2 and true",
        "k.v[0][name=x] == 1",
    ]

    static let flagshipPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("reports/china-lac-local/report.md")

    /// Claims with these ids and `holds` texts, decoded from YAML as the front matter's are.
    static func specs(_ claims: [(id: String, holds: String)]) throws -> [ClaimSpec] {
        let yaml = claims.map { "- id: \($0.id)\n  holds: '\($0.holds.replacingOccurrences(of: "'", with: "''"))'\n  says: s" }
            .joined(separator: "\n")
        return try YAMLDocumentDecoder.decode([ClaimSpec].self, text: yaml, path: "report.md", lineOffset: 1, what: "claims",
                                              whenEmpty: "no claims")
    }

    @Test func conditionsReadBackAsParsed() throws {
        var conditions = try Self.texts.map { text throws(ExpressionSyntaxError) in try ConditionParser.parse(text) }
        // Formatters never come from the condition parser; a path may hold them all the same.
        let formatted = Expression(path: [.member("a"), .index(-1), .match(field: "f", value: "v")],
                                   formatters: [.init(name: "fixed", arguments: [2]), .init(name: "count", arguments: [])],
                                   source: "a[-1][f=v] | fixed(2) | count")
        conditions.append(.path(formatted, at: 7))
        let bytes = try #require(ConditionBytes.bytes(of: conditions))
        let read = try ConditionBytes.conditions(from: bytes)
        #expect(read.count == conditions.count)
        for (original, back) in zip(conditions, read) {
            #expect(back == original, "\(original)")
        }
        #expect(try ConditionBytes.conditions(from: ConditionBytes.bytes(of: []) ?? [1]).isEmpty)
    }

    @Test func damagedBytesAreRefused() throws {
        let conditions = try Self.texts.map { text throws(ExpressionSyntaxError) in try ConditionParser.parse(text) }
        let bytes = try #require(ConditionBytes.bytes(of: conditions))
        #expect(throws: CacheEntryDamaged.self) { try ConditionBytes.conditions(from: Array(bytes.dropLast())) }
        #expect(throws: CacheEntryDamaged.self) { try ConditionBytes.conditions(from: bytes + [0]) }
        var badCase = bytes
        badCase[8] = 99
        #expect(throws: CacheEntryDamaged.self) { try ConditionBytes.conditions(from: badCase) }
    }

    /// The flagship's claims are the same without a store, when stored and when read.
    @Test func theFlagshipsClaimsAreTheSameFromTheEntry() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = ClaimConditionCache(cache: BuildCache(directory: folder, toolIdentity: "test"))
        let text = try String(contentsOf: Self.flagshipPath, encoding: .utf8)
        func dumped(_ source: ReportSource) -> String {
            var out = ""
            dump(source.claims.map { ($0.spec.id, $0.condition, $0.location, $0.idLocation, $0.location(at: 5)) }, to: &out)
            return out
        }
        let fresh = try ReportSource(text: text, path: "report.md")
        let texts = fresh.spec.claims.map(\.holds)
        #expect(texts.count > 5)
        #expect(store.conditions(of: texts) == nil)
        #expect(dumped(try ReportSource(text: text, path: "report.md", conditions: store)) == dumped(fresh), "stored")
        #expect(store.conditions(of: texts) == fresh.claims.map(\.condition))
        #expect(dumped(try ReportSource(text: text, path: "report.md", conditions: store)) == dumped(fresh), "read")
    }

    /// A planted entry is what the next parse uses (reuse, not a new parse); any text changed,
    /// added or removed, or another tool, is another entry.
    @Test func anEntryIsReusedOnlyForItsOwnTexts() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = ClaimConditionCache(cache: BuildCache(directory: folder, toolIdentity: "test"))
        let texts = ["a.n > 1", "b.n > 2", "c.n > 3"]
        let planted: [Condition] = [.boolean(true, at: 0), .boolean(false, at: 1), .number(4, at: 2)]
        store.store(planted, of: texts)
        let specs = try Self.specs(texts.enumerated().map { ("c\($0.offset)", $0.element) })
        let claims = try Claim.parse(specs, lines: [], file: "report.md", lineOffset: 1, store: store)
        #expect(claims.map(\.condition) == planted, "the planted conditions are used")
        for edited in [["a.n > 1", "b.n > 2", "c.n > 4"], ["x.n > 1", "b.n > 2", "c.n > 3"], ["a.n > 1", "b.n > 2"],
                       texts + ["d.n > 4"], ["a.n > 1", "b.n > 2c.n > 3"]] {
            #expect(store.conditions(of: edited) == nil, "\(edited)")
        }
        #expect(ClaimConditionCache(cache: BuildCache(directory: folder, toolIdentity: "other")).conditions(of: texts) == nil)
        #expect(store.conditions(of: texts) == planted)
    }

    /// A list with a text that does not parse is never stored, and its error is the same with a
    /// store; a damaged entry is parsed again and rewritten.
    @Test func errorsAreNotStoredAndDamagedEntriesAreRewritten() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = ClaimConditionCache(cache: BuildCache(directory: folder, toolIdentity: "test"))
        let bad = try Self.specs([("ok", "a.n > 1"), ("bad", "a.n >> 1")])
        func message(_ store: (any ClaimConditionStore)?) -> String {
            do {
                _ = try Claim.parse(bad, lines: [], file: "report.md", lineOffset: 1, store: store)
                return "no error"
            } catch {
                return error.description
            }
        }
        #expect(message(store) == message(nil))
        #expect(message(store) != "no error")
        #expect(store.conditions(of: bad.map(\.holds)) == nil)
        let good = try Self.specs([("a", "a.n > 1"), ("b", "b.n == 'x'")])
        let texts = good.map(\.holds)
        let key = store.key(texts)
        store.cache.write([1, 2, 3], for: key)
        let parsed = try Claim.parse(good, lines: [], file: "report.md", lineOffset: 1, store: store).map(\.condition)
        #expect(parsed == (try Claim.parse(good, lines: [], file: "report.md", lineOffset: 1).map(\.condition)))
        #expect(store.conditions(of: texts) == parsed, "rewritten")
    }
}
