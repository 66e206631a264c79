import DossierBase
import Foundation
import Yams

/// A report file split into its YAML front matter (decoded into a ``ReportSpec``) and its
/// CommonMark body, with line numbers kept so every error points into the file.
package struct ReportSource: Sendable {
    /// The report file's path as given (used in diagnostics).
    package let path: String
    package var spec: ReportSpec
    /// The Markdown body after the closing `---`.
    package let body: String
    /// The report line on which the body starts.
    package let bodyFirstLine: Int
    /// The front matter's lines (report line 2 onwards), for locating keys.
    package let frontMatterLines: [String]
    /// Where each `id: <id>` is first written in the front matter (indexed once: every
    /// analysis, figure and table asks for its location, even when nothing goes wrong).
    package let idLocations: [String: SourceLocation]
    /// The claims, their conditions parsed (errors point inside the `holds` texts).
    package let claims: [Claim]

    /// Parses `text` read from `path`; the front matter is composed by `composer` (the build
    /// passes one that keeps composed front matters in its cache), and `conditions` may hold the
    /// claims' parsed conditions (``Claim/parse(_:lines:file:lineOffset:store:)``).
    package init(text: String, path: String, composer: YAMLComposer = YAMLTextTags.compose,
                 conditions: (any ClaimConditionStore)? = nil) throws(ReportError) {
        self.path = path
        guard text.utf8.count <= TextLimits.reportBytes else {
            throw ReportError("the report has \(text.utf8.count) bytes; a report.md may have at most \(TextLimits.reportBytes) "
                              + "(put data in datasets, not in the report)", at: SourceLocation(file: path, line: 1, column: 1))
        }
        let parts = try ReportSource.split(text, path: path)
        frontMatterLines = parts.frontMatterLines
        idLocations = ReportSource.indexIDs(frontMatterLines, path: path)
        spec = try ReportSource.decode(parts.yaml, path: path, lineOffset: 1, composer: composer)
        body = parts.body
        bodyFirstLine = parts.bodyFirstLine
        claims = try Claim.parse(spec.claims, lines: frontMatterLines, file: path, lineOffset: 1, store: conditions)
    }

    /// The parts of a report's text (line ends normalized): the front matter's lines (report
    /// line 2 until the closing `---`), the front matter as one text (those lines joined with
    /// LF), the body after the closing line (its lines joined with LF, ending with one LF, a
    /// last empty line left out) and the body's first line number.
    ///
    /// The text is split into lines as bytes, and only the front matter's lines become
    /// strings: the front matter and the body are each one range of the text's bytes, which is
    /// what joining their lines with LF gives back.
    static func split(_ text: String, path: String) throws(ReportError)
        -> (frontMatterLines: [String], yaml: String, body: String, bodyFirstLine: Int) {
        let bytes = Array(normalizingLineEnds(text).utf8)
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        guard let first = lines.first, isFence(bytes: first) else {
            let found = lines.first.map { String(decoding: $0, as: UTF8.self) } ?? ""
            throw ReportError("a report starts with YAML front matter between two \"---\" lines, found \(InputExcerpt.quoted(found))",
                              at: SourceLocation(file: path, line: 1, column: 1))
        }
        guard let closing = lines.dropFirst().firstIndex(where: { isFence(bytes: $0) }) else {
            throw ReportError("the front matter opened on line 1 is never closed: add a \"---\" line after it",
                              at: SourceLocation(file: path, line: 1, column: 1))
        }
        let frontMatterLines = lines[1..<closing].map { String(decoding: $0, as: UTF8.self) }
        let yaml = closing > 1 ? String(decoding: bytes[lines[1].startIndex..<lines[closing - 1].endIndex], as: UTF8.self) : ""
        var body = closing + 1 < lines.count
            ? String(decoding: bytes[lines[closing + 1].startIndex..<lines[lines.count - 1].endIndex], as: UTF8.self) : ""
        body.append("\n")
        return (frontMatterLines, yaml, body, closing + 2)
    }

    /// ``isFence(_:)`` of a line given as its UTF-8 bytes.
    static func isFence(bytes line: ArraySlice<UInt8>) -> Bool {
        isFence(utf8: line) { String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespaces) == "---" }
    }

    /// The lines of `text` (split at LF only, empty lines kept): what `components(separatedBy:
    /// "\n")` gives, without Foundation's string search.
    static func lines(of text: String) -> [String] {
        UTF8Search.lines(of: text).map { String(decoding: $0, as: UTF8.self) }
    }

    /// `lines` joined with LF: what `joined(separator: "\n")` gives, into one buffer reserved
    /// up front (the generic `joined` grows its result as it goes).
    static func joined(_ lines: ArraySlice<String>) -> String {
        var text = ""
        text.reserveCapacity(lines.reduce(lines.count) { $0 + $1.utf8.count })
        for (index, line) in zip(lines.indices, lines) {
            if index != lines.startIndex { text.append("\n") }
            text.append(line)
        }
        return text
    }

    /// Whether `line` is a front matter fence: `---` between white space. Lines without three
    /// dashes in a row (nearly all) are answered without trimming, and a line with an ASCII
    /// byte other than a dash, a space or a tab (the only ASCII white space trimming removes)
    /// at its first such byte.
    static func isFence(_ line: some StringProtocol) -> Bool {
        isFence(utf8: line.utf8) { line.trimmingCharacters(in: .whitespaces) == "---" }
    }

    /// ``isFence(_:)`` of the line whose bytes are `utf8`; `trimmed` answers with Foundation's
    /// trimming, for a line with three dashes in a row and a byte above 0x7F.
    private static func isFence(utf8: some Collection<UInt8>, trimmed: () -> Bool) -> Bool {
        var dashes = 0
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "-"):
                dashes += 1
                if dashes == 3 { return isASCIIFence(utf8) ?? trimmed() }
            case UInt8(ascii: " "), UInt8(ascii: "\t"), 0x80...:
                dashes = 0
            default:
                return false
            }
        }
        return false
    }

    /// Whether a line is `---` between spaces and tabs (the only ASCII characters in
    /// `CharacterSet.whitespaces`), as trimming it would decide: false at the first ASCII byte
    /// that trimming would leave in place and that breaks `---`; nil at a byte above 0x7F met
    /// before that (Foundation's trimming decides there).
    static func isASCIIFence(_ line: some Collection<UInt8>) -> Bool? {
        var dashes = 0
        var sawTrailingSpace = false
        for byte in line {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                if dashes > 0 { sawTrailingSpace = true }
            case UInt8(ascii: "-"):
                guard !sawTrailingSpace else { return false }
                dashes += 1
            case 0x80...:
                return nil
            default:
                return false
            }
        }
        return dashes == 3
    }

    /// The value of a top-level `data:` line in the front matter, read without a YAML parser
    /// (plain or quoted scalars only), so that the data package can start loading while the
    /// front matter is decoded. The decoded spec stays the authority: see ``DataPackagePrefetch``.
    package static func peekDataPath(in text: String) -> String? {
        let text = normalizingLineEnds(text)
        guard text.hasPrefix("---") else { return nil }
        // Lines are found one at a time (LF is always a line and a Character boundary here:
        // the CRs are gone), so the scan stops at the front matter's end instead of splitting
        // the whole report first.
        let utf8 = text.utf8
        guard let firstBreak = utf8.firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        var start = utf8.index(after: firstBreak)
        while true {
            let end = utf8[start...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            let line = text[start..<end]
            if isFence(line) { return nil }
            guard line.hasPrefix("data:") else {
                if end == utf8.endIndex { return nil }
                start = utf8.index(after: end)
                continue
            }
            var value = line.dropFirst(5).trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = String(value.dropFirst().dropLast())
            }
            return value.isEmpty || value.contains("#") ? nil : value
        }
    }

    /// `text` with Windows (CR LF) and old Mac (CR) line ends written as LF, as CommonMark and
    /// YAML read them: the same report saved on Windows builds the same outputs. (Swift sees
    /// "\r\n" as one character, so splitting at "\n" alone would not split such lines.)
    package static func normalizingLineEnds(_ text: String) -> String {
        // memchr where the text is contiguous (a file read is): the whole report is scanned.
        guard UTF8Search.contains(UInt8(ascii: "\r"), in: text) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var previousWasCR = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n"), previousWasCR { previousWasCR = false; continue }
            previousWasCR = byte == UInt8(ascii: "\r")
            bytes.append(previousWasCR ? UInt8(ascii: "\n") : byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func decode(_ yaml: String, path: String, lineOffset: Int, composer: YAMLComposer) throws(ReportError) -> ReportSpec {
        try YAMLDocumentDecoder.decode(ReportSpec.self, text: yaml, path: path, lineOffset: lineOffset, what: "the front matter",
                                       whenEmpty: "the front matter is empty: it needs at least `title` and `data`",
                                       composer: composer) { node throws(ReportError) in
            try rejectUnexpandedExpressions(in: node, path: path, lineOffset: lineOffset)
        }
    }

    /// The first NEL (U+0085), LINE SEPARATOR (U+2028) or PARAGRAPH SEPARATOR (U+2029) in
    /// `yaml`: libyaml breaks lines there, so its positions would no longer match the file's
    /// lines (Dossier, like CommonMark, breaks only at LF, CR LF and CR).
    static func firstUnicodeLineBreak(in yaml: String) -> (line: Int, column: Int, name: String)? {
        // Their UTF-8 forms are C2 85, E2 80 A8 and E2 80 A9: without those bytes there is none,
        // and the text need not be read character by character.
        guard containsUnicodeLineBreak(Array(yaml.utf8)) else { return nil }
        let names: [Unicode.Scalar: String] = ["\u{85}": "U+0085 NEXT LINE", "\u{2028}": "U+2028 LINE SEPARATOR",
                                               "\u{2029}": "U+2029 PARAGRAPH SEPARATOR"]
        var line = 1
        var column = 1
        for character in yaml {
            if character == "\n" {
                line += 1
                column = 1
                continue
            }
            if let scalar = character.unicodeScalars.first, let name = names[scalar] { return (line, column, name) }
            column += 1
        }
        return nil
    }

    /// Whether `bytes` (UTF-8) hold C2 85, E2 80 A8 or E2 80 A9.
    private static func containsUnicodeLineBreak(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while index + 1 < bytes.count {
            let (first, second) = (bytes[index], bytes[index + 1])
            if first == 0xC2, second == 0x85 { return true }
            if first == 0xE2, second == 0x80, index + 2 < bytes.count, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 { return true }
            index += 1
        }
        return false
    }

    /// The texts of a chart the build expands (`{{ }}` allowed); other chart texts are printed as
    /// written.
    package static let expandedChartKeys: Set<String> = ["title", "subtitle", "caption", "source", "description"]
    /// Keys of chart texts printed as written: a `{{` there would print literally, so it is refused.
    package static let literalChartTextKeys: Set<String> = ["title", "label", "noDataLabel", "totalsPrefix", "value"]

    /// Throws at the first `{{` in a chart text that the build prints as written (an axis, legend
    /// or annotation title or label): silently printing "{{ x.n }}" would be wrong.
    package static func rejectUnexpandedExpressions(in root: Node, path: String, lineOffset: Int) throws(ReportError) {
        guard let figures = root.mapping?["figures"]?.sequence else { return }
        for figure in figures {
            guard let chart = figure.mapping?["chart"] else { continue }
            try rejectUnexpandedExpressions(inChart: chart, path: path, lineOffset: lineOffset)
        }
    }

    /// ``rejectUnexpandedExpressions(in:path:lineOffset:)`` for one chart (a figure's `chart`,
    /// or the root of a chart file).
    package static func rejectUnexpandedExpressions(inChart chart: Node, path: String, lineOffset: Int) throws(ReportError) {
        func walk(_ node: Node, key: String?, chartLevel: Bool) throws(ReportError) {
            if let mapping = node.mapping {
                for (keyNode, value) in mapping {
                    let name = keyNode.string ?? ""
                    if chartLevel, expandedChartKeys.contains(name) { continue }
                    try walk(value, key: name, chartLevel: false)
                }
            } else if let sequence = node.sequence {
                for item in sequence { try walk(item, key: key, chartLevel: false) }
            } else if let key, literalChartTextKeys.contains(key), let text = node.string,
                      ExpressionText.containsExpression(text) {
                let mark = node.mark
                throw ReportError("\(InputExcerpt.quoted(text)): expressions are not evaluated in a chart's \(key) below its top level "
                                  + "(axis, legend, annotation and mark texts); write the text itself",
                                  at: SourceLocation(file: path, line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1))
            }
        }
        try walk(chart, key: nil, chartLevel: true)
    }

    /// Tag resolution for the front matter: booleans and merge keys only. Yams' default
    /// resolver also tries the int, float, null, timestamp and value patterns on every plain
    /// scalar, through `NSRegularExpression`: two thirds of the time decoding a report took
    /// (21 ms of CPU for the flagship's 390 lines). Nothing here depends on those tags — Yams
    /// builds numbers and nulls from a plain scalar's text whatever its tag, and only `Bool`
    /// needs one (it refuses scalars tagged `str`, i.e. quoted ones).
    package static let frontMatterResolver = Resolver.basic.appending(.bool).appending(.merge)

    /// Turns a `DecodingError` into a message at the YAML node its coding path points to.
    package static func decodingError(_ error: DecodingError, root: Node, path: String, lineOffset: Int) -> ReportError {
        let codingPath = codingPath(of: error)
        var node = root
        var keyPath: [String] = []
        var reached = true
        for key in codingPath {
            if let index = key.intValue, let sequence = node.sequence, index < sequence.count {
                node = sequence[index]
                keyPath.append("[\(index)]")
            } else if let mapping = node.mapping, let child = mapping[key.stringValue] {
                node = child
                keyPath.append(InputExcerpt.excerpt(key.stringValue, limit: 40))
            } else {
                reached = false
                break
            }
        }
        let message = decodingErrorMessage(error, found: reached ? describe(found: node) : nil)
        let mark = node.mark
        let location = SourceLocation(file: path, line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1)
        return ReportError(located(message, keyPath: keyPath), at: location)
    }

    /// `message` prefixed with the key path it is about (`in layer[0].mark: …`).
    package static func located(_ message: String, keyPath: [String]) -> String {
        let where_ = keyPath.isEmpty ? "" : "in \(keyPath.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")): "
        return where_ + message
    }

    /// The coding path a `DecodingError` is about.
    package static func codingPath(of error: DecodingError) -> [any CodingKey] {
        switch error {
        case let .keyNotFound(_, context), let .typeMismatch(_, context), let .valueNotFound(_, context), let .dataCorrupted(context):
            return context.codingPath
        @unknown default:
            return []
        }
    }

    /// The message of a `DecodingError`: a type mismatch says what was expected and, when
    /// `found` describes the value at the error's path, what was found there.
    package static func decodingErrorMessage(_ error: DecodingError, found: String?) -> String {
        switch error {
        case let .keyNotFound(key, context):
            return "missing key \"\(key.stringValue)\"" + (context.debugDescription.hasPrefix("No value") ? "" : ": \(context.debugDescription)")
        case let .typeMismatch(type, context):
            if let found { return "expected \(describe(type)), found \(found)" }
            return "expected \(describe(type)) — \(context.debugDescription)"
        case let .valueNotFound(type, _):
            return "expected \(describe(type)), found nothing"
        case let .dataCorrupted(context):
            return context.debugDescription
        @unknown default:
            return "\(error)"
        }
    }

    /// What a node is, for "expected …, found …": a mapping, a list, or the value quoted.
    package static func describe(found node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            if scalar.style == .plain, NodeScalars.isNull(node) { return "null" }
            return (scalar.style == .plain || scalar.style == .any ? "" : "the text ") + InputExcerpt.quoted(scalar.string)
        }
    }

    package static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "text"
        case is Double.Type, is Int.Type: return "a number"
        case is UInt64.Type: return "a whole number from 0 to \(UInt64.max)"
        case is Bool.Type: return "true or false"
        case is Node.Scalar.Type: return "a single value (a text, a number, true or false)"
        case is Node.Mapping.Type: return "a mapping"
        case is Node.Sequence.Type: return "a list"
        default:
            let name = String(describing: type)
            return name.hasPrefix("Array") ? "a list" : (name.hasPrefix("Dictionary") ? "a mapping" : name)
        }
    }
}

extension ReportSource {
    /// Where `key:` is first written in the front matter (for errors about that key).
    package func location(ofKey key: String) -> SourceLocation {
        frontMatterLocation { line in
            line.hasPrefix(key + ":")
        }
    }

    /// Where `id: <id>` is written in the front matter (for errors about an analysis,
    /// figure or table).
    package func location(ofID id: String) -> SourceLocation {
        idLocations[id] ?? SourceLocation(file: path, line: 1, column: 1)
    }

    /// The first `id:` line of each id: block style `- id: x` or flow style `- {id: x, kind: …}`.
    package static func indexIDs(_ lines: [String], path: String) -> [String: SourceLocation] {
        var locations: [String: SourceLocation] = [:]
        for (index, line) in lines.enumerated() where mayHoldID(line) {
            let trimmed = line.drop { $0 == "-" || $0 == " " || $0 == "\t" || $0 == "{" }
            guard trimmed.hasPrefix("id:") else { continue }
            let raw = trimmed.dropFirst(3).prefix { $0 != "," && $0 != "}" }
            let value = asTrimmed(raw)
                ?? raw.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            if locations[value] == nil {
                locations[value] = SourceLocation(file: path, line: index + 2, column: column(of: line))
            }
        }
        return locations
    }

    /// Whether `line`'s bytes start with `id:` after `-`, space, tab and `{`: a line whose
    /// Characters do also does (each of those Characters is that one ASCII byte), so the
    /// lines that fail here (nearly all) skip the Character-by-Character test.
    private static func mayHoldID(_ line: String) -> Bool {
        var bytes = line.utf8.drop { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "{") }
        for expected in "id:".utf8 {
            guard bytes.first == expected else { return false }
            bytes = bytes.dropFirst()
        }
        return true
    }

    /// `text` with white space and then quotes trimmed off, as Foundation's two trims give it,
    /// when that is only leading spaces and tabs: what is left starts and ends with printable
    /// ASCII other than quotes, so neither trim would remove more. Nil otherwise.
    private static func asTrimmed(_ text: Substring) -> String? {
        func keeps(_ byte: UInt8?) -> Bool {
            guard let byte else { return false }
            return byte > 0x20 && byte < 0x7F && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "'")
        }
        let rest = text.utf8.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        guard keeps(rest.first), keeps(rest.last) else { return nil }
        return String(Substring(rest))
    }

    /// The 1-based column of the first character that is neither white space nor `-`.
    private static func column(of line: String) -> Int {
        (line.firstIndex { !CharacterClasses.isWhitespace($0) && $0 != "-" }.map { line.distance(from: line.startIndex, to: $0) } ?? 0) + 1
    }

    private func frontMatterLocation(_ matches: (String) -> Bool) -> SourceLocation {
        for (index, line) in frontMatterLines.enumerated() where matches(line) {
            return SourceLocation(file: path, line: index + 2, column: ReportSource.column(of: line))
        }
        return SourceLocation(file: path, line: 1, column: 1)
    }
}
