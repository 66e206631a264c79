import Foundation

/// What `dossier build` should produce.
public struct BuildOptions: Sendable {
    /// Which outputs to build.
    public enum Selection: Sendable, Equatable {
        /// Every chart, the PDF, the page SVGs, stats.json and manifest.json.
        case everything
        /// One figure's SVG, PDF and PNG only.
        case figure(String)
        /// The PDF, page SVGs, stats.json and manifest.json, plus the SVG, PDF and PNG of the
        /// figures in `charts` (the other charts are left as they are).
        case document(charts: [String])
    }

    /// The report directory (holding `report.md`).
    public var reportDirectory: URL
    /// Where outputs go (default `<report>/out`).
    public var outputDirectory: URL
    /// The directory of pinned fonts.
    public var fontDirectory: URL
    public var selection: Selection
    /// ISO 8601 date for PDF metadata; nil uses `SOURCE_DATE_EPOCH` or the report's date.
    public var sourceDateEpoch: Int?

    public init(reportDirectory: URL, outputDirectory: URL? = nil, fontDirectory: URL,
                selection: Selection = .everything, sourceDateEpoch: Int? = nil) {
        self.reportDirectory = reportDirectory.standardizedFileURL
        self.outputDirectory = (outputDirectory ?? reportDirectory.appendingPathComponent("out")).standardizedFileURL
        self.fontDirectory = fontDirectory.standardizedFileURL
        self.selection = selection
        self.sourceDateEpoch = sourceDateEpoch
    }

    /// The report's name: its directory's name, used for `<name>.pdf`.
    public var reportName: String { reportDirectory.lastPathComponent }

    /// A path from the report's front matter: absolute, or relative to the report folder.
    public func resolve(_ path: String) -> URL {
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : reportDirectory.appendingPathComponent(path)
        return url.standardizedFileURL
    }

    /// Finds the pinned font directory: the nearest `fonts/` folder holding font files, walking
    /// up from `start`.
    public static func findFontDirectory(from start: URL) -> URL? {
        var directory = start.standardizedFileURL
        while true {
            let candidate = directory.appendingPathComponent("fonts")
            if let names = try? FileManager.default.contentsOfDirectory(atPath: candidate.path),
               names.contains(where: { $0.hasSuffix(".ttf") || $0.hasSuffix(".otf") }) {
                return candidate
            }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { return nil }
            directory = parent
        }
    }
}
