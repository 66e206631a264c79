import DossierBase
import Yams

/// Decodes a YAML (or JSON) document into a spec with every guard the front matter has: no
/// Unicode line breaks that would shift positions, no complex keys, a bounded alias expansion,
/// and each error at its `file:line:column`. Used for report.md's front matter and for the chart
/// files figures name (`vega-lite: specs/bar.vl.json`).
package enum YAMLDocumentDecoder {
    /// Decodes `text` as `T`; `lineOffset` is added to every line (the front matter starts on
    /// line 2 of report.md); `whenEmpty` is the message for an empty document; `checks` runs on
    /// the composed node before decoding; `composer` composes the text (``YAMLTextTags/compose(_:)``,
    /// or the same answer from a cache).
    package static func decode<T: Decodable>(_ type: T.Type, text: String, path: String, lineOffset: Int, what: String,
                                             whenEmpty: String, composer: YAMLComposer = YAMLTextTags.compose,
                                             checks: (Node) throws(ReportError) -> Void = { _ in }) throws(ReportError) -> T {
        let start = SourceLocation(file: path, line: lineOffset + 1, column: 1)
        if let found = ReportSource.firstUnicodeLineBreak(in: text) {
            throw ReportError("found \(found.name) in \(what); YAML reads it as a line break: remove it "
                              + "or use a plain new line", at: SourceLocation(file: path, line: found.line + lineOffset, column: found.column))
        }
        if let found = YAMLAliasGuard.firstComplexKey(in: text) {
            let token = found.token == "?" ? "an explicit key (\"? \")" : "the alias \(InputExcerpt.quoted(found.token)) as a key"
            throw ReportError("found \(token); keys in \(what) are plain names (aliases may be values, not keys)",
                              at: SourceLocation(file: path, line: found.line + lineOffset, column: found.column))
        }
        let composed: YAMLTextTags.Composed
        do {
            guard let document = try composer(text) else {
                throw ReportError(whenEmpty, at: start)
            }
            composed = document
        } catch let error as ReportError {
            throw error
        } catch let error as YamlError {
            throw syntaxError(error, path: path, lineOffset: lineOffset, what: what, start: start)
        } catch {
            throw ReportError("\(what): \(error)", at: start)
        }
        let node = composed.node
        // Text tags mean the budget was checked already (on a tree of the same shape).
        guard composed.textTags || !YAMLExpansionBudget.exceedsLimit(node) else {
            throw ReportError("\(what) has more than \(YAMLExpansionBudget.limit) values once its YAML aliases "
                              + "(*name) are expanded; repeat fewer values or declare them once", at: start)
        }
        try checks(node)
        do {
            return try NodeDecoder.decode(T.self, from: node, textTags: composed.textTags,
                                          mergeKeysPossible: composed.mergeKeysPossible)
        } catch let error as DecodingError {
            throw ReportSource.decodingError(error, root: node, path: path, lineOffset: lineOffset)
        } catch let error as ReportError {
            throw error
        } catch {
            throw ReportError("\(what): \(error)", at: start)
        }
    }

    private static func syntaxError(_ error: YamlError, path: String, lineOffset: Int, what: String, start: SourceLocation) -> ReportError {
        // "front matter is not valid YAML", as the message has always read.
        let what = what.hasPrefix("the ") ? String(what.dropFirst(4)) : what
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _):
            return ReportError("\(what) is not valid YAML: \(problem)",
                               at: SourceLocation(file: path, line: mark.line + lineOffset, column: mark.column))
        default:
            return ReportError("\(what) is not valid YAML: \(error)", at: start)
        }
    }
}
