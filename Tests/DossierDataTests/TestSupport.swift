import DossierBase
import Foundation
@testable import DossierData

/// Deterministic SplitMix64 generator for property-style tests.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A fresh temporary directory.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("dossierdata-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Tokenizes bytes with the given chunk size; returns records as string arrays plus structural errors.
func tokenize(_ bytes: [UInt8], chunkSize: Int = 1 << 20, dialect: CSVDialect = CSVDialect()) throws
    -> (records: [[String]], lines: [Int], errors: [String]) {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("t.csv")
    try Data(bytes).write(to: file)
    let confined = try ProjectRoot(exactly: dir.path).confine("t.csv", relativeTo: dir.path).get()
    let reader = try CSVReader(file: confined, dialect: dialect, chunkSize: chunkSize)
    var records: [[String]] = []
    var lines: [Int] = []
    var errors: [String] = []
    try reader.scan(onRecord: { rec in
        records.append((0..<rec.count).map { String(decoding: rec.bytes($0), as: UTF8.self) })
        lines.append(rec.line)
    }, onError: { e in
        switch e {
        case let .unterminatedQuote(line, column): errors.append("unterminated \(line):\(column)")
        case let .characterAfterQuote(line, column, byte): errors.append("after-quote \(line):\(column) \(byte)")
        }
    })
    return (records, lines, errors)
}

/// Quotes a field as RFC 4180 requires (only when needed, or always if `force`).
func quoteCSV(_ s: String, force: Bool = false) -> String {
    if force || s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r") || s.isEmpty {
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
    return s
}
