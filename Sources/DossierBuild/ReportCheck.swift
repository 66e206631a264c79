import DossierReport
import Foundation

/// `dossier check`: rebuilds into a temporary folder and compares with the committed outputs.
public enum ReportCheck {
    /// One difference between the committed outputs and a fresh build.
    public struct Difference: Sendable, CustomStringConvertible {
        /// What kind of difference.
        public enum Kind: String, Sendable {
            /// A file whose bytes differ, or that is missing or no longer produced.
            case stale
            /// A commit journal or temporary file left by an interrupted build.
            case leftover
        }

        public var path: String
        public var reason: String
        public var kind: Kind = .stale
        public var description: String { "\(path): \(reason)" }
    }

    /// Compares; returns the differences (empty when the outputs are current). Input changes
    /// since the committed manifest are named in each reason. Only Dossier's files are
    /// compared: those the fresh build produces and those the committed manifest lists (a file
    /// someone else put in the output folder is not an output). What an interrupted build left
    /// (its journal, temporaries) is a difference too; `check` reports it and changes nothing,
    /// the next build cleans it up. `waiting` is called once if a build is writing the outputs
    /// (check waits for it to finish).
    public static func run(_ options: BuildOptions, waiting: (@Sendable () -> Void)? = nil) throws(BuildError) -> [Difference] {
        let temporary = FileManager.default.temporaryDirectory
            .appendingPathComponent("dossier-check-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: temporary) }
        var fresh = options
        fresh.outputDirectory = temporary
        fresh.selection = .everything
        // A check compares with a build from scratch, never with what a cache remembers.
        fresh.cache = nil
        _ = try ReportBuild.run(fresh)

        let committedDirectory = options.outputDirectory
        // Read the committed set while no build is switching it.
        let lock = FileManager.default.fileExists(atPath: committedDirectory.path)
            ? try? OutputLock.acquire(committedDirectory, exclusive: false, waiting: waiting) : nil
        defer { lock?.release() }
        let committedManifest = FileManager.default.contents(atPath: committedDirectory.appendingPathComponent("manifest.json").path)
            .flatMap(Manifest.parse)
        let freshManifest = FileManager.default.contents(atPath: temporary.appendingPathComponent("manifest.json").path)
            .flatMap(Manifest.parse)
        var changedInputs: [String] = []
        if let committedManifest, let freshManifest {
            let old = Dictionary(committedManifest.inputs.map { ($0.path, $0.sha256) }, uniquingKeysWith: { a, _ in a })
            let new = Dictionary(freshManifest.inputs.map { ($0.path, $0.sha256) }, uniquingKeysWith: { a, _ in a })
            for path in Set(old.keys).union(new.keys).sorted() where old[path] != new[path] {
                changedInputs.append(old[path] == nil ? "\(path) (new input)" : (new[path] == nil ? "\(path) (no longer read)" : path))
            }
            if let fresh = freshManifest.fonts, let committed = committedManifest.fonts, let change = committed.change(to: fresh) {
                changedInputs.append(change)
            } else if committedManifest.fonts == nil, freshManifest.fonts != nil {
                changedInputs.append("the fonts (not recorded in the committed manifest)")
            }
            if committedManifest.toolVersion != freshManifest.toolVersion {
                changedInputs.append("dossier \(committedManifest.toolVersion) → \(freshManifest.toolVersion)")
            }
        }
        let because = changedInputs.isEmpty
            ? (committedManifest == nil ? "no committed manifest.json" : "no input changed: the build is not reproducible, or the outputs were edited by hand")
            : "inputs changed since the manifest: " + changedInputs.joined(separator: ", ")

        let freshFiles = listFiles(temporary)
        let committedFiles = Set((committedManifest?.outputs.map(\.path) ?? []) + ["manifest.json"])
            .filter { OutputName.isOutputPath($0) && FileManager.default.fileExists(atPath: committedDirectory.appendingPathComponent($0).path) }
        var differences = OutputRecovery.leftovers(in: committedDirectory).map { path in
            Difference(path: path, reason: path == CommitJournal.fileName
                ? "commit journal of an interrupted build: its switch to new outputs is unfinished; the next `dossier build` (or `make`) finishes it"
                : "temporary file of an interrupted build; the next `dossier build` (or `make`) removes it", kind: .leftover)
        }
        for path in freshFiles.union(committedFiles).sorted() {
            let a = FileManager.default.contents(atPath: committedDirectory.appendingPathComponent(path).path)
            let b = FileManager.default.contents(atPath: temporary.appendingPathComponent(path).path)
            if a == nil {
                differences.append(Difference(path: path, reason: "missing from the committed outputs (run make and commit)"))
            } else if b == nil {
                differences.append(Difference(path: path, reason: "committed but no longer produced (delete it)"))
            } else if a != b {
                differences.append(Difference(path: path, reason: because))
            }
        }
        return differences
    }

    private static func listFiles(_ directory: URL) -> Set<String> {
        guard let enumerator = FileManager.default.enumerator(atPath: directory.path) else { return [] }
        var files: Set<String> = []
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let full = directory.appendingPathComponent(path).path
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue,
               !(path as NSString).lastPathComponent.hasPrefix(".") {
                files.insert(path)
            }
        }
        return files
    }
}
