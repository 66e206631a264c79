import DossierReport
import Foundation

/// Reading `report.md` from disk: the report language (``ReportSource``) parses text and
/// touches no files.
extension ReportSource {
    /// Reads and parses the report at `url`.
    static func load(_ url: URL, displayPath: String) throws(ReportError) -> ReportSource {
        try ReportSource(text: read(url, displayPath: displayPath), path: displayPath)
    }

    /// The report's text.
    static func read(_ url: URL, displayPath: String) throws(ReportError) -> String {
        // A huge file is refused before it is read (the same limit as in `init(text:path:)`).
        // A plain stat: FileManager's attributes also look up the owner's and group's names,
        // which reads /etc/passwd and /etc/group, outside the project.
        if let size = FileStamp.of(url.path).map({ Int($0.size) }), size > TextLimits.reportBytes {
            throw ReportError("the report has \(size) bytes; a report.md may have at most \(TextLimits.reportBytes) "
                              + "(put data in datasets, not in the report)", at: SourceLocation(file: displayPath, line: 1, column: 1))
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ReportError("cannot read the report: \(error.localizedDescription)",
                              at: SourceLocation(file: displayPath, line: 1, column: 1))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ReportError("the report is not valid UTF-8", at: SourceLocation(file: displayPath, line: 1, column: 1))
        }
        return text
    }
}
