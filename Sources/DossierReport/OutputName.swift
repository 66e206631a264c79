import DossierBase

/// The rule for ids that become file names (a figure's `charts/<id>.svg`, a table's id) and
/// the shapes of the paths Dossier writes under `out/`.
///
/// An id is 1 to 64 characters: ASCII letters, digits, `_` and `-`, starting with a letter or
/// a digit (`[A-Za-z0-9][A-Za-z0-9_-]{0,63}`). So an id can never name a folder (`/`), a
/// parent (`..`), a hidden file (`.x`), an option (`-x`) or anything a shell or make rule
/// would read specially (space, `$`, `;`, quotes).
package enum OutputName {
    /// The longest id.
    package static let maximumLength = 64

    /// The rule as a regular expression, for messages and documentation.
    package static let pattern = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}"

    /// Whether `id` follows the rule.
    package static func isValidID(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        guard let first = bytes.first, bytes.count <= maximumLength, isAlphanumeric(first) else { return false }
        return bytes.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
    }

    /// The message for an id that breaks the rule; `what` is `"a figure"` or `"a table"`.
    package static func invalidIDMessage(_ id: String, what: String) -> String {
        "\(what) id becomes a file name, so it must be 1 to \(maximumLength) ASCII letters, digits, \"_\" or \"-\", "
            + "starting with a letter or digit (\(pattern)), found \(InputExcerpt.quoted(id))"
    }

    /// Checks the id decoded from `key` of `container`: a decoding error at the id's line and
    /// column when it breaks the rule.
    package static func check<Key: CodingKey>(_ id: String, forKey key: Key, in container: KeyedDecodingContainer<Key>,
                                      what: String) throws {
        guard !isValidID(id) else { return }
        throw DecodingError.dataCorruptedError(forKey: key, in: container,
                                               debugDescription: invalidIDMessage(id, what: what))
    }

    /// Whether `path` (relative to the output folder) has the shape of a file Dossier writes
    /// there: a top-level file (`<report>.pdf`, `<report>.html`, `stats.json`,
    /// `manifest.json`), `pages/<name>.svg` or `charts/<name>.svg|pdf|png`. The cleanup
    /// removes only such paths, and only when the previous manifest lists them.
    package static func isOutputPath(_ path: String) -> Bool {
        guard RelativePath.isConfined(path) else { return false }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !parts.contains(where: { $0.hasPrefix(".") }) else { return false }
        func hasExtension(_ name: Substring, _ extensions: [String]) -> Bool {
            extensions.contains { name.hasSuffix("." + $0) && name.count > $0.count + 1 }
        }
        switch parts.count {
        case 1: return hasExtension(parts[0], ["pdf", "html", "json"])
        case 2 where parts[0] == "pages": return hasExtension(parts[1], ["svg"])
        case 2 where parts[0] == "charts": return hasExtension(parts[1], ["svg", "pdf", "png"])
        default: return false
        }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}

/// Relative paths under an output folder, checked before anything is written or removed.
package enum RelativePath {
    /// Whether `path` stays inside the folder it is relative to: not empty, not absolute, no
    /// empty, `.` or `..` component, no NUL byte.
    package static func isConfined(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.utf8.contains(0) else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { component in
            !component.isEmpty && component != "." && component != ".."
        }
    }
}
