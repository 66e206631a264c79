import DossierBase

/// Refuses complex mapping keys in the front matter — an alias used as a key (`*name: value`)
/// or an explicit key (`? key`) — before the YAML parser sees them.
///
/// An alias shares a node instead of copying it, so ten lines of aliases can stand for 10⁹
/// values ("billion laughs"). Used as a mapping key, such a node made the YAML library's
/// duplicate-key check hash every shared leaf (a hang found by `make fuzz`), before Dossier
/// could look at it. Keys in a front matter are names; aliases as values stay allowed (the
/// flagship shares its field lists with `&fields` … `*fields`), and their expanded size is
/// bounded after parsing (see ``YAMLExpansionBudget``).
///
/// The scan knows YAML's quoted scalars, comments and block scalars (`|`, `>`), so a `*` or `?`
/// inside text is not mistaken for syntax; it looks only where a node can start: at the start
/// of a line's content, or after `:`, `-`, `[`, `{` or `,` and white space.
enum YAMLAliasGuard {
    /// The position (1-based line and column within `yaml`) and text of the first complex key
    /// (`*name` followed by `:`, or `?`), or nil.
    static func firstComplexKey(in yaml: String) -> (line: Int, column: Int, token: String)? {
        // Without CR, the Character "\n" is exactly the byte 10 (LF never joins a grapheme
        // cluster), so the lines are cut from the bytes, without grapheme breaking.
        guard !UTF8Search.contains(UInt8(ascii: "\r"), in: yaml) else {
            return firstComplexKey(inLines: yaml.split(separator: "\n", omittingEmptySubsequences: false).lazy.map { Array($0.utf8) })
        }
        return firstComplexKey(inLines: UTF8Search.lines(of: yaml).lazy.map { Array($0) })
    }

    /// ``firstComplexKey(in:)`` over `lines` (each line's UTF-8 bytes, without its break).
    static func firstComplexKey(inLines lines: some Sequence<[UInt8]>) -> (line: Int, column: Int, token: String)? {
        var scanner = Scanner()
        for (index, line) in lines.enumerated() {
            if let found = scanner.scan(line) {
                return (index + 1, found.column, found.token)
            }
        }
        return nil
    }

    /// The state carried from one line to the next.
    private struct Scanner {
        /// Inside a quoted scalar that continues on the next line.
        var openQuote: UInt8?
        /// Inside a block scalar: lines indented more than this are its text.
        var blockScalarIndent: Int?
        /// The indentation of the last line with content, and whether that line ended where a
        /// node may follow (`key:`, `-`, `[`, `,` …). A more indented line after one that did
        /// not is the continuation of a plain text, where `*` and `&` are just characters.
        var previousIndent: Int?
        var previousEndedAtIndicator = true

        mutating func scan(_ bytes: [UInt8]) -> (column: Int, token: String)? {
            let indent = bytes.prefix(while: { $0 == UInt8(ascii: " ") }).count
            if let parent = blockScalarIndent {
                if indent == bytes.count || indent > parent { return nil }
                blockScalarIndent = nil
            }
            var index = 0
            let continuesQuote = openQuote != nil
            // Whether a node may start at this byte, and whether the last significant byte was
            // an indicator after which (and white space) one may.
            var nodeMayStart = previousEndedAtIndicator || indent <= (previousIndent ?? indent)
            var afterIndicator = false
            var sawContent = false
            defer {
                if !continuesQuote, sawContent {
                    previousIndent = indent
                    previousEndedAtIndicator = afterIndicator || nodeMayStart
                }
            }
            while index < bytes.count {
                let byte = bytes[index]
                if openQuote != nil {
                    if skipQuoted(bytes, at: &index) {
                        nodeMayStart = false
                        afterIndicator = false
                    }
                    continue
                }
                let next = index + 1 < bytes.count ? bytes[index + 1] : UInt8(ascii: " ")
                let spaceFollows = next == UInt8(ascii: " ") || next == UInt8(ascii: "\t")
                switch byte {
                case UInt8(ascii: " "), UInt8(ascii: "\t"):
                    if afterIndicator { nodeMayStart = true }
                    index += 1
                    continue
                case UInt8(ascii: "#") where index == 0 || bytes[index - 1] == UInt8(ascii: " ") || bytes[index - 1] == UInt8(ascii: "\t"):
                    return nil
                case UInt8(ascii: ":") where spaceFollows:
                    // The end of a key: its value may follow.
                    afterIndicator = true
                    nodeMayStart = false
                case UInt8(ascii: "?") where nodeMayStart && spaceFollows:
                    return (column(of: index, in: bytes), "?")
                case UInt8(ascii: "-"), UInt8(ascii: "?"):
                    // A sequence entry only at a node's start.
                    afterIndicator = nodeMayStart && spaceFollows
                    nodeMayStart = false
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    if nodeMayStart { openQuote = byte }
                    nodeMayStart = false
                    afterIndicator = false
                case UInt8(ascii: "*"):
                    if nodeMayStart, let alias = Self.aliasUsedAsKey(in: bytes, at: index) {
                        return (column(of: index, in: bytes), alias)
                    }
                    nodeMayStart = false
                    afterIndicator = false
                case UInt8(ascii: "|"), UInt8(ascii: ">"):
                    if nodeMayStart {
                        // A block scalar: the rest of this line is its header, the indented
                        // lines that follow are text.
                        blockScalarIndent = indent
                        return nil
                    }
                    nodeMayStart = false
                    afterIndicator = false
                case UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","):
                    nodeMayStart = true
                    afterIndicator = true
                default:
                    nodeMayStart = false
                    afterIndicator = false
                }
                sawContent = true
                index += 1
            }
            return nil
        }

        /// Steps over byte `index` of a quoted scalar (a doubled `''` or a `\\` escape as one);
        /// true when it closed the quote.
        private mutating func skipQuoted(_ bytes: [UInt8], at index: inout Int) -> Bool {
            guard let quote = openQuote else { return false }
            let byte = bytes[index]
            index += 1
            if byte == quote {
                if quote == UInt8(ascii: "'"), index < bytes.count, bytes[index] == quote {
                    index += 1
                    return false
                }
                openQuote = nil
                return true
            }
            if byte == UInt8(ascii: "\\"), quote == UInt8(ascii: "\""), index < bytes.count { index += 1 }
            return false
        }

        /// The alias (`*name`) at `index` when a `:` follows it (after white space): an alias
        /// used as a mapping key.
        private static func aliasUsedAsKey(in bytes: [UInt8], at index: Int) -> String? {
            let name = bytes[(index + 1)...].prefix(while: isNameByte)
            var after = index + 1 + name.count
            while after < bytes.count, bytes[after] == UInt8(ascii: " ") || bytes[after] == UInt8(ascii: "\t") { after += 1 }
            guard !name.isEmpty, after < bytes.count, bytes[after] == UInt8(ascii: ":") else { return nil }
            let afterColon = after + 1
            guard afterColon == bytes.count || bytes[afterColon] == UInt8(ascii: " ") || bytes[afterColon] == UInt8(ascii: "\t") else {
                return nil
            }
            return String(decoding: [bytes[index]] + name, as: UTF8.self)
        }

        /// The 1-based character column of byte `index`.
        private func column(of index: Int, in bytes: [UInt8]) -> Int {
            String(decoding: bytes[..<index], as: UTF8.self).count + 1
        }

        /// Whether `byte` can be part of an alias name (libyaml's rule: ASCII letters, digits,
        /// `_` and `-`).
        static func isNameByte(_ byte: UInt8) -> Bool {
            (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
    }
}
