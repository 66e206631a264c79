import Foundation

/// The files that the make rules of `dossier plan` and `dossier build --make-state` share in a
/// report's state folder (e.g. `.build/make/<report>`): each figure's key, stamp and depfile,
/// and the list of figures to redraw.
///
/// A figure's make rule does not draw the figure: it appends the figure's id to
/// `redraw.list` and touches the figure's stamp, so that the document's rule, which make runs
/// after every figure rule, is out of date. That rule makes one build that draws the listed
/// figures along with the document, writes their depfiles and removes the list. Make still
/// decides which charts an edit affects, figure by figure; the work is done by one process
/// instead of one per chart (each of which would load the data and run the analyses again).
/// A failed build keeps the list, and the document's rule depends on the list whenever it
/// exists, so the next `make` runs the document build again and draws the same figures.
public struct MakeState: Sendable {
    /// The state folder as the make rules name it (relative to make's working directory).
    public let path: String

    /// Names the state folder.
    public init(path: String) {
        self.path = path
    }

    /// The list of figures to redraw.
    var redrawList: String { path + "/redraw.list" }
    /// A figure's stamp: touched when its chart files have been drawn.
    func stamp(_ id: String) -> String { "\(path)/figure-\(id).stamp" }
    /// A figure's depfile: the inputs it read, as prerequisites of its stamp.
    func depfile(_ id: String) -> String { "\(path)/figure-\(id).d" }
    /// A figure's key: its declaration and the analyses it reads (see ``BuildPlan``).
    func key(_ id: String) -> String { "\(path)/figure-\(id).key" }
    /// The document's stamp, the target of the document's rule: touched by the build itself
    /// when it succeeded, so that make runs the build alone, with no shell (see ``BuildPlan``).
    var documentStamp: String { path + "/document.stamp" }

    /// The figure ids listed for redrawing, each once, sorted (none when there is no list).
    public func listedFigures() -> [String] {
        guard let text = try? String(contentsOfFile: redrawList, encoding: .utf8) else { return [] }
        return Set(text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }).sorted()
    }

    /// After a successful build: writes each drawn figure's depfile, touches its stamp (a
    /// figure drawn without make has none yet), removes the list and, last, touches the
    /// document's stamp. `figureInputs` maps each drawn figure to the files it read.
    func recordBuilt(_ figureInputs: [String: [String]]) throws(BuildError) {
        let directory = URL(fileURLWithPath: path)
        var depfiles: [String: [UInt8]] = [:]
        // The figures read mostly the same files (fonts, the package): each path made relative
        // once (URL standardizing, ~25,000 instructions a path).
        var relativeOf: [String: String] = [:]
        for (id, inputs) in figureInputs {
            let relative = inputs.map { input in
                if let known = relativeOf[input] { return known }
                let made = DisplayPath.relative(URL(fileURLWithPath: input, isDirectory: false))
                relativeOf[input] = made
                return made
            }
            depfiles["figure-\(id).d"] = Array(Depfile.rule(target: stamp(id), inputs: relative).utf8)
        }
        do {
            try OutputWriter.write(depfiles, to: directory)
            for id in figureInputs.keys.sorted() { try Self.touch(stamp(id)) }
            if FileManager.default.fileExists(atPath: redrawList) {
                try FileManager.default.removeItem(atPath: redrawList)
            }
            try Self.touch(documentStamp)
        } catch {
            throw .internalFailure("updating the make state in \(path): \(error.localizedDescription)")
        }
    }

    /// Creates `path` or sets its modification time to now as `touch` does: the time comes from
    /// the kernel's file clock, like every other file's. (A time from the process's clock can
    /// be a few milliseconds ahead of it, and an input saved just after the build would then
    /// look older than the stamp.)
    static func touch(_ path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(descriptor) }
        guard futimens(descriptor, nil) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }
}
