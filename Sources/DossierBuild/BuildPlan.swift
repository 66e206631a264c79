import DossierReport
import Foundation
import Yams

/// The make rules for one report, so that make rebuilds exactly what an edit affects: one
/// target per figure (its SVG, PDF and PNG) and one for the document (its PDF, page SVGs and
/// HTML; `report-<name>` and `html-<name>` name it). A figure's rule lists
/// the figure for redrawing; the document's rule draws the listed figures and the document in
/// one process (see ``MakeState``).
///
/// Each figure gets a *key file* holding its declaration and those of the analyses it reads.
/// Key files are rewritten only when their content changes, so editing the report's prose
/// touches `report.md` but no key, and no chart is redrawn.
public enum BuildPlan {
    /// Writes `<state>/figure-<id>.key` files (when changed) and returns the make rules text.
    /// - Parameters:
    ///   - reportDirectory: the report folder as make names it (e.g. `reports/flagship`).
    ///   - state: the folder for keys, depfiles and stamps (e.g. `.build/make/flagship`).
    ///   - binary: the make variable or path of the dossier binary (e.g. `$(DOSSIER)`).
    public static func write(reportDirectory: String, state: String, binary: String) throws(BuildError) -> String {
        let reportURL = URL(fileURLWithPath: reportDirectory).appendingPathComponent("report.md")
        let path = DisplayPath.relative(reportURL)
        let source: ReportSource
        // report.md confined like a build's (a FIFO or a symlink out of the project is refused).
        let file = try BuildOptions.confinedReport(in: URL(fileURLWithPath: reportDirectory))
        let chartFiles: [String: (path: String, text: String)]
        do {
            (source, chartFiles) = try ReportSource.load(URL(fileURLWithPath: file.path), displayPath: path)
                // `plan` reads no fonts: only the report folder matters to the chart files' paths.
                .readingChartFiles(options: BuildOptions(reportDirectory: URL(fileURLWithPath: reportDirectory),
                                                         fontDirectory: URL(fileURLWithPath: reportDirectory)))
        } catch {
            throw BuildError(error, context: "reading \(path): ")
        }
        let keys: [String: String]
        do {
            keys = try figureKeys(source, chartFiles: chartFiles.mapValues(\.text))
        } catch {
            throw .internalFailure("reading the front matter of \(path): \(error)")
        }
        let stateURL = URL(fileURLWithPath: state)
        var keyFiles: [String: [UInt8]] = [:]
        let makeState = MakeState(path: state)
        for (id, text) in keys {
            keyFiles[URL(fileURLWithPath: makeState.key(id)).lastPathComponent] = Array(text.utf8)
        }
        do {
            try OutputWriter.write(keyFiles, to: stateURL)
        } catch {
            throw .internalFailure("writing \(state): \(error.localizedDescription)")
        }
        return rules(source: source, reportDirectory: reportDirectory, state: state, binary: binary)
    }

    /// Each figure's declaration plus the analyses it reads, as canonical YAML.
    /// A figure drawn from a chart file (`vega-lite:`) has the file's text in its key.
    static func figureKeys(_ source: ReportSource, chartFiles: [String: String] = [:]) throws -> [String: String] {
        let yaml = source.frontMatterLines.joined(separator: "\n")
        guard let root = try Yams.compose(yaml: yaml, ReportSource.frontMatterResolver), let mapping = root.mapping else { return [:] }
        let analyses = mapping["analyses"]?.sequence.map(Array.init) ?? []
        let figures = mapping["figures"]?.sequence.map(Array.init) ?? []
        var analysisByID: [String: Node] = [:]
        for node in analyses {
            if let id = node.mapping?["id"]?.string { analysisByID[id] = node }
        }
        var keys: [String: String] = [:]
        for figure in source.spec.figures {
            guard let node = figures.first(where: { $0.mapping?["id"]?.string == figure.id }) else { continue }
            var text = "data: \(source.spec.data ?? "")\nfigure:\n" + (try Yams.serialize(node: node))
            if let chartFile = figure.chartFile, let fileText = chartFiles[figure.id] {
                text += "chart file \(chartFile):\n" + fileText + "\n"
            }
            for shape in Set(figure.chart.layers.compactMap(\.shapes)).sorted() {
                text += "shapes \(shape): \(source.spec.shapes[shape] ?? "")\n"
            }
            let used = Set(ReportBuilder.analysesRead(by: figure))
            for id in used.sorted() {
                if let analysis = analysisByID[id] {
                    text += "analysis \(id):\n" + (try Yams.serialize(node: analysis))
                }
            }
            keys[figure.id] = text
        }
        return keys
    }

    private static func rules(source: ReportSource, reportDirectory: String, state: String, binary: String) -> String {
        let name = URL(fileURLWithPath: reportDirectory).lastPathComponent
        let out = reportDirectory + "/out"
        let makeState = MakeState(path: state)
        // A figure's recipe is make functions alone (print, append to the redraw list, write the
        // stamp), so make starts no process for it; the document's runs one shell. Every
        // recipe line used to start a bash (SHELL is bash, so make never runs a line itself):
        // 24 processes and about 30 ms of CPU on every data edit of the flagship. The
        // document's line is one command, the build, which prints nothing and touches the
        // stamp itself (`--make-state`); dossier.mk gives the stamp `/bin/sh -c` as its shell,
        // so make runs that command itself, with no shell either. Functions
        // run when make expands the recipe, which `make -n` does too: a dry run expands the
        // figure's recipe to the `touch` it shows instead; so do `make -q` and `make -t`,
        // which expand recipes too. The flags are read when the recipe is expanded (a
        // recursive `=`): MAKEFLAGS is in its normal form (single-letter flags in the first
        // word) only after the makefiles are read, and a `:=` read while they were read took
        // `--no-print-directory` or `--no-builtin-rules` for `-n`. `$(file)` needs GNU make 4.0
        // (2013); an older make stops with a message instead of silently leaving the stamps.
        var text = "# Generated by `dossier plan` from \(reportDirectory)/report.md; do not edit.\n"
            + "$(if $(filter 3.%,$(MAKE_VERSION)),$(error these rules need GNU make 4.0 or later, found $(MAKE_VERSION)))\n"
            + "dossier_dry_run = $(strip $(foreach flag,n q t,$(findstring $(flag),$(firstword -$(MAKEFLAGS)))))\n"
        var stamps: [String] = []
        for figure in source.spec.figures {
            let stamp = makeState.stamp(figure.id)
            stamps.append(stamp)
            text += """

                \(stamp): \(makeState.key(figure.id)) \(binary)
                \t@$(if $(dossier_dry_run),touch $@,$(info $() $() CHART   \(out)/charts/\(figure.id).{svg,pdf,png})$(file >>\(makeState.redrawList),\(figure.id))$(file >$@))
                -include \(makeState.depfile(figure.id))

                """
        }
        let documentStamp = makeState.documentStamp
        text += """

            \(documentStamp): \(reportDirectory)/report.md \(binary) \(stamps.joined(separator: " ")) $(wildcard \(makeState.redrawList))
            \t@$(if $(dossier_dry_run),,$(info $() $() PDF     \(out)/\(name).pdf)$(info $() $() HTML    \(out)/\(name).html))
            \t@\(binary) build \(reportDirectory) --document-only --make-state \(state) --cache \(state)/cache --depfile \(state)/document.d --dep-target $@
            -include \(state)/document.d

            report-\(name): \(documentStamp)
            html-\(name): \(documentStamp)
            .PHONY: report-\(name) html-\(name)
            REPORT_TARGETS += report-\(name)

            """
        return text
    }
}
