import ArgumentParser
import DossierBase
import DossierData
import Foundation

/// The options `init` and `new` share: the CSV to describe, the title and the date, checked so
/// that what they write builds (a real calendar date, a title within the text limit).
struct ScaffoldOptions: ParsableArguments {
    @Option(name: .long, help: "A CSV file (header row; comma-, semicolon- or tab-separated) to copy and describe.")
    var from: String?

    @Option(name: .long, help: "The report title (default: from the report's name).")
    var title: String?

    @Option(name: .long, help: "The report date, YYYY-MM-DD (default: today, UTC).")
    var date: String?

    func validate() throws {
        if let date, !ReportScaffold.isCalendarDate(date) {
            throw ValidationError("--date must be a calendar date written YYYY-MM-DD, found \(InputExcerpt.quoted(date))")
        }
        if let title, title.count > ReportScaffold.longestTitle {
            throw ValidationError("--title has \(title.count) characters; a title may have at most \(ReportScaffold.longestTitle)")
        }
    }

    /// The CSV to copy, as a file URL.
    var csv: URL? { from.map { URL(fileURLWithPath: $0) } }

    /// The date to write: `--date`, else `SOURCE_DATE_EPOCH`'s day when set to a number, else today (UTC).
    var reportDate: String {
        date ?? ReportScaffold.today(sourceDateEpoch: ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(Double.init))
    }

    /// What both commands print once the files are written: each created path, the guessed
    /// column types and the next steps.
    static func printSummary(written: [String], schema: InferredSchema, nextSteps: String) {
        for path in written { print("  created \(path)") }
        let types = schema.fields.map { "\($0.name): \($0.type.rawValue)" }.joined(separator: ", ")
        print("Guessed types (\(schema.rowCount) rows): \(types)")
        print("")
        print(nextSteps)
    }
}
