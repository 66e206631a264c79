import DossierBase
import Foundation

/// A loaded Frictionless Data Package: its resources, their typed tables, and the files read.
///
/// ```swift
/// let package = try DataPackage.load(from: URL(fileURLWithPath: "datasets/datapackage.json"))
/// let cases = try package.requireTable("cases")
/// ```
public struct DataPackage: Sendable {
    /// `name` from the descriptor, if any.
    public var name: String?
    /// URL of `datapackage.json` as given.
    public var descriptorURL: URL
    /// Resources in descriptor order.
    public var resources: [Resource]
    /// One table per resource, in the same order.
    public var tables: [Table]
    /// Every file read (descriptor, external schemas, CSVs) as absolute file URLs, for dependency tracking.
    public var files: [URL]
    /// The same files as paths relative to the current directory as given (as printed in diagnostics).
    public var filePaths: [String]
    /// Warnings found while loading (the package is still valid).
    public var warnings: [Diagnostic]
    /// The names of the files read after the descriptor (``files`` from the second on), as the
    /// descriptor gives them: the build cache confines them again, as the load does, before
    /// it reads anything (``ConfinedDescriptor``).
    package var fileNames: [String] = []

    /// A package with no resources, for a report that names none (`descriptorURL` is where one
    /// would be; nothing is read from it).
    package static func none(descriptorURL: URL) -> DataPackage {
        DataPackage(name: nil, descriptorURL: descriptorURL, resources: [], tables: [], files: [], filePaths: [], warnings: [])
    }

    /// The table of the resource named `name`.
    public func table(named name: String) -> Table? { tables.first { $0.name == name } }

    /// The table of the resource named `name`, or ``TableError/unknownColumn(_:available:)``-style error.
    public func requireTable(_ name: String) throws -> Table {
        guard let t = table(named: name) else {
            throw DiagnosticError(diagnostics: [Diagnostic(
                file: DataPackage.displayPath(descriptorURL), code: .descriptorError,
                message: DiagnosticCatalogue.unknownReferenceResource(name, resources: resources.map(\.name)))])
        }
        return t
    }

    /// Total rows across tables.
    public var rowCount: Int { tables.reduce(0) { $0 + $1.rowCount } }
    /// Total fields across tables.
    public var fieldCount: Int { tables.reduce(0) { $0 + $1.fields.count } }

    /// The result of ``DataPackage/validate(at:errorCap:)``.
    public struct Validation: Sendable {
        /// The package, when it loaded without errors.
        public var package: DataPackage?
        /// Errors (and notes/warnings), capped; `nil` when valid.
        public var failure: DiagnosticError?
        /// Files read, absolute (also when invalid).
        public var files: [URL]
        /// Files read, as printed.
        public var filePaths: [String]
    }

    /// Loads and validates the package at `url` (a `datapackage.json`).
    /// Every file it names must lie inside `root` (default: the project root of the
    /// descriptor's folder, see ``ProjectRoot``).
    /// Throws ``DiagnosticError`` listing every problem (up to `errorCap` errors).
    public static func load(from url: URL, root: ProjectRoot? = nil, errorCap: Int = 100) throws -> DataPackage {
        let v = validate(at: url, root: root, errorCap: errorCap)
        if let failure = v.failure { throw failure }
        guard let package = v.package else { throw DiagnosticError(diagnostics: []) }
        return package
    }

    /// Loads and validates without throwing: the package if valid, else the diagnostics.
    /// Every file it names must lie inside `root` (default: the project root of the
    /// descriptor's folder).
    public static func validate(at url: URL, root: ProjectRoot? = nil, errorCap: Int = 100) -> Validation {
        validate(at: url, root: root, errorCap: errorCap, plan: .automatic)
    }

    /// ``validate(at:root:errorCap:)`` with the files cut for a parallel load as `plan` says (tests).
    static func validate(at url: URL, root: ProjectRoot? = nil, errorCap: Int = 100, plan: ChunkPlan) -> Validation {
        validate(at: url, root: root, errorCap: errorCap, plan: plan, trace: nil)
    }

    /// ``validate(at:root:errorCap:)`` recording where the time goes in `trace` (phase CPU
    /// times, see ``LoadTrace``).
    package static func validate(at url: URL, root: ProjectRoot? = nil, errorCap: Int = 100, trace: LoadTrace) -> Validation {
        validate(at: url, root: root, errorCap: errorCap, plan: .automatic, trace: trace)
    }

    private static func validate(at url: URL, root: ProjectRoot?, errorCap: Int, plan: ChunkPlan, trace: LoadTrace?) -> Validation {
        var sink = DiagnosticSink(cap: errorCap)
        let listing = PackageListing(descriptor: url)
        var files: [URL] = []
        var filePaths: [String] = []
        func finish(_ package: DataPackage?) -> Validation {
            let failure = sink.hasErrors ? sink.finish() : nil
            var p = package
            p?.warnings = sink.finish().diagnostics.filter { $0.severity == .warning }
            return Validation(package: failure == nil ? p : nil, failure: failure, files: files, filePaths: filePaths)
        }
        let descriptor: ConfinedDescriptor
        do throws(PathProblem) {
            descriptor = try ConfinedDescriptor(url, root: root)
        } catch {
            let display = listing.displayPath
            sink.add(Diagnostic(file: display, code: error.isMissing ? .fileNotFound : .badPath,
                                message: error.isMissing ? DiagnosticCatalogue.fileNotFound(display) : error.message(for: display)))
            return finish(nil)
        }
        var parser = DescriptorParser(descriptor: descriptor, listing: listing)
        let json = parser.readJSON(descriptor.path, listedAs: url.absoluteURL, named: nil, display: listing.displayPath, sink: &sink)
        let parsed = json.flatMap { parser.parsePackage($0, sink: &sink) }
        files = parser.files
        filePaths = parser.filePaths
        var fileNames = parser.fileNames
        guard let (name, resources) = parsed else { return finish(nil) }
        var tables: [String: Table] = [:]
        var complete: [String: Table] = [:]
        var loaded: [(Resource, Table, String)] = []
        for (i, r) in resources.enumerated() {
            sink.fileOrder = i + 1
            let fileURL = parser.listed(r.path)
            let shown = parser.display(r.path)
            let pathValue = JSONValue(.string(r.path), offset: parser.pathOffsets[r.name] ?? 0)
            guard let file = parser.confine(pathValue, named: r.path, sink: &sink, missing: { _ in
                Diagnostic(file: shown, code: .fileNotFound,
                           message: DiagnosticCatalogue.resourceFileNotFound(resource: r.name, path: shown))
            }) else { continue }
            files.append(fileURL)
            filePaths.append(shown)
            fileNames.append(r.path)
            var loader = ResourceLoader(resource: r, file: file, displayPath: shown)
            loader.plan = plan
            loader.trace = trace
            if let (t, isComplete) = loader.load(sink: &sink) {
                tables[r.name] = t
                if isComplete { complete[r.name] = t }
                loaded.append((r, t, shown))
            }
        }
        for (i, (r, t, shown)) in loaded.enumerated() {
            sink.fileOrder = (resources.firstIndex { $0.name == r.name } ?? i) + 1
            let cpu0 = trace == nil ? 0 : LoadTrace.threadCPU()
            ForeignKeyChecks.check(resource: r, table: t, tables: complete, displayPath: shown, sink: &sink)
            if let trace, !r.schema.foreignKeys.isEmpty {
                trace.add(file: shown, phase: "foreign keys", seconds: LoadTrace.threadCPU() - cpu0, bytes: 0, cells: t.rowCount)
            }
        }
        let package = DataPackage(name: name, descriptorURL: url, resources: resources,
                                  tables: loaded.map(\.1), files: files, filePaths: filePaths, warnings: [], fileNames: fileNames)
        return finish(package)
    }

    /// The path of `url` as the user gave it (relative paths stay relative).
    static func displayPath(_ url: URL) -> String {
        let p = url.relativePath
        return p.hasPrefix("./") ? String(p.dropFirst(2)) : p
    }
}
