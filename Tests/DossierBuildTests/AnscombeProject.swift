@testable import DossierBuild
import Foundation

/// A copy of reports/anscombe in its own project folder, with the repository's fonts.
struct AnscombeProject: Sendable {
    let root: URL
    var report: URL { root.appendingPathComponent("anscombe") }
    var cache: BuildCache { BuildCache(directory: root.appendingPathComponent(".build/cache"), toolIdentity: "test") }
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("build-cache-\(UUID().uuidString)")
        let manager = FileManager.default
        try manager.createDirectory(at: report, withIntermediateDirectories: true)
        try Data().write(to: root.appendingPathComponent(".dossier-project"))
        try manager.copyItem(at: Self.repository.appendingPathComponent("reports/anscombe/report.md"),
                             to: report.appendingPathComponent("report.md"))
        try manager.copyItem(at: Self.repository.appendingPathComponent("reports/anscombe/data"), to: report.appendingPathComponent("data"))
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// Builds into `root/<name>` and returns every output by relative path.
    /// `layoutRecords` false leaves the cache's layout pack out (a test of the shaping pack alone).
    func build(into name: String, cache useCache: Bool, selection: BuildOptions.Selection = .everything,
               layoutRecords: Bool = true) throws -> [String: [UInt8]] {
        let out = root.appendingPathComponent(name)
        let options = BuildOptions(reportDirectory: report, outputDirectory: out,
                                   fontDirectory: Self.repository.appendingPathComponent("fonts"), selection: selection,
                                   cache: useCache ? cache : nil)
        _ = try ReportBuild.run(options, staging: OutputStaging(directory: options.outputDirectory)) { builder in
            builder.usesLayoutRecords = layoutRecords
        }
        return try Self.files(in: out)
    }

    /// Every file under `out`, by relative path.
    static func files(in out: URL) throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        let enumerator = FileManager.default.enumerator(atPath: out.path)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let url = out.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = try [UInt8](Data(contentsOf: url))
            }
        }
        return files
    }

    func edit(_ path: String, replacing old: String, with new: String) throws {
        let url = report.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        guard text.contains(old) else { throw EditFailed(path: path, missing: old) }
        try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
    }

    /// The entry files of the cache (of one kind, or all; not the digest memo, which is no entry).
    func entryFiles(_ kind: String? = nil) -> [String] {
        let folder = kind.map { cache.directory.appendingPathComponent($0) } ?? cache.directory
        var paths: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let path = enumerator?.nextObject() as? String {
            let url = folder.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
               !url.lastPathComponent.hasPrefix("."), url.path != cache.directory.appendingPathComponent(FileDigestMemo.fileName).path {
                paths.append(url.path)
            }
        }
        return paths.sorted()
    }

    /// The entries of `kind`: its entry files and its names in the analysis pack.
    func entries(_ kind: String) -> Int {
        entryFiles(kind).count + AnalysisPack(cache: cache).keys().filter { $0.kind == kind }.count
    }

    /// Removes the entries of `kind`, or the whole cache.
    func removeEntries(_ kind: String? = nil) throws {
        let folder = kind.map { cache.directory.appendingPathComponent($0) } ?? cache.directory
        if FileManager.default.fileExists(atPath: folder.path) { try FileManager.default.removeItem(at: folder) }
    }

    struct EditFailed: Error {
        let path: String
        let missing: String
    }
}
