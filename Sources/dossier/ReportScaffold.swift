import DossierBuild
import DossierData
import DossierReport
import Foundation

/// Scaffolds a new report folder for `dossier init`: a `report.md` that builds as it is (one
/// analysis, one figure, one inline number, every key commented), a `data/datapackage.json`
/// whose Table Schema is guessed from a CSV file, and a copy of that CSV. The guess is
/// DossierData's ``SchemaInference`` (the reader and field parsers of `dossier validate`, so
/// the CSV validates against the schema written); this type holds only the templates.
///
/// The scaffold never overwrites anything: ``write()`` refuses when the
/// target folder already holds any file it would write, and writes nothing in that case.
///
/// ```swift
/// let scaffold = try ReportScaffold(directory: URL(fileURLWithPath: "reports/rainfall"),
///                                   csv: URL(fileURLWithPath: "rainfall.csv"))
/// let written = try scaffold.write()
/// ```
struct ReportScaffold: Sendable {
    /// Why a scaffold could not be made. Each case maps to a `sysexits.h` exit code.
    enum Failure: Error, CustomStringConvertible {
        /// A file the scaffold would write already exists (exit 64: choose another folder).
        case wouldOverwrite([String])
        /// The CSV given with `--from` does not exist or cannot be read (exit 66, EX_NOINPUT).
        case missingInput(String)
        /// The CSV cannot be used: empty, not UTF-8, ragged, unnamed or repeated header labels;
        /// the diagnostics are those `dossier validate` prints (exit 65, EX_DATAERR).
        case badCSV(DiagnosticError)
        /// Writing failed (exit 73).
        case cannotWrite(String)

        var description: String {
            switch self {
            case let .wouldOverwrite(paths):
                return paths.map { "\($0): error: already exists; dossier init and dossier new never overwrite a file" }.joined(separator: "\n")
                    + "\nnote: choose a new folder, or move the existing files away first"
            case let .missingInput(path):
                return "\(path): error: no such file — --from needs an existing CSV file"
            case let .badCSV(error):
                return error.description
            case let .cannotWrite(message):
                return "error: \(message)"
            }
        }

        /// The process exit code.
        var exitCode: Int32 {
            switch self {
            // An existing file is a usage problem (choose another folder): 64, for `init` and `new`.
            case .wouldOverwrite: return 64
            case .cannotWrite: return 73
            case .missingInput: return 66
            case .badCSV: return 65
            }
        }
    }

    /// The report folder to create.
    let directory: URL
    /// The report title (default: from the folder name, `rainfall-2024` → `Rainfall 2024`).
    let title: String
    /// The report date written to the front matter, `YYYY-MM-DD`.
    let date: String
    /// The dataset resource name (from the CSV file name, e.g. `rainfall`).
    let resourceName: String
    /// The data package's folder, relative to the report folder: `data` (`dossier init`), or
    /// `../../datasets` (`dossier new`: the project's shared datasets).
    let dataFolder: String
    /// The command that writes the scaffold, named in the data package's description.
    let command: String
    /// The CSV's file name inside the data folder.
    let csvFileName: String
    /// The CSV bytes copied to `data/`.
    let csvBytes: [UInt8]
    /// The guessed schema.
    package let schema: InferredSchema
    /// Whether the CSV is the built-in example (no `--from`).
    let isExample: Bool

    /// Prepares a scaffold (reads and analyses the CSV; writes nothing).
    /// - Parameters:
    ///   - directory: the report folder to create (e.g. `reports/rainfall`).
    ///   - csv: the CSV to start from; `nil` uses a small built-in example dataset.
    ///   - title: the report title (default: from the folder name).
    ///   - date: the report date `YYYY-MM-DD` (default: today, UTC, or `SOURCE_DATE_EPOCH`).
    ///   - dataFolder: the data package's folder, relative to the report folder.
    ///   - command: the command writing the scaffold (`dossier init`, `dossier new`).
    init(directory: URL, csv: URL? = nil, title: String? = nil, date: String? = nil,
         dataFolder: String = "data", command: String = "dossier init") throws(Failure) {
        self.directory = directory.standardizedFileURL
        self.dataFolder = dataFolder
        self.command = command
        let folderName = self.directory.lastPathComponent
        self.title = title ?? Self.title(fromFolderName: folderName)
        self.date = date ?? Self.today()
        if let csv {
            let shown = csv.relativePath
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: csv.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  let data = FileManager.default.contents(atPath: csv.path)
            else { throw .missingInput(shown) }
            csvBytes = Array(data)
            csvFileName = csv.lastPathComponent.lowercased().hasSuffix(".csv") ? csv.lastPathComponent : csv.lastPathComponent + ".csv"
            resourceName = Self.resourceName(fromFileName: csv.lastPathComponent)
            schema = try Self.inferSchema(csvBytes, path: shown)
            isExample = false
        } else {
            csvBytes = Array(Self.exampleCSV.utf8)
            csvFileName = "example.csv"
            resourceName = "example"
            schema = try Self.inferSchema(csvBytes, path: "example.csv")
            isExample = true
        }
    }

    // MARK: Files

    /// Every file of the scaffold, by path relative to ``directory``.
    var files: [(path: String, bytes: [UInt8])] {
        [
            ("report.md", Array(reportMarkdown.utf8)),
            ("\(dataFolder)/datapackage.json", Array(dataPackageJSON.utf8)),
            ("\(dataFolder)/\(csvFileName)", csvBytes),
        ]
    }

    /// Writes the scaffold. Refuses, writing nothing, if any of its files already exists.
    /// - Returns: the paths written, relative to the current directory when inside it.
    @discardableResult
    func write() throws(Failure) -> [String] {
        try Self.writeNew(files.map { (directory.appendingPathComponent($0.path).standardizedFileURL, $0.bytes) }, into: directory)
    }

    /// Writes `targets` (file and bytes), creating their folders. Refuses, writing nothing, if
    /// any of them or of `alsoChecked` exists, or if `directory` is a file; `dossier init` and
    /// `dossier new` never overwrite.
    /// - Returns: the paths written, relative to the current directory when inside it.
    static func writeNew(_ targets: [(url: URL, bytes: [UInt8])], into directory: URL,
                         alsoChecked: [URL] = []) throws(Failure) -> [String] {
        let manager = FileManager.default
        let existing = (targets.map(\.url) + alsoChecked).filter { manager.fileExists(atPath: $0.path) }.map(DisplayPath.relative)
        if !existing.isEmpty { throw .wouldOverwrite(existing) }
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: directory.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw .wouldOverwrite([DisplayPath.relative(directory)])
        }
        var written: [String] = []
        for target in targets {
            do {
                try manager.createDirectory(at: target.url.deletingLastPathComponent(), withIntermediateDirectories: true)
                // `.withoutOverwriting` makes the refusal hold even against a race.
                try Data(target.bytes).write(to: target.url, options: [.withoutOverwriting])
            } catch {
                throw .cannotWrite("cannot write \(DisplayPath.relative(target.url)): \(error.localizedDescription)")
            }
            written.append(DisplayPath.relative(target.url))
        }
        return written
    }

    /// What to tell the user after writing: how to build, and whether the Makefile needs lines.
    var nextSteps: String {
        let shown = DisplayPath.relative(directory)
        let parent = directory.deletingLastPathComponent()
        let root = parent.deletingLastPathComponent()
        let underReports = parent.lastPathComponent == "reports"
            && FileManager.default.fileExists(atPath: root.appendingPathComponent("Makefile").path)
        var text = ""
        var buildCommand = underReports ? "make (or dossier build \(shown))" : "dossier build \(shown)"
        let fontsFound = BuildOptions.findFontDirectory(from: directory) != nil || InstalledLayout.fontDirectory != nil
        if !underReports, !fontsFound {
            buildCommand += " --fonts <repository>/fonts"
        }
        if underReports {
            text += """
                Makefile: nothing to add — it builds every reports/*/report.md, so `make` now builds
                \(shown) too (one target per figure, then the PDF) and `make check` checks it.

                """
        } else {
            let name = directory.lastPathComponent
            let out = "\(shown)/out/\(name).pdf"
            text += """
                Makefile: the Makefile builds only reports/*/report.md. Move the folder under reports/,
                or add these lines to the Makefile:

                    reports: \(out)
                    \(out): \(shown)/report.md \(shown)/data/datapackage.json \(shown)/data/\(csvFileName) $(DOSSIER)
                    \t$(DOSSIER) build \(shown)

                """
            if !fontsFound {
                text += "Fonts: no fonts/ folder above \(shown); build with `dossier build \(shown) --fonts <repository>/fonts`.\n"
            }
        }
        text += """

            Next:
              1. Check the guessed types in \(shown)/data/datapackage.json (every field says what was guessed).
              2. dossier validate \(shown)/data/datapackage.json
              3. \(buildCommand), then open \(shown)/out/\(directory.lastPathComponent).pdf
              4. Edit \(shown)/report.md; docs/report-format.md lists every key, analysis, chart and formatter.
            """
        return text
    }

    // MARK: The report

    /// The analysis and figure the scaffold declares, chosen from the guessed schema.
    enum Plan {
        /// Count rows per value of a categorical field: a bar chart.
        case count(field: String, groups: Int)
        /// Summary of a numeric field and a scatter of two numeric fields.
        case scatter(x: String, y: String)
    }

    var plan: Plan {
        let fields = schema.fields
        func categorical(_ f: InferredField) -> Bool {
            [.string, .boolean, .year].contains(f.type) && f.distinct >= 1 && f.distinct <= 30
        }
        // Prefer a field whose values repeat (groups of several rows) over an identifier.
        let repeating = fields.first { categorical($0) && $0.distinct >= 2 && $0.distinct < schema.rowCount - $0.missing }
        if let field = repeating ?? fields.first(where: { categorical($0) && $0.distinct >= 2 }) ?? fields.first(where: categorical) {
            return .count(field: field.name, groups: field.distinct)
        }
        let numeric = fields.filter { [.integer, .number].contains($0.type) && $0.missing < schema.rowCount }
        if numeric.count >= 2 { return .scatter(x: numeric[0].name, y: numeric[1].name) }
        let field = fields.first(where: { $0.distinct <= 30 }) ?? fields[0]
        return .count(field: field.name, groups: max(field.distinct, 1))
    }

    /// The `data/datapackage.json` text: one resource with the guessed schema.
    var dataPackageJSON: String {
        var fieldsJSON: [String] = []
        for field in schema.fields {
            var entries: [String] = []
            entries.append("\"name\": \(Self.jsonString(field.name))")
            entries.append("\"type\": \"\(field.type.rawValue)\"")
            var description = "Guessed \(field.type.rawValue) from \(schema.rowCount - field.missing) value(s)"
            if let example = field.example { description += ", e.g. \"\(example.prefix(40))\"" }
            if field.missing > 0 { description += "; \(field.missing) missing" }
            description += ". Check the type and describe the field here."
            entries.append("\"description\": \(Self.jsonString(description))")
            if let trueValues = field.trueValues, let falseValues = field.falseValues {
                entries.append("\"trueValues\": [\(trueValues.map(Self.jsonString).joined(separator: ", "))]")
                entries.append("\"falseValues\": [\(falseValues.map(Self.jsonString).joined(separator: ", "))]")
            }
            if field.required {
                entries.append("\"constraints\": {\"required\": true}")
            }
            fieldsJSON.append("          {\n" + entries.map { "            " + $0 }.joined(separator: ",\n") + "\n          }")
        }
        let missing = schema.missingValues.map(Self.jsonString).joined(separator: ", ")
        let delimiter = schema.dialect.delimiter
        let dialect = delimiter == CSVDialect().delimiter ? ""
            : "\n      \"dialect\": {\"delimiter\": \(Self.jsonString(String(UnicodeScalar(delimiter))))},"
        let description = isExample
            ? "A small example dataset written by \(command). Replace it with your own CSV and schema."
            : "Copied from \(csvFileName) by \(command), which guessed each field's type from its values. Check every field."
        return """
            {
              "name": \(Self.jsonString(resourceName)),
              "title": \(Self.jsonString(title)),
              "resources": [
                {
                  "name": \(Self.jsonString(resourceName)),
                  "title": \(Self.jsonString(isExample ? "Example data" : csvFileName)),
                  "description": \(Self.jsonString(description)),
                  "path": \(Self.jsonString(csvFileName)),
                  "format": "csv",\(dialect)
                  "encoding": "utf-8",
                  "schema": {
                    "fields": [
            \(fieldsJSON.joined(separator: ",\n"))
                    ],
                    "missingValues": [\(missing)]
                  }
                }
              ]
            }

            """
    }

    // MARK: The data

    /// The example dataset written when no CSV is given.
    static let exampleCSV = """
        fruit,colour,weight_g,organic
        apple,red,182,true
        apple,green,170,false
        banana,yellow,118,true
        cherry,red,8,false
        pear,green,178,true
        plum,purple,66,false
        lemon,yellow,84,true

        """

    /// Guesses the schema of `bytes` with DossierData's ``SchemaInference`` (the CSV reader and
    /// field parsers `dossier validate` uses).
    static func inferSchema(_ bytes: [UInt8], path: String) throws(Failure) -> InferredSchema {
        do {
            return try SchemaInference.infer(csv: bytes, displayPath: path)
        } catch {
            throw .badCSV(error)
        }
    }

    // MARK: Names and quoting

    /// `rainfall-2024` → `Rainfall 2024`.
    static func title(fromFolderName name: String) -> String {
        let words = name.replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ")
            .split(separator: " ").map(String.init)
        guard let first = words.first else { return "New briefing" }
        return ([first.prefix(1).uppercased() + first.dropFirst()] + words.dropFirst()).joined(separator: " ")
    }

    /// A Data Package resource name from a file name: lower case letters, digits, `_`, `-`, `.`.
    static func resourceName(fromFileName file: String) -> String {
        var base = file
        if let dot = base.lastIndex(of: "."), dot != base.startIndex { base = String(base[..<dot]) }
        let cleaned = String(base.lowercased().map { character -> Character in
            character.isASCII && (character.isLetter || character.isNumber || character == "_" || character == "-") ? character : "_"
        })
        return cleaned.isEmpty || cleaned.allSatisfy({ $0 == "_" }) ? "data" : cleaned
    }

    /// A name valid in expressions: starts with a letter or `_`, then letters, digits, `_`, `-`.
    static func identifier(_ raw: String) -> String {
        var out = String(raw.map { character -> Character in
            character.isASCII && (character.isLetter || character.isNumber || character == "_" || character == "-") ? character : "_"
        }).lowercased()
        while out.contains("__") { out = out.replacingOccurrences(of: "__", with: "_") }
        if let first = out.first, !(first.isLetter || first == "_") { out = "r_" + out }
        // Ids name output files (charts/<id>.svg): keep them well under a file name's 255 bytes.
        return out.count <= 64 ? out : String(out.prefix(64))
    }

    /// A figure id that follows ``OutputName``'s rule (it names `charts/<id>.svg`): the
    /// identifier with `-` for `_`, no leading, trailing or doubled `-`, at most 64 characters.
    static func figureIdentifier(_ raw: String) -> String {
        var out = identifier(raw).replacingOccurrences(of: "_", with: "-")
        while out.contains("--") { out = out.replacingOccurrences(of: "--", with: "-") }
        out = String(out.drop(while: { $0 == "-" }).prefix(OutputName.maximumLength))
        while out.hasSuffix("-") { out.removeLast() }
        return OutputName.isValidID(out) ? out : "figure"
    }

    /// Whether `text` is a real calendar date written `YYYY-MM-DD` (as the front matter's `date`).
    static func isCalendarDate(_ text: String) -> Bool {
        CalendarDate(iso: text) != nil
    }

    /// The longest `--title` (the front matter's limit on a text field).
    static let longestTitle = TextLimits.fieldCharacters

    /// A YAML double-quoted scalar: the JSON string literal (YAML reads JSON's escapes), with
    /// NEL, LS and PS escaped too — libyaml breaks lines at them, and the front matter refuses
    /// them unescaped.
    static func yamlQuoted(_ text: String) -> String {
        var out = ""
        for scalar in StatsJSON.string(text).unicodeScalars {
            switch scalar {
            case "\u{85}": out += "\\u0085"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A JSON string literal (the same escaping as stats.json).
    static func jsonString(_ text: String) -> String {
        StatsJSON.string(text)
    }

    /// Inline code for Markdown prose (a field name); a `{{` in it is written `\{{`.
    static func markdownCode(_ text: String) -> String {
        guard !text.contains("`"), !text.contains("\n"), !text.contains("\r") else { return escapeMarkdown(text, also: "{}") }
        return "`\(literalText(text))`"
    }

    /// `text` with every `{{` written `\{{`, so that the build prints it instead of evaluating it.
    static func literalText(_ text: String) -> String {
        text.replacingOccurrences(of: "{{", with: "\\{{")
    }

    /// A name as prose shows it: at most 60 characters (the full name stays in `by`, `field`).
    static func shortName(_ name: String) -> String {
        let flat = String(name.map { $0.isNewline || $0 == "\t" ? " " : $0 })
        return flat.count <= 60 ? flat : String(flat.prefix(59)) + "…"
    }

    /// The date `seconds` after 1970 (the caller passes `SOURCE_DATE_EPOCH` when set; nil is
    /// now), UTC, as `YYYY-MM-DD`.
    static func today(sourceDateEpoch seconds: Double? = nil) -> String {
        let seconds = seconds ?? Date().timeIntervalSince1970
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: seconds))
        return String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }
}
