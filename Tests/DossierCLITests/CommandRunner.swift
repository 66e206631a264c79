import Foundation

/// Runs the built `dossier` binary and other tools, as a user would.
struct CommandResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

enum Repository {
    /// The repository root, from this file's path.
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary under test: `DOSSIER_BINARY` or the debug build.
    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["DOSSIER_BINARY"] { return URL(fileURLWithPath: path) }
        return root.appendingPathComponent(".build/debug/dossier")
    }

    static let flagship = root.appendingPathComponent("reports/china-lac-local")

    /// A fresh temporary folder.
    static func temporaryDirectory(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-test-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Copies the parts of the repository a build needs (report, datasets, fonts) to `destination`,
    /// with a `.dossier-project` marker making it the project root (the report names
    /// `../../datasets`, outside its own folder).
    static func copyProject(to destination: URL, reports: [String] = ["china-lac-local"]) throws {
        let manager = FileManager.default
        try Data().write(to: destination.appendingPathComponent(".dossier-project"))
        for folder in ["datasets", "fonts"] {
            try manager.copyItem(at: root.appendingPathComponent(folder), to: destination.appendingPathComponent(folder))
        }
        try manager.createDirectory(at: destination.appendingPathComponent("reports"), withIntermediateDirectories: true)
        for report in reports {
            let target = destination.appendingPathComponent("reports/\(report)")
            try manager.createDirectory(at: target, withIntermediateDirectories: true)
            try manager.copyItem(at: root.appendingPathComponent("reports/\(report)/report.md"),
                                 to: target.appendingPathComponent("report.md"))
        }
    }
}

/// Every file under `directory` (none when it does not exist), by path relative to it.
func filesUnder(_ directory: URL) throws -> [String: Data] {
    var result: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(atPath: directory.path)
    while let path = enumerator?.nextObject() as? String {
        var isDirectory: ObjCBool = false
        let url = directory.appendingPathComponent(path)
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            result[path] = try Data(contentsOf: url)
        }
    }
    return result
}

@discardableResult
func run(_ executable: String, _ arguments: [String], in directory: URL? = nil,
         environment: [String: String] = [:]) throws -> CommandResult {
    let process = Process()
    if executable.hasPrefix("/") {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
    } else {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + arguments
    }
    if let directory { process.currentDirectoryURL = directory }
    var env = ProcessInfo.processInfo.environment
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CommandResult(status: process.terminationStatus,
                         stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self))
}

/// Runs `dossier` with `arguments`.
@discardableResult
func dossier(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> CommandResult {
    try run(Repository.binary.path, arguments, in: directory, environment: environment)
}

/// Width and height of a PNG, from its IHDR chunk.
func pngSize(_ data: Data) -> (width: Int, height: Int)? {
    let bytes = [UInt8](data)
    guard bytes.count > 24, bytes[0] == 0x89, bytes[1] == 0x50, bytes[12...15].elementsEqual("IHDR".utf8) else { return nil }
    func word(_ offset: Int) -> Int {
        Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16 | Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
    }
    return (word(16), word(20))
}
