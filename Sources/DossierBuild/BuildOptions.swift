import DossierBase
import DossierReport
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
    /// Seconds since 1970 for the PDF creation date (the command line passes
    /// `SOURCE_DATE_EPOCH`); nil uses the report's date.
    public var sourceDateEpoch: Int?
    /// Whether `outputDirectory` is the default `<report>/out` (not one named by `--out`).
    public var outputDirectoryIsDefault: Bool
    /// Whether a build's phases use a second thread (the command line turns it off for
    /// `DOSSIER_THREADS=1`). The outputs are the same bytes either way.
    public var twoThreads: Bool
    /// Whether to print phase timings to standard error (the command line turns it on for
    /// `DOSSIER_TRACE=1`; see ``BuildTrace``).
    public var trace: Bool
    /// Where analysis results, chart files and whole builds are kept between builds (see
    /// ``BuildCache``); nil computes everything. The outputs are the same bytes either way.
    public var cache: BuildCache?
    /// The project root found for ``reportDirectory`` (shared by copies of these options).
    private let rootMemo = ProjectRootMemo()

    public init(reportDirectory: URL, outputDirectory: URL? = nil, fontDirectory: URL,
                selection: Selection = .everything, sourceDateEpoch: Int? = nil,
                twoThreads: Bool = true, trace: Bool = false, cache: BuildCache? = nil) {
        self.reportDirectory = reportDirectory.standardizedFileURL
        self.outputDirectory = (outputDirectory ?? reportDirectory.appendingPathComponent("out")).standardizedFileURL
        self.outputDirectoryIsDefault = outputDirectory == nil
        self.fontDirectory = fontDirectory.standardizedFileURL
        self.selection = selection
        self.sourceDateEpoch = sourceDateEpoch
        self.twoThreads = twoThreads
        self.trace = trace
        self.cache = cache
    }

    /// The report's name: its directory's name, used for `<name>.pdf`.
    public var reportName: String { reportDirectory.lastPathComponent }

    /// A path from the report's front matter: absolute, or relative to the report folder, as
    /// named (for messages and dependency lists; open it through ``confine(_:what:at:)``).
    public func resolve(_ path: String) -> URL {
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : reportDirectory.appendingPathComponent(path)
        return url.standardizedFileURL
    }

    /// The report's project root: the nearest folder at or above the report folder holding
    /// `.git` or `.dossier-project`, else the report folder (see ``ProjectRoot``); `nil` when
    /// the report folder does not exist. Found once (``ProjectRootMemo``): a build asks for it
    /// for every path it confines.
    public var projectRoot: ProjectRoot? { rootMemo.root(of: reportDirectory.path) }

    /// The file a path of the front matter names (`what`: "data package", "shapes file"),
    /// confined to the project root. A missing file is ``BuildError/missingInput(_:)``
    /// (exit 66); a path outside the project, a URL or a device is a report error at
    /// `location`, the position of the path in the front matter (exit 65).
    func confine(_ path: String, what: String, at location: SourceLocation) throws(BuildError) -> ConfinedPath {
        guard let root = projectRoot else { throw .missingInput(DisplayPath.relative(reportDirectory)) }
        switch root.confine(path, relativeTo: reportDirectory.path) {
        case let .success(file):
            return file
        case .failure(.notFound):
            throw .missingInput("\(InputExcerpt.excerpt(DisplayPath.relative(resolve(path)))) (the \(what) named at \(location))")
        case let .failure(problem):
            throw .report(ReportError(problem.message(for: path), at: location))
        }
    }

    /// Checks that the default output folder, when it exists, is a folder inside the project
    /// (after symlinks): a repository could ship `out` as a link to a folder of the user's, and
    /// a build would then write there. A folder named with `--out` is the user's own choice.
    public func checkDefaultOutputFolder() throws(BuildError) {
        guard outputDirectoryIsDefault, let root = projectRoot else { return }
        var status = stat()
        guard lstat(outputDirectory.path, &status) == 0 else { return }
        let display = DisplayPath.relative(outputDirectory)
        guard (status.st_mode & S_IFMT) != S_IFLNK, (status.st_mode & S_IFMT) == S_IFDIR,
              let resolved = ProjectRoot.realPath(outputDirectory.path) else {
            throw .report(ReportError("\(InputExcerpt.excerpt(display)) is not a folder (a symbolic link or a file); "
                                      + "Dossier writes a report's outputs only into a real out/ folder inside its project",
                                      at: nil))
        }
        guard root.contains(resolved) else {
            throw .report(ReportError("\(InputExcerpt.excerpt(display)) resolves outside the project \(InputExcerpt.excerpt(root.path)); "
                                      + "Dossier writes a report's outputs only inside its project", at: nil))
        }
    }

    /// The `report.md` of `reportDirectory`: a regular file inside the report's project root
    /// (not a symlink out of it, not a FIFO that would hang the read). Missing: exit 66; else
    /// a report error at its first line (exit 65).
    public static func confinedReport(in reportDirectory: URL) throws(BuildError) -> ConfinedPath {
        try confinedReport(in: reportDirectory, root: try? ProjectRoot.enclosing(reportDirectory.path))
    }

    /// ``confinedReport(in:)`` of ``reportDirectory``, within ``projectRoot``.
    func confinedReport() throws(BuildError) -> ConfinedPath {
        try Self.confinedReport(in: reportDirectory, root: projectRoot)
    }

    private static func confinedReport(in reportDirectory: URL, root: ProjectRoot?) throws(BuildError) -> ConfinedPath {
        let reportPath = DisplayPath.relative(reportDirectory.appendingPathComponent("report.md", isDirectory: false))
        guard let root else {
            throw .missingInput(DisplayPath.relative(reportDirectory))
        }
        switch root.confine("report.md", relativeTo: reportDirectory.path) {
        case let .success(file): return file
        case .failure(.notFound): throw .missingInput(reportPath)
        case let .failure(problem):
            throw .report(ReportError(problem.message(for: reportPath), at: SourceLocation(file: reportPath, line: 1, column: 1)))
        }
    }

    /// Whether `folder` holds `.ttf` or `.otf` font files.
    public static func holdsFonts(_ folder: URL) -> Bool {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return false }
        return names.contains { $0.hasSuffix(".ttf") || $0.hasSuffix(".otf") }
    }

    /// Finds the pinned font directory: the nearest `fonts/` folder holding font files, walking
    /// up from `start`.
    public static func findFontDirectory(from start: URL) -> URL? {
        var directory = start.standardizedFileURL
        while true {
            let candidate = directory.appendingPathComponent("fonts")
            if holdsFonts(candidate) { return candidate }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { return nil }
            directory = parent
        }
    }
}
