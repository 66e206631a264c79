import DossierBase
import Yams

/// Decodes a JSON document (a chart file ending in `.json`) into a spec, as
/// ``YAMLDocumentDecoder`` decodes YAML: read by a JSON parser (``JSONDocument``: JSON's
/// escapes, keys in order, duplicate keys refused), then decoded through the same `Node`
/// decoders, every error at its `file:line:column`.
package enum JSONDocumentDecoder {
    /// Decodes `text` as `T`; `whenEmpty` is the message for a file with nothing but white
    /// space; `checks` runs on the node before decoding (its errors are placed by the path
    /// they name, see ``ChecksError``).
    package static func decode<T: Decodable>(_ type: T.Type, text: String, path: String, what: String, whenEmpty: String,
                                             checks: (Node) throws(ReportError) -> Void = { _ in }) throws(ReportError) -> T {
        guard text.contains(where: { !$0.isWhitespace }) else {
            throw ReportError(whenEmpty, at: SourceLocation(file: path, line: 1, column: 1))
        }
        let document: JSONDocument
        do {
            document = try JSONDocument(parsing: text)
        } catch {
            let what = what.hasPrefix("the ") ? String(what.dropFirst(4)) : what
            throw ReportError("\(what) is not valid JSON: \(error.message)", at: SourceLocation(file: path, line: error.line, column: error.column))
        }
        let node = document.node
        do {
            try checks(node)
        } catch {
            // The JSON's nodes carry no marks: place the error at the text it quotes.
            let at = document.firstString { error.message.hasPrefix(InputExcerpt.quoted($0)) }
            throw ReportError(error.message, at: SourceLocation(file: path, line: at?.line ?? 1, column: at?.column ?? 1))
        }
        do {
            return try NodeDecoder.decode(T.self, from: node)
        } catch let error as DecodingError {
            let codingPath = ReportSource.codingPath(of: error)
            let found = document.location(of: codingPath)
            let reached = found.keyPath.count == codingPath.count
            let message = ReportSource.decodingErrorMessage(error, found: reached ? describe(found.value) : nil)
            return try fail(ReportSource.located(message, keyPath: found.keyPath.map { InputExcerpt.excerpt($0, limit: 40) }),
                            SourceLocation(file: path, line: found.line, column: found.column))
        } catch let error as ReportError {
            throw error
        } catch {
            throw ReportError("\(what): \(error)", at: SourceLocation(file: path, line: 1, column: 1))
        }
    }

    private static func fail<T>(_ message: String, _ location: SourceLocation) throws(ReportError) -> T {
        throw ReportError(message, at: location)
    }

    /// What a value is, for "expected …, found …".
    private static func describe(_ located: JSONDocument.Located) -> String {
        switch located.value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let text): return text
        case .string(let text): return "the text " + InputExcerpt.quoted(text)
        case .array: return "a list"
        case .object: return "a mapping"
        }
    }
}
