import DossierBase
@testable import DossierReport
import Foundation
import Testing
import Yams

/// The front matter's faster paths give what the slower ones gave: the data path peeked line by
/// line (not from a split of the whole report), the complex-key guard's lines cut from bytes
/// (not Characters), and spec keys listed for ``UnknownKeys`` straight from the node (not
/// through a keyed container).
@Suite struct FrontMatterFastPathTests {
    /// Reports with LF, CR LF and CR line ends, quoted and commented paths, a combining mark
    /// after a line break, no fence, no closing fence, `data:` only in the body.
    static let reports: [String] = [
        "---\ntitle: T\ndata: d.json\n---\nbody\n",
        "---\r\ntitle: T\r\ndata: \"d d.json\"\r\n---\r\n",
        "---\rtitle: T\rdata: 'x.json'\r---\r",
        "---\ntitle: T\ndata: d.json # note\n---\n",
        "---\ntitle: T\ndata:\n---\n",
        "---\ntitle: T\ndata: \"\"\n---\n",
        "---\ntitle: T\n---\ndata: body.json\n",
        "---\ntitle: T\n data: indented.json\n---\n",
        "---\ntitle: T\n\n\ndata: after-blank.json",
        "---\ntitle: Ü\n\u{301}data: combining.json\n---\n",
        "---\u{301}\ndata: x.json\n---\n",
        "--- \ndata: x.json\n",
        "---",
        "---\n",
        "no front matter\ndata: x.json\n",
        "",
        "---\ntitle: T\n  ---  \ndata: late.json\n",
        "---\ndata: \u{1F600}.json\n---\n",
    ]

    @Test(arguments: reports)
    func dataPathIsPeekedAsBefore(_ text: String) {
        #expect(ReportSource.peekDataPath(in: text) == Self.referencePeekDataPath(in: text))
    }

    @Test func peekedPathsAreTheExpectedOnes() {
        #expect(ReportSource.peekDataPath(in: Self.reports[0]) == "d.json")
        #expect(ReportSource.peekDataPath(in: Self.reports[1]) == "d d.json")
        #expect(ReportSource.peekDataPath(in: Self.reports[3]) == nil)
        #expect(ReportSource.peekDataPath(in: Self.reports[6]) == nil)
        #expect(ReportSource.peekDataPath(in: Self.reports[8]) == "after-blank.json")
    }

    @Test(arguments: [
        "a: 1\n*a : 2",
        "title: \"\u{1F600} *x\"\n*k: 1",
        "t: é\n\u{301}*k: 1",
        "a: 1\r\n*a : 2",
        "a: 1\r*a : 2\n? x",
        "note: |\n  *literal*\n*k: 2",
        "x: 'it''s'\n  ? y",
        "",
        "\n\n? [a]\n: 1",
    ])
    func complexKeysAreFoundAsBefore(_ yaml: String) {
        let found = YAMLAliasGuard.firstComplexKey(in: yaml)
        let reference = Self.referenceFirstComplexKey(in: yaml)
        #expect(found?.line == reference?.line)
        #expect(found?.column == reference?.column)
        #expect(found?.token == reference?.token)
    }

    @Test(arguments: [
        "a: 1\nb: 2\n",
        "{<<: x}",
        "{<<: x, a: 1}",
        "{<<: {a: 1, b: 2}, b: 3, c: 4}",
        "{<<: [{a: 1}, {z: 2}], yamlAnchor: 5}",
        "&m {a: 1, yamlTag: 2}",
        "!!map {a: 1}",
        "!mine {a: 1, b: 2}",
        "{'yes': 1, yes: 2, ~: 3, [1]: 4, {k: v}: 5}",
        "{!!merge <<: {a: 1}, b: 2}",
        "{!!str <<: {a: 1}, b: 2}",
        "[1, 2]",
        "text",
    ])
    func listedKeysAreTheContainersKeys(_ yaml: String) throws {
        let node = try #require(try Yams.compose(yaml: yaml, ReportSource.frontMatterResolver))
        let decoder = NodeValueDecoder(node: node, parent: nil, key: nil, context: NodeDecodingContext(root: node))
        let viaContainer = try? decoder.container(keyedBy: AnyKey.self).allKeys.map { $0.stringValue }
        #expect(decoder.mappingKeyNames == viaContainer)
        // And Yams' own decoder lists the same keys.
        let yamsRoot = try #require(try Yams.compose(yaml: yaml, ReportSource.frontMatterResolver))
        let viaYams = try? YAMLDecoder().decode(KeyNames.self, from: yamsRoot).names
        #expect(decoder.mappingKeyNames == viaYams)
    }

    @Test(arguments: [
        "title: T\ndate: \"2020-12-01\"\ndata: d.json\n<<: {subtitel: S}\n",
        "title: T\ndate: \"2020-12-01\"\ndata: d.json\n<<: plain\n",
        "<<: {title: T, date: \"2020-12-01\"}\ndata: d.json\nsubtitle: S\n",
        "title: T\ndate: \"2020-12-01\"\ndata: d.json\nshapes: &s {a: b}\nfigures:\n  - {id: f, chart: &c {data: d, mark: point, colour: red}}\n",
        "title: T\ndate: \"2020-12-01\"\ndata: d.json\nfigures:\n  - {id: f, chart: {<<: {data: d, mark: point}, encoding: {x: {field: a, bin: true}}}}\n",
        "title: T\ndate: \"2020-12-01\"\ndata: d.json\nanalyses:\n  - !!map {id: a, kind: count, table: t}\n",
    ])
    func unknownKeysAreReportedAsYamsDecoderReportsThem(_ yaml: String) throws {
        let outcomes = try #require(try NodeDecoderComparison.outcomes(ReportSpec.self, yaml))
        #expect(outcomes.fast == outcomes.yams)
    }

    @Test(arguments: [
        "yes", "Yes", "YES", "yEs", "no", "No", "NO", "nO", "true", "True", "TRUE", "tRUE", "false", "False", "FALSE",
        "on", "On", "ON", "oN", "off", "Off", "OFF", "oFF", "y", "Y", "n", "N", "<<", "< <", "<<<", "=", "~", "null",
        "", " yes", "yes ", "yes\tno", "12", "1.5", ".inf", "0x1F", "2020-01-01", "yes!", "true false", "é", "\u{1F600}",
    ])
    func textTagsAreTheResolversTags(_ text: String) throws {
        let resolved = Node(text, Tag(.implicit, ReportSource.frontMatterResolver, .default)).tag.rawValue
        #expect(YAMLTextTags.implicitTag(of: text).rawValue == resolved)
        let plain = Node.Scalar(text, Tag(.implicit, ReportSource.frontMatterResolver, .default), .plain)
        #expect(YAMLTextTags.bool(from: plain) == Bool.construct(from: plain))
        let quoted = Node.Scalar(text, Tag(.str, ReportSource.frontMatterResolver, .default), .doubleQuoted)
        #expect(YAMLTextTags.bool(from: quoted) == Bool.construct(from: quoted))
        // A tag resolved in place (a key's, or a value's sharing a key's node): the resolver's
        // answer against no rules' answer.
        let resolvedPlain = Node.Scalar(text, Tag(.implicit, ReportSource.frontMatterResolver, .default), .plain)
        _ = Node.scalar(resolvedPlain).tag
        let resolvedWithoutRules = Node.Scalar(text, Tag(.implicit, Resolver.basic, .default), .plain)
        _ = Node.scalar(resolvedWithoutRules).tag
        #expect(YAMLTextTags.bool(from: resolvedWithoutRules) == Bool.construct(from: resolvedPlain))
    }

    @Test(arguments: [
        ("a: yes\nb: \"yes\"\n", true),
        ("yes: 1\nno: 2\n<<: {c: 3}\n", true),
        ("a: !!bool \"true\"\n", false),
        ("title: \"Hello!\"\n", false),
        ("\"yes\": 1\n", false),
        ("'<<': {a: 1}\n", false),
        ("m: {'On': 1}\n", false),
        ("yes: 1\n\"yes\": 2\n", false),
        ("a: [1\n", false),
    ])
    func textTagsAreUsedWhereTheyChangeNothing(_ yaml: String, textTags: Bool) throws {
        let composed = try? YAMLTextTags.compose(yaml)
        #expect((composed?.textTags ?? false) == textTags)
    }

    /// The committed reports take the path without regular expressions (or the speed-up
    /// would be lost without any test failing).
    @Test(arguments: ["china-lac-local", "anscombe"])
    func committedReportsUseTextTags(_ name: String) throws {
        let url = NodeDecoderTests.root.appendingPathComponent("reports/\(name)/report.md")
        let yaml = try #require(NodeDecoderTests.frontMatter(try String(contentsOf: url, encoding: .utf8)))
        let composed = try #require(try YAMLTextTags.compose(yaml))
        #expect(composed.textTags)
        #expect(!composed.mergeKeysPossible)
    }

    @Test(arguments: [("a: {<<: {b: 1}}\n", true), ("a: '<<'\n", true), ("a: <\n  <\n", false), ("a: b\n", false)])
    func mergeKeysArePossibleOnlyWithTheirText(_ yaml: String, possible: Bool) throws {
        let composed = try #require(try YAMLTextTags.compose(yaml))
        #expect(composed.textTags)
        #expect(composed.mergeKeysPossible == possible)
    }

    @Test func composingGivesTheResolversOutcome() throws {
        // A duplicate key for no rules only, a real duplicate, a syntax error, an empty document.
        for yaml in ["yes: 1\n\"yes\": 2\n", "a: 1\na: 2\n", "a: [1\n", "", "# only a comment\n"] {
            let old: String
            do { old = String(describing: try Yams.compose(yaml: yaml, ReportSource.frontMatterResolver)) } catch { old = "\(error)" }
            let new: String
            do { new = String(describing: try YAMLTextTags.compose(yaml)?.node) } catch { new = "\(error)" }
            #expect(new == old, "\(yaml)")
        }
    }

    @Test(arguments: ["tRuE", "True", "On", "oFf", "no", "y", "<<", "'yes'"])
    func aValueSharingAKeysNodeDecodesAsBefore(_ word: String) throws {
        // The key's tag is resolved in place while Yams composes; the alias shares it.
        for yaml in ["{&w \(word): 1, v: *w}\n", "{v: &w \(word), l: [*w]}\n"] {
            let outcomes = try #require(try NodeDecoderComparison.outcomes(OnlyV.self, yaml))
            #expect(outcomes.fast == outcomes.yams)
        }
    }

    @Test(arguments: [0, 10, 14, 30])
    func keysAreFoundInSmallAndLargeMappings(_ fillers: Int) throws {
        let filler = (0..<fillers).map { "k\($0): \($0)" }
        for pairs in [["'yes': 1", "v: on"], ["yes: 2", "'yes': 1", "v: Off"], ["yes: 2", "v: yes"], ["\"yes\": 1", "v: 'x'"]] {
            for order in [filler + pairs, pairs + filler] {
                let yaml = "{" + order.joined(separator: ", ") + "}\n"
                let outcomes = try #require(try NodeDecoderComparison.outcomes(YesAndV.self, yaml))
                #expect(outcomes.fast == outcomes.yams, "\(yaml)")
            }
        }
    }

    /// Reads `yes` (a key a quoted "yes" is not) and `v`.
    private struct YesAndV: Decodable {
        let yes: Int?
        let v: Bool?
    }

    /// Reads the key `v` as a `Bool` and nothing else.
    private struct OnlyV: Decodable {
        let v: Bool
    }

    @Test func idsAreIndexedAsBefore() throws {
        let url = NodeDecoderTests.root.appendingPathComponent("reports/china-lac-local/report.md")
        let flagship = try #require(NodeDecoderTests.frontMatter(try String(contentsOf: url, encoding: .utf8)))
        let tricky = [
            "  - id: a", "  - {id: b, kind: count}", "- id: 'c'", "id: \"d\"", "\t-\t{id: e}", "-\u{301} id: f", " id\u{301}: g",
            "  id:\u{301} h", "{{id: i}", "- - id: j", "   # id: k", "  ids: l", "  -id: m", "\r\n  - id: n", "id:", "  - id: a",
            "- id:\t 'o' ", "- id: \u{A0}p", "- id: q\u{A0}", "- {id:  r , kind: x}", "- id: \"s\"", "- id: t\u{301}", "- id:  ",
        ]
        for lines in [flagship.components(separatedBy: "\n"), tricky] {
            let found = ReportSource.indexIDs(lines, path: "r.md")
            let reference = Self.referenceIndexIDs(lines, path: "r.md")
            #expect(found == reference)
        }
        #expect(ReportSource.indexIDs(tricky, path: "r.md").count >= 8)
    }

    /// `ReportSource.indexIDs` as it was: every line tested Character by Character.
    static func referenceIndexIDs(_ lines: [String], path: String) -> [String: DossierReport.SourceLocation] {
        var locations: [String: DossierReport.SourceLocation] = [:]
        for (index, line) in lines.enumerated() {
            let trimmed = line.drop { $0 == "-" || $0 == " " || $0 == "\t" || $0 == "{" }
            guard trimmed.hasPrefix("id:") else { continue }
            let value = trimmed.dropFirst(3).prefix { $0 != "," && $0 != "}" }
                .trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            if locations[value] == nil {
                let column = (line.firstIndex { !$0.isWhitespace && $0 != "-" }.map { line.distance(from: line.startIndex, to: $0) } ?? 0) + 1
                locations[value] = DossierReport.SourceLocation(file: path, line: index + 2, column: column)
            }
        }
        return locations
    }

    /// ``ReportSource/joined(_:)`` joins as `joined(separator: "\n")` does, for every slice.
    @Test func linesAreJoinedAsJoinedJoinsThem() {
        let lines = ["a", "", "e\u{301}x", "---", "", "last \u{1F600}"]
        for start in 0...lines.count {
            for end in start...lines.count {
                #expect(ReportSource.joined(lines[start..<end]) == lines[start..<end].joined(separator: "\n"))
            }
        }
    }

    /// A fence is `---` between white space, as trimming decides, whichever byte ends the scan.
    @Test(arguments: ["---", " --- ", "\t---\t", "\u{3000}---", "---\u{A0}", "\u{2003}--- ", "----", "-- -", "a---", "---a",
                      "- --", "\u{2014}", "", "--", "x", "# ---", "--- # note", "é---", "---\u{301}", "\u{B}---", "--\u{A0}-"])
    func fencesAreWhatTrimmingFinds(_ line: String) {
        #expect(ReportSource.isFence(line) == (line.trimmingCharacters(in: .whitespaces) == "---"), "\(line.unicodeScalars.map(\.value))")
        #expect(ReportSource.isFence(line[...]) == ReportSource.isFence(line))
    }

    /// Every line of up to five pieces of space, tab, dash, a letter, NBSP, a vertical tab and a
    /// combining mark is a fence exactly when trimming finds `---`, as a string and as bytes.
    @Test func everySmallLineIsAFenceAsTrimmingFinds() {
        let pieces = [" ", "\t", "-", "a", "\u{A0}", "\u{B}", "\u{301}"]
        var lines = [""]
        var last = [""]
        for _ in 1...5 {
            last = last.flatMap { line in pieces.map { line + $0 } }
            lines += last
        }
        var fences = 0
        for line in lines {
            let expected = line.trimmingCharacters(in: .whitespaces) == "---"
            if expected { fences += 1 }
            #expect(ReportSource.isFence(line) == expected, "\(line.unicodeScalars.map(\.value))")
            #expect(ReportSource.isFence(bytes: ArraySlice(line.utf8)) == expected, "\(line.unicodeScalars.map(\.value))")
        }
        #expect(fences > 20)
    }

    /// ``ReportSource/split(_:path:)`` gives what splitting into lines and joining them gave:
    /// the front matter's lines, the front matter, the body and its first line, or the same error.
    @Test(arguments: ["---\na: 1\n---\nbody\n", "---\na: 1\n---\nbody", "---\n---\n", "---\n---", "---\na\n---\n\n\n",
                      "---\r\na: é\r\n---\r\nx\r\ny\r\n", "---\ra\r---\rb", " --- \na\n\t---\t\nb\n\nc\n",
                      "---\n---\n---\nx\n", "", "\n", "x\n---\n", "---\na\n", "---", "--- \u{A0}\na\n---\u{301}\n---\nz\n",
                      "---\n\u{1F600}\n---\n\u{1F600}\n\n", "---\na\n---\n\n", "\u{FEFF}---\na\n---\n"])
    func theReportSplitsAsItsLinesJoined(_ text: String) {
        func oracle() throws(ReportError) -> (frontMatterLines: [String], yaml: String, body: String, bodyFirstLine: Int) {
            var lines = ReportSource.lines(of: ReportSource.normalizingLineEnds(text))
            if lines.last == "" { lines.removeLast() }
            guard let first = lines.first, ReportSource.isFence(first) else {
                throw ReportError("a report starts with YAML front matter between two \"---\" lines, found \(InputExcerpt.quoted(lines.first ?? ""))",
                                  at: DossierReport.SourceLocation(file: "r.md", line: 1, column: 1))
            }
            guard let closing = lines.dropFirst().firstIndex(where: { ReportSource.isFence($0) }) else {
                throw ReportError("the front matter opened on line 1 is never closed: add a \"---\" line after it",
                                  at: DossierReport.SourceLocation(file: "r.md", line: 1, column: 1))
            }
            return (Array(lines[1..<closing]), ReportSource.joined(lines[1..<closing]),
                    ReportSource.joined(lines[(closing + 1)...]) + "\n", closing + 2)
        }
        func described(_ parts: () throws(ReportError) -> (frontMatterLines: [String], yaml: String, body: String, bodyFirstLine: Int)) -> String {
            do {
                let parts = try parts()
                return "\(parts.frontMatterLines) | \(Array(parts.yaml.utf8)) | \(Array(parts.body.utf8)) | \(parts.bodyFirstLine)"
            } catch {
                return "error \(error)"
            }
        }
        #expect(described { () throws(ReportError) in try ReportSource.split(text, path: "r.md") } == described(oracle), "\(Array(text.utf8))")
    }

    @Test func characterClassesAreCharacterProperties() {
        var characters = (0...0x7F).compactMap { Unicode.Scalar($0).map(Character.init) }
        characters += ["\r\n", "é", "e\u{301}", "\u{A0}", "\u{2028}", "\u{85}", "٣", "²", "ß", "\u{1F600}", "a\u{301}"]
        for character in characters {
            #expect(CharacterClasses.isLetter(character) == character.isLetter, "\(character.unicodeScalars.map(\.value))")
            #expect(CharacterClasses.isNumber(character) == character.isNumber, "\(character.unicodeScalars.map(\.value))")
            #expect(CharacterClasses.isWhitespace(character) == character.isWhitespace, "\(character.unicodeScalars.map(\.value))")
        }
    }

    @Test(arguments: ["12", "-3", "+5", "0", "-0", "+0", "007", "1_000", "1e3", "-2.5E-3", ".5", "5.", "1.2.3", "e", "+", "-",
                      "9223372036854775807", "9223372036854775808", "-9223372036854775808", "1:30", "0x1F", ".inf", "",
                      "1e400", "--1", "1-2", "0.0", "00", "1E+2", "010", "-010"])
    func numbersAreReadAsYamsReadsThem(_ text: String) {
        for style in [Node.Scalar.Style.plain, .singleQuoted] {
            let scalar = Node.Scalar(text, Tag(.implicit, Resolver.basic, .default), style)
            if let fast = NodeScalarNumbers.double(scalar) { #expect(fast == Double.construct(from: scalar), "\(text)") }
            if let fast = NodeScalarNumbers.int(scalar) { #expect(fast == Int.construct(from: scalar), "\(text)") }
        }
        // The fast paths take the common texts.
        #expect(NodeScalarNumbers.double(Node.Scalar("-2.5E-3")) != nil)
        #expect(NodeScalarNumbers.int(Node.Scalar("+5")) != nil)
    }

    /// Every key of a mapping, through a keyed container.
    private struct KeyNames: Decodable {
        let names: [String]
        init(from decoder: any Decoder) throws {
            names = try decoder.container(keyedBy: AnyKey.self).allKeys.map { $0.stringValue }
        }
    }

    /// `ReportSource.peekDataPath` as it was: the whole report split into lines first.
    static func referencePeekDataPath(in text: String) -> String? {
        let text = ReportSource.normalizingLineEnds(text)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst()
        guard text.hasPrefix("---") else { return nil }
        while let line = lines.popFirst(), !ReportSource.isFence(line) {
            guard line.hasPrefix("data:") else { continue }
            var value = line.dropFirst(5).trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = String(value.dropFirst().dropLast())
            }
            return value.isEmpty || value.contains("#") ? nil : value
        }
        return nil
    }

    /// `YAMLAliasGuard.firstComplexKey` as it was: the lines split as Characters.
    static func referenceFirstComplexKey(in yaml: String) -> (line: Int, column: Int, token: String)? {
        YAMLAliasGuard.firstComplexKey(inLines: yaml.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.utf8) })
    }
}
