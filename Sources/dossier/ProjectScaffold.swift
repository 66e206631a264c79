import DossierBase
import DossierBuild
import Foundation

/// Scaffolds a briefing project for `dossier new`: a folder that builds with an installed
/// Dossier and nothing else.
///
/// ```
/// <dir>/.dossier-project                 the project root marker (reports read only inside it)
/// <dir>/Makefile                         includes the installed dossier.mk
/// <dir>/.gitignore                       make's state (.build/)
/// <dir>/datasets/datapackage.json        the data package: the CSV's guessed Table Schema
/// <dir>/datasets/<file>.csv              a copy of the CSV
/// <dir>/reports/<name>/report.md         a report that builds as it is
/// <dir>/.github/workflows/briefing.yml   CI: install the package, `make check`
/// <dir>/.gitlab-ci.yml                   the same for GitLab
/// ```
///
/// The report and data package are ``ReportScaffold``'s (the same type guessing and
/// templates as `dossier init`), with the data package in the project's `datasets/`. Like
/// `init`, it never overwrites: if any file exists, it writes nothing.
struct ProjectScaffold {
    /// The project folder.
    let directory: URL
    /// The report and its data package.
    let report: ReportScaffold
    /// The report's folder name under `reports/`.
    let reportName: String

    /// Prepares a project (reads and analyses the CSV; writes nothing).
    /// - Parameters:
    ///   - directory: the project folder to create.
    ///   - csv: the CSV to start from; nil uses `init`'s small example dataset.
    ///   - reportName: the report's folder under `reports/` (default: from the CSV's file name).
    ///   - title: the report title (default: from the report name).
    ///   - date: the report date, `YYYY-MM-DD`.
    init(directory: URL, csv: URL?, reportName: String?, title: String?, date: String) throws(ReportScaffold.Failure) {
        self.directory = directory.standardizedFileURL
        self.reportName = reportName
            ?? ReportScaffold.figureIdentifier(csv.map { ReportScaffold.resourceName(fromFileName: $0.lastPathComponent) } ?? "example")
        report = try ReportScaffold(directory: self.directory.appendingPathComponent("reports/\(self.reportName)"), csv: csv,
                                    title: title, date: date, dataFolder: "../../datasets", command: "dossier new")
    }

    /// The project's own files (the report's are ``ReportScaffold/files``), by path relative to
    /// ``directory``.
    var files: [(path: String, bytes: [UInt8])] {
        [
            (ProjectRoot.markerFileName, Array("# The root of a Dossier briefing project: reports read only files inside this folder.\n".utf8)),
            ("Makefile", Array(ProjectTemplates.makefile.utf8)),
            (".gitignore", Array(ProjectTemplates.gitignore.utf8)),
            (".github/workflows/briefing.yml", Array(ProjectTemplates.githubWorkflow.utf8)),
            (".gitlab-ci.yml", Array(ProjectTemplates.gitlabCI.utf8)),
        ]
    }

    /// Writes the project. Refuses, writing nothing, if any of its files already exists.
    /// - Returns: the paths written.
    @discardableResult
    func write() throws(ReportScaffold.Failure) -> [String] {
        let reportFiles = report.files.map { report.directory.appendingPathComponent($0.path).standardizedFileURL }
        let written = try ReportScaffold.writeNew(files.map { (directory.appendingPathComponent($0.path), $0.bytes) },
                                                  into: directory, alsoChecked: reportFiles)
        return written + (try report.write())
    }

    /// What to tell the user after writing.
    var nextSteps: String {
        let shown = DisplayPath.relative(directory)
        return """
            Next:
              1. Check the guessed types in \(shown)/datasets/datapackage.json (every field says what was guessed).
              2. cd \(shown) && make        (builds reports/\(reportName)/out/\(reportName).pdf; a second make does nothing)
              3. Edit reports/\(reportName)/report.md, run make; commit the reports and their out/ folders.
              4. make check compares the committed outputs with a fresh build (CI runs it: .github/workflows/briefing.yml, .gitlab-ci.yml).
            More reports: dossier init reports/<name> --from <csv>, or add a report.md under reports/<name>/.
            """
    }
}
