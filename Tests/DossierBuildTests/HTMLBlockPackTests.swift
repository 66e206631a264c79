@testable import DossierBuild
import DossierCharts
@testable import DossierLayout
import DossierMarkdown
import DossierReport
import Foundation
import Testing

/// The HTML body's blocks taken from the build cache (Cache/HTMLBlockPack.swift): an edited
/// block is written and every other block's bytes are reused (counted); a block after one
/// whose changes to the writer's state differ is written again; a damaged entry or part is
/// written again; the whole HTML is the bytes of a writer without the cache after every edit
/// of a sequence, and so is the writer's state after the body.
@Suite struct HTMLBlockPackTests {
    static let report = """
        ---
        title: Blocks
        date: "2024-02-29"
        data: datapackage.json
        findings: ["Rates rose, as [one source](source:s2) says."]
        ---

        """

    /// A body with what changes the writer's state: numbered headings (and one twice, for a
    /// unique id), citations, footnotes (one cited twice, one citing a source), a computed
    /// table citing sources, a figure inside a quote, lists, code, a rule and a Markdown table.
    static let body = """
        # Intro

        First paragraph, citing [a source](source:s1).[^a]

        Second paragraph with *emphasis* and a note.[^b]

        ## Detail

        - an item citing [another](source:s2)
        - an item with a note again[^a]

        > A quote with a figure:
        >
        > ```{figure} f
        > The chart.
        > ```

        ```{table} t
        The table.
        ```

        ```
        plain code
        ```

        ---

        | Name | Value |
        |:-----|------:|
        | x    | 1.5   |

        ## Detail

        ### Smaller

        Last paragraph, citing [the first](source:s1) again.

        [^a]: Note a, citing [a third](source:s3).
        [^b]: Note b.

        """

    static let table = TableBlockSource(header: ["Where", "Source"], rows: [["Lima", "s3"], ["Quito", "s4"]],
                                        alignments: [.left, .left], citeColumns: [1])

    static func content(body: String, table: TableBlockSource = table) throws -> DocumentContent {
        let source = try ReportSource(text: report + body, path: "report.md")
        let records = Dictionary(uniqueKeysWithValues: ["s1", "s2", "s3", "s4"].map { ($0, SourceRecord(id: $0, citation: "Cite \($0).", url: "")) })
        return DocumentContent(source: source, spec: source.spec, style: PageStyle(paper: .a4), date: "2024-02-29T00:00:00Z",
                               creator: "Dossier test", blocks: MarkdownReader.parse(body), tables: ["t": table],
                               findings: source.spec.findings, sources: records,
                               scenes: ["f": Scene(width: 300, height: 150, title: "Chart f", summary: "Alt text")])
    }

    static let chartSVG = Array("""
        <svg xmlns="http://www.w3.org/2000/svg" width="300pt" height="150pt" viewBox="0 0 300 150" version="1.1">
        <path id="g0-1" d="M 0 0 L 1 1 Z"/>
        </svg>

        """.utf8)

    /// A writer of `content`, with `store` when given.
    static func writer(_ content: DocumentContent, store: HTMLBlockStore?) -> HTMLDocumentWriter {
        HTMLDocumentWriter(content: content, blockStore: store) { _, prefix, title, description in
            .bytes(HTMLInlineSVG.elementBytes(chartSVG, prefix: prefix, title: title, description: description))
        }
    }

    /// The HTML written with the pack of `cache` (saved after), its statistics, and whether its
    /// bytes and the writer's state after the body are those of a writer without a pack.
    static func write(_ content: DocumentContent, cache: BuildCache) throws -> (html: [UInt8], statistics: HTMLBlockPack.Statistics, same: Bool) {
        let pack = HTMLBlockPack(cache: cache, report: "blocks", content: content)
        let cached = writer(content, store: pack), fresh = writer(content, store: nil)
        let html = try cached.write()
        pack.save()
        let reference = try fresh.write()
        return (html, pack.statistics, html == reference && cached.state == fresh.state)
    }

    static func temporaryCache() -> (BuildCache, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("html-blocks-\(UUID().uuidString)")
        return (BuildCache(directory: folder, toolIdentity: "test"), folder)
    }

    /// The blocks the writer may take from the pack: top-level, not a numbered heading, no figure.
    static func reusable(_ body: String) -> Int {
        MarkdownReader.parse(body).filter { block in
            if case let .heading(level, _, _) = block, level <= 2 { return false }
            return !block.holdsFigure
        }.count
    }

    @Test func anEditedBlockIsWrittenAndEveryOtherBlockReused() throws {
        let (cache, folder) = Self.temporaryCache()
        defer { try? FileManager.default.removeItem(at: folder) }
        let blocks = Self.reusable(Self.body)
        #expect(blocks == 11)

        let first = try Self.write(try Self.content(body: Self.body), cache: cache)
        let firstSame = first.same
        #expect(firstSame)
        #expect(first.statistics == .init(reused: 0, written: blocks))

        let again = try Self.write(try Self.content(body: Self.body), cache: cache)
        let againSame = again.same
        #expect(againSame)
        #expect(again.statistics == .init(reused: blocks, written: 0))

        // One paragraph's words: that block is written, the others' bytes reused.
        let edited = Self.body.replacingOccurrences(of: "Second paragraph with", with: "The second paragraph, edited, with")
        let prose = try Self.write(try Self.content(body: edited), cache: cache)
        let proseSame = prose.same
        #expect(proseSame)
        #expect(prose.statistics == .init(reused: blocks - 1, written: 1))
        #expect(prose.html != again.html)
        #expect(String(decoding: prose.html, as: UTF8.self).contains("The second paragraph, edited, with"))

        // Lines added before the blocks move their source ranges, not their HTML. (One block
        // written of eleven did not replace the entry: the edited paragraph is written again.)
        let moved = try Self.write(try Self.content(body: "\n\n\n" + edited), cache: cache)
        let movedSame = moved.same
        #expect(movedSame)
        #expect(moved.statistics == .init(reused: blocks - 1, written: 1))
    }

    @Test func aBlockThatChangesTheStateDifferentlyRewritesTheBlocksAfterIt() throws {
        let (cache, folder) = Self.temporaryCache()
        defer { try? FileManager.default.removeItem(at: folder) }
        let blocks = Self.reusable(Self.body)
        let base = try Self.content(body: Self.body)
        _ = try Self.write(base, cache: cache)

        // A computed table's cell and a footnote's text are read by the blocks that show them
        // (each after a build of the base, whose parts the pack then holds).
        let other = TableBlockSource(header: ["Where", "Source"], rows: [["Lima", "s3"], ["Cusco", "s4"]], alignments: [.left, .left], citeColumns: [1])
        let table = try Self.write(try Self.content(body: Self.body, table: other), cache: cache)
        let tableSame = table.same
        #expect(tableSame)
        #expect(String(decoding: table.html, as: UTF8.self).contains("Cusco"))
        _ = try Self.write(base, cache: cache)
        let note = try Self.write(try Self.content(body: Self.body.replacingOccurrences(of: "Note b.", with: "Note b, edited.")), cache: cache)
        let noteSame = note.same
        #expect(noteSame)
        #expect(String(decoding: note.html, as: UTF8.self).contains("Note b, edited."))
        _ = try Self.write(base, cache: cache)

        // The first paragraph now cites s4 first: every source after it has another number.
        let citing = Self.body.replacingOccurrences(of: "First paragraph, citing", with: "First paragraph, after [s4](source:s4), citing")
        let renumbered = try Self.write(try Self.content(body: citing), cache: cache)
        let renumberedSame = renumbered.same
        #expect(renumberedSame)
        #expect(renumbered.statistics == .init(reused: 0, written: blocks))
        _ = try Self.write(base, cache: cache)

        // A second note reference in the first paragraph: the blocks after it see another
        // reference count (and give other ids).
        let noted = Self.body.replacingOccurrences(of: "[a source](source:s1).[^a]", with: "[a source](source:s1).[^a] Again.[^a]")
        let twice = try Self.write(try Self.content(body: noted), cache: cache)
        let twiceSame = twice.same
        #expect(twiceSame)
        #expect(twice.statistics.written == blocks)
    }

    @Test func aSequenceOfEditsGivesTheBytesOfAWriterWithoutTheCache() throws {
        let (cache, folder) = Self.temporaryCache()
        defer { try? FileManager.default.removeItem(at: folder) }
        var body = Self.body
        let edits: [(String, String)] = [
            ("First paragraph", "First paragraph, edited"),
            ("## Detail\n\n- an item", "## Detail\n\nA new paragraph.\n\n- an item"),
            ("Second paragraph with *emphasis*", "Second paragraph with **strong** words"),
            ("A new paragraph.\n\n", ""),
            ("# Intro", "# Introduction"),
            ("Last paragraph, citing [the first](source:s1) again.", "Last paragraph.[^b]"),
            ("| x    | 1.5   |", "| x    | 1.5   |\n| y    | 2     |"),
            ("### Smaller", "## Smaller"),
            ("- an item with a note again[^a]", "- an item citing [s4](source:s4)"),
            ("First paragraph, edited", "First paragraph"),
        ]
        var reused = 0
        for (old, new) in edits {
            #expect(body.contains(old), "edit \(old)")
            body = body.replacingOccurrences(of: old, with: new)
            let written = try Self.write(try Self.content(body: body), cache: cache)
            let same = written.same
            #expect(same, "after replacing \(old)")
            reused += written.statistics.reused
        }
        #expect(reused > 0, "the sequence reused blocks")
    }

    @Test func aDamagedEntryOrPartIsWrittenAgain() throws {
        let (cache, folder) = Self.temporaryCache()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = try Self.content(body: Self.body)
        let blocks = Self.reusable(Self.body)
        _ = try Self.write(content, cache: cache)
        let path = HTMLBlockPack.path(cache: cache, report: "blocks")
        let entry = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let payload = try #require(BuildCache.payload(of: entry))

        // A flipped byte (the entry does not verify), a cut entry, a payload that is no pack.
        var flipped = entry
        flipped[flipped.count - 10] ^= 0x55
        for damaged in [flipped, Array(entry.prefix(entry.count / 2)), BuildCache.entry(Array("DHB1 not a pack".utf8)), []] {
            try Data(damaged).write(to: URL(fileURLWithPath: path))
            let written = try Self.write(content, cache: cache)
            let writtenSame = written.same
            #expect(writtenSame)
            #expect(written.statistics == .init(reused: 0, written: blocks))
        }

        // A pack whose parts' changes do not read back: those parts are written again.
        let parts = try #require(HTMLBlockPack.parts(of: payload))
        var writer = CacheByteWriter()
        for byte in HTMLBlockPack.magic { writer.byte(byte) }
        writer.integer(parts.count)
        for (name, part) in parts {
            writer.string(name)
            writer.data(Array(part.html))
            let changes = try HTMLBlockPack.changes(Array(part.changes))
            writer.data(changes.isEmpty ? Array(part.changes) : [0xFF] + Array(part.changes))
        }
        try Data(BuildCache.entry(writer.bytes)).write(to: URL(fileURLWithPath: path))
        let partly = try Self.write(content, cache: cache)
        let partlySame = partly.same
        #expect(partlySame)
        #expect(partly.statistics.written > 0 && partly.statistics.written < blocks)
        #expect(partly.statistics.reused + partly.statistics.written == blocks)
        let repaired = try Self.write(content, cache: cache)
        let repairedSame = repaired.same
        #expect(repairedSame)
        #expect(repaired.statistics == .init(reused: blocks, written: 0))
    }

    @Test func changesReadBackAsWritten() throws {
        let changes: [HTMLWriterState.Change] = [
            .id("sec-1"), .headingCounters([1, 2, 0]), .outline(.init(level: 2, number: "1.2", title: "Ünïcode", id: "sec-1-2")),
            .figureNumber(id: "f", number: 3), .tableNumber(id: "t", number: 1), .citedSource("s9"),
            .footnoteNumber(label: "a", number: 2), .footnoteReferenceCount(label: "a", count: 4), .note(.init(number: 2, text: "<em>x</em>")),
        ]
        let bytes = HTMLBlockPack.bytes(of: changes)
        #expect(try HTMLBlockPack.changes(bytes) == changes)
        #expect(throws: CacheEntryDamaged.self) { try HTMLBlockPack.changes(Array(bytes.dropLast())) }
        #expect(throws: CacheEntryDamaged.self) { try HTMLBlockPack.changes(bytes + [0]) }
    }

    /// Through the build: prose edits of the Anscombe report take every unchanged block from the
    /// cache and give the HTML of a build without one.
    @Test func aProseEditBuildReusesTheBlocksItDidNotChange() throws {
        let project = try AnscombeProject()
        defer { project.remove() }
        _ = try project.build(into: "out", cache: true)
        var edits = 0
        for (old, new) in [("Only set I\nlooks like", "Only the first set\nlooks like"), ("Only the first set\nlooks like", "Only set one\nlooks like")] {
            try project.edit("report.md", replacing: old, with: new)
            edits += 1
            var builder: ReportBuilder?
            let options = BuildOptions(reportDirectory: project.report, outputDirectory: project.root.appendingPathComponent("out"),
                                       fontDirectory: AnscombeProject.repository.appendingPathComponent("fonts"),
                                       selection: .document(charts: []), cache: project.cache)
            _ = try ReportBuild.run(options, staging: OutputStaging(directory: options.outputDirectory)) { builder = $0 }
            let built = try AnscombeProject.files(in: options.outputDirectory)
            let reference = try SideOutputCacheTests.reference(project, into: "reference-\(edits)")
            #expect(built["anscombe.html"] == reference["anscombe.html"])
            let statistics = try #require(builder?.htmlBlocks.statistics)
            #expect(statistics.written == 1, "the edited paragraph")
            #expect(statistics.reused > 0, "the other blocks (the Anscombe body is mostly figures and headings)")
        }
    }
}
