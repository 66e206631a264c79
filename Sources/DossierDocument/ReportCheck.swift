import Foundation

/// `dossier check`: rebuilds into a temporary folder and compares with the committed outputs.
public enum ReportCheck {
    /// One difference between the committed outputs and a fresh build.
    public struct Difference: Sendable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): \(reason)" }
    }

    /// Compares; returns the differences (empty when the outputs are current). Input changes
    /// since the committed manifest are named in each reason.
    public static func run(_ options: BuildOptions) throws(BuildError) -> [Difference] {
        let temporary = FileManager.default.temporaryDirectory
            .appendingPathComponent("dossier-check-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: temporary) }
        var fresh = options
        fresh.outputDirectory = temporary
        fresh.selection = .everything
        _ = try ReportBuild.run(fresh)

        let committedDirectory = options.outputDirectory
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
            if committedManifest.toolVersion != freshManifest.toolVersion {
                changedInputs.append("dossier \(committedManifest.toolVersion) → \(freshManifest.toolVersion)")
            }
        }
        let because = changedInputs.isEmpty
            ? (committedManifest == nil ? "no committed manifest.json" : "no input changed: the build is not reproducible, or the outputs were edited by hand")
            : "inputs changed since the manifest: " + changedInputs.joined(separator: ", ")

        let freshFiles = listFiles(temporary)
        let committedFiles = listFiles(committedDirectory)
        var differences: [Difference] = []
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
