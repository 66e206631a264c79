@testable import DossierBuild
@testable import DossierReport
import Foundation
import Testing
import Yams

/// The composed front matter kept in the build cache (``FrontMatterComposer``,
/// ``ComposedNodeBytes``): the tree reads back equal to the one Yams composed (every text, tag
/// name, style, position, and the tags aliases share), decodes to the same spec, reports the
/// same errors at the same places; an edit of any part of the text is another entry; a damaged
/// entry is ignored whole.
@Suite struct FrontMatterComposerTests: OutputFolderFixture {
    static let flagshipPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("reports/china-lac-local/report.md")

    /// The front matter (the YAML between the fences) of a report's text.
    static func frontMatter(of report: String) throws -> String {
        let lines = report.components(separatedBy: "\n")
        let closing = try #require(lines.dropFirst().firstIndex(of: "---"))
        return lines[1..<closing].joined(separator: "\n")
    }

    static let documents: [String] = [
        "title: T\ndate: \"2024-02-29\"",
        "a: [1, 2, {b: c}]\nd:\n  - e\n  - 'f'\n  - \"g\\u00e9\"\n  - |\n    literal\n    text\n  - >\n    folded\n    text\nh: {}",
        "base: &base {x: 1, y: two}\nuse: *base\nmerged:\n  <<: *base\n  z: 3\nlist: &l [a, b]\nagain: *l",
        "yes: no\n'on': \"off\"\nkey with spaces: São Paulo, Panamá\nempty:\nnull_value: ~\nnumber: -1.5e3",
        "yes: no\n\"ok\": 'x'\nkey with spaces: São Paulo, Panamá\nempty:\nnull_value: ~\nnumber: -1.5e3",
        "nested:\n  - - - deep\n      - er\n    - {k: [v, {w: x}]}\n",
    ]

    /// Every node of `node` as text: kind, tag name, style, position, text; tags by the order in
    /// which their objects were first met, so that two trees sharing tags alike print alike.
    static func shape(_ node: Node) -> [String] {
        var tags: [ObjectIdentifier: Int] = [:]
        var lines: [String] = []
        func tag(_ tag: Yams.Tag) -> String {
            let number = tags[ObjectIdentifier(tag)] ?? tags.count
            tags[ObjectIdentifier(tag)] = number
            return "#\(number) \(tag.rawValue)"
        }
        func mark(_ mark: Mark?) -> String { mark.map { "\($0.line):\($0.column)" } ?? "-" }
        func visit(_ node: Node, depth: Int) {
            let pad = String(repeating: " ", count: depth)
            switch node {
            case let .scalar(scalar):
                lines.append(pad + "scalar \(tag(scalar.tag)) \(scalar.style.rawValue) \(mark(scalar.mark)) \(scalar.string.debugDescription)")
            case let .mapping(mapping):
                lines.append(pad + "mapping \(tag(mapping.tag)) \(mapping.style.rawValue) \(mark(mapping.mark)) \(mapping.count)")
                for (key, value) in mapping {
                    visit(key, depth: depth + 1)
                    visit(value, depth: depth + 1)
                }
            case let .sequence(sequence):
                lines.append(pad + "sequence \(tag(sequence.tag)) \(sequence.style.rawValue) \(mark(sequence.mark)) \(sequence.count)")
                for item in sequence { visit(item, depth: depth + 1) }
            case .alias:
                lines.append(pad + "alias")
            }
        }
        visit(node, depth: 0)
        return lines
    }

    @Test func marksAreTwoIntegers() throws {
        #expect(MarkBits.fits)
        let node = try #require(try Yams.compose(yaml: "a:\n  - bcd: e\n", Resolver.basic))
        let scalar = try #require(node.mapping?["a"]?.sequence?.first?.mapping?["bcd"]?.mark)
        let rebuilt = MarkBits.mark(line: scalar.line, column: scalar.column)
        #expect((rebuilt.line, rebuilt.column) == (scalar.line, scalar.column))
        #expect((scalar.line, scalar.column) == (2, 10))
    }

    @Test func treesReadBackAsComposed() throws {
        let flagship = try Self.frontMatter(of: String(contentsOf: Self.flagshipPath, encoding: .utf8))
        var kept = 0
        for text in Self.documents + [flagship] {
            let composed = try #require(try YAMLTextTags.compose(text))
            // A quoted key that is a boolean word: composed with the resolver, not kept.
            guard composed.textTags else {
                #expect(ComposedNodeBytes.bytes(of: composed) == nil)
                continue
            }
            kept += 1
            let bytes = try #require(ComposedNodeBytes.bytes(of: composed), "\(text.prefix(30))")
            let read = try ComposedNodeBytes.composed(from: bytes)
            #expect(Self.shape(read.node) == Self.shape(composed.node), "\(text.prefix(30))")
            #expect(read.textTags == composed.textTags)
            #expect(read.mergeKeysPossible == composed.mergeKeysPossible)
        }
        #expect(kept == Self.documents.count, "all but the resolver's one, and the flagship")
        // An alias shares its anchor's tags (each node a tag of its own otherwise).
        let shared = try #require(try YAMLTextTags.compose("a: &x {b: c}\nd: *x"))
        let sharedBytes = try #require(ComposedNodeBytes.bytes(of: shared))
        let read = try ComposedNodeBytes.composed(from: sharedBytes)
        let first = try #require(read.node.mapping?["a"]), second = try #require(read.node.mapping?["d"])
        #expect(first.tag === second.tag)
        #expect(read.node.mapping?["a"]?.tag !== read.node.tag)
    }

    @Test func aTreeComposedWithTheResolverIsNotKept() throws {
        let composed = try #require(try YAMLTextTags.compose("a: !!str 1"))
        #expect(!composed.textTags)
        #expect(ComposedNodeBytes.bytes(of: composed) == nil)
    }

    @Test func damagedBytesAreRefused() throws {
        let composed = try #require(try YAMLTextTags.compose(Self.documents[1]))
        let bytes = try #require(ComposedNodeBytes.bytes(of: composed))
        for cut in [0, 1, bytes.count / 2, bytes.count - 1] {
            #expect(throws: CacheEntryDamaged.self) { try ComposedNodeBytes.composed(from: Array(bytes[..<cut])) }
        }
        #expect(throws: CacheEntryDamaged.self) { try ComposedNodeBytes.composed(from: bytes + [0]) }
    }

    /// The flagship's spec decodes the same from the cached tree, on the first build (stored)
    /// and the next (read).
    @Test func theSpecDecodesTheSameFromTheEntry() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let composer = FrontMatterComposer(cache: BuildCache(directory: folder, toolIdentity: "test"))
        let text = try String(contentsOf: Self.flagshipPath, encoding: .utf8)
        /// The spec and claims dumped, as a multiset of lines (each line's characters sorted):
        /// two dictionaries with the same contents may list them in different orders, and dump
        /// writes a dictionary's elements one a line (and again inside its parent's one-line
        /// description).
        func dumped(_ source: ReportSource) -> [String] {
            var out = ""
            dump(source.spec, to: &out)
            dump(source.claims, to: &out)
            return out.split(separator: "\n").map { String($0.sorted()) }.sorted()
        }
        let fresh = dumped(try ReportSource(text: text, path: "report.md"))
        let frontMatter = try Self.frontMatter(of: text)
        #expect(composer.cache.read(composer.key(frontMatter)) == nil)
        #expect(dumped(try ReportSource(text: text, path: "report.md", composer: composer.compose)) == fresh, "stored")
        #expect(composer.cache.read(composer.key(frontMatter)) != nil)
        #expect(dumped(try ReportSource(text: text, path: "report.md", composer: composer.compose)) == fresh, "read")
    }

    /// A planted entry is what the next build decodes (reuse, not a recomposition), and a
    /// front matter that differs in one value anywhere is another entry.
    @Test func anEntryIsReusedOnlyForItsOwnText() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let composer = FrontMatterComposer(cache: BuildCache(directory: folder, toolIdentity: "test"))
        let lines = (0..<40).map { "k\($0): v\($0)" }
        let text = lines.joined(separator: "\n")
        let plantedTree = try #require(try YAMLTextTags.compose("planted: yes"))
        let planted = try #require(ComposedNodeBytes.bytes(of: plantedTree))
        composer.cache.write(planted, for: composer.key(text))
        #expect(try composer.compose(text)?.node.mapping?["planted"] != nil, "the planted tree is read")
        // One character changed (the text's length kept) at its start, middle and end.
        for changed in [0, 20, 39] {
            var edited = lines
            edited[changed] = "k\(changed): x\(changed)"
            let node = try #require(try composer.compose(edited.joined(separator: "\n"))?.node)
            #expect(node.mapping?["planted"] == nil, "line \(changed)")
            #expect(node.mapping?["k\(changed)"]?.string == "x\(changed)", "line \(changed)")
        }
        let otherTool = FrontMatterComposer(cache: BuildCache(directory: folder, toolIdentity: "other"))
        #expect(try otherTool.compose(text)?.node.mapping?["planted"] == nil, "another tool's entry")
    }

    @Test func aDamagedEntryIsComposedAgainAndRewritten() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let composer = FrontMatterComposer(cache: BuildCache(directory: folder, toolIdentity: "test"))
        let text = Self.documents[2]
        let key = composer.key(text)
        let fresh = try #require(try YAMLTextTags.compose(text))
        let good = try #require(ComposedNodeBytes.bytes(of: fresh))
        // An entry that verifies but does not parse, then one whose file is cut.
        composer.cache.write(Array(good.dropLast()), for: key)
        #expect(try Self.shape(#require(try composer.compose(text)).node) == Self.shape(fresh.node))
        #expect(composer.cache.read(key) == good, "rewritten")
        let path = composer.cache.path(of: key)
        let file = try Data(contentsOf: URL(fileURLWithPath: path))
        try file.dropLast(3).write(to: URL(fileURLWithPath: path))
        #expect(composer.cache.read(key) == nil)
        #expect(try Self.shape(#require(try composer.compose(text)).node) == Self.shape(fresh.node))
        #expect(composer.cache.read(key) == good, "rewritten")
    }

    /// Errors found while decoding the cached tree are the ones a build without a cache reports,
    /// at the same line and column; a text that does not compose is never stored.
    @Test func errorsAreReportedAtTheSamePlaces() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let composer = FrontMatterComposer(cache: BuildCache(directory: folder, toolIdentity: "test"))
        let reports = [
            "---\ntitle: T\ndate: \"2024-02-29\"\nanalyses:\n  - id: a\n    kind: count\n    table: t\n    colour: red\n---\n",
            "---\ntitle: T\ndate: 2024-13-45\n---\n",
            "---\ntitle: T\ndate: \"2024-02-29\"\nfigures:\n  - id: f\n    chart:\n      mark: bar\n      encoding: {x: {field: a, type: nominal, axis: {title: \"{{ x }}\"}}}\n---\n",
            "---\ntitle: T\ndate: \"2024-02-29\"\nclaims:\n  - id: c\n    says: S\n    holds: \"a.n >\"\n---\n",
            "---\ntitle: [unclosed\n---\n",
        ]
        func error(_ make: () throws(ReportError) -> ReportSource) -> String {
            do {
                _ = try make()
                return "no error"
            } catch {
                return "\(error)"
            }
        }
        for report in reports {
            let fresh = error { () throws(ReportError) in try ReportSource(text: report, path: "report.md") }
            #expect(fresh != "no error")
            for pass in ["stored", "read"] {
                let cached = error { () throws(ReportError) in try ReportSource(text: report, path: "report.md", composer: composer.compose) }
                #expect(cached == fresh, "\(pass): \(report.debugDescription)")
            }
        }
        #expect(composer.cache.read(composer.key("title: [unclosed")) == nil)
    }
}
