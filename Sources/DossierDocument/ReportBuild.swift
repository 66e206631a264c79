import Foundation

/// The build as the command line runs it: build in memory, then write outputs atomically, the
/// manifest last, and optionally a make depfile.
public enum ReportBuild {
    /// Outcome of a build.
    public struct Summary: Sendable {
        /// Paths (relative to the output directory) that were rewritten.
        public var written: [String]
        /// Paths produced (rewritten or already identical).
        public var produced: [String]
        /// Input files read (absolute paths).
        public var inputs: [String]
    }

    /// Builds and writes. `depfile`, when given, receives a make rule naming `depTarget` (or
    /// the first output) and every input read; `makeState`, when given, receives the depfile
    /// and stamp of each chart drawn, and its redraw list is cleared (see ``MakeState``).
    public static func run(_ options: BuildOptions, depfile: URL? = nil, depTarget: String? = nil,
                           makeState: MakeState? = nil) throws(BuildError) -> Summary {
        let builder = try ReportBuilder(options: options)
        let products = try builder.build()
        var files = products.files
        let outDirectory = options.outputDirectory
        // A figure-only build writes no manifest; the document build that follows does.
        if case .figure = products.selection {} else {
            // The manifest covers every output in the directory, including charts that a
            // document-only build did not regenerate.
            var all = files
            if case .document = products.selection {
                for figure in builder.source.spec.figures {
                    for kind in ["svg", "pdf", "png"] {
                        let path = "charts/\(figure.id).\(kind)"
                        guard all[path] == nil else { continue }
                        if let data = FileManager.default.contents(atPath: outDirectory.appendingPathComponent(path).path) {
                            all[path] = [UInt8](data)
                        }
                    }
                }
            }
            let manifest = Manifest.make(inputs: products.inputs, outputs: all, reportDirectory: options.reportDirectory)
            files["manifest.json"] = Array(manifest.json.utf8)
            BuildTrace.mark("manifest (SHA-256 of inputs and outputs)")
        }
        let written: [String]
        do {
            written = try OutputWriter.write(files, to: outDirectory)
        } catch {
            throw .internalFailure("writing outputs to \(DisplayPath.relative(outDirectory)): \(error.localizedDescription)")
        }
        BuildTrace.mark("outputs written")
        if products.selection == .everything {
            OutputWriter.removeStale(in: outDirectory, keep: Set(files.keys), subdirectories: ["charts", "pages"])
        } else if case .document = products.selection {
            let keepCharts = Set(builder.source.spec.figures.flatMap { id in ["svg", "pdf", "png"].map { "charts/\(id.id).\($0)" } })
            OutputWriter.removeStale(in: outDirectory, keep: Set(files.keys).union(keepCharts), subdirectories: ["charts", "pages"])
        }
        if let depfile {
            let target = depTarget ?? DisplayPath.relative(outDirectory.appendingPathComponent(files.keys.sorted().first ?? ""))
            let inputs = products.inputs.map { DisplayPath.relative(URL(fileURLWithPath: $0)) }
            let text = Depfile.rule(target: target, inputs: inputs)
            do {
                try OutputWriter.write([depfile.lastPathComponent: Array(text.utf8)], to: depfile.deletingLastPathComponent())
            } catch {
                throw .internalFailure("writing \(depfile.path): \(error.localizedDescription)")
            }
        }
        try makeState?.recordDrawn(products.figureInputs)
        return Summary(written: written, produced: files.keys.sorted(), inputs: products.inputs)
    }
}

/// Make dependency rules.
enum Depfile {
    /// `target: input input …` with spaces escaped, plus an empty rule per input so that a
    /// deleted input does not break make.
    static func rule(target: String, inputs: [String]) -> String {
        func escape(_ path: String) -> String { path.replacingOccurrences(of: " ", with: "\\ ") }
        var text = escape(target) + ":"
        for input in inputs { text += " \\\n  " + escape(input) }
        text += "\n"
        for input in inputs { text += "\n" + escape(input) + ":\n" }
        return text
    }
}
