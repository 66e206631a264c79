import CairoKit
import DossierReport
import Foundation
import Testing
@testable import DossierBuild

/// The document's rendering schedule (``RenderSchedule``): the second thread's side outputs
/// (stats.json, the HTML) are made once, by whichever thread gets to them, and a build's bytes
/// do not depend on how the work was split between the threads.
@Suite("Document schedule")
struct DocumentScheduleTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fonts = repository.appendingPathComponent("fonts")

    /// Counts the runs of a side work from either thread.
    final class Tally: @unchecked Sendable {
        private let lock = NSLock()
        private var runs = 0
        func add() { lock.withLock { runs += 1 } }
        var count: Int { lock.withLock { runs } }
    }

    static func files(_ report: String, twoThreads: Bool) throws -> [String: [UInt8]] {
        let options = BuildOptions(reportDirectory: repository.appendingPathComponent("reports/\(report)"),
                                   fontDirectory: fonts, twoThreads: twoThreads)
        return try ReportBuilder(options: options).build().files
    }

    @Test("one thread and two threads write the same files", arguments: ["anscombe", "china-lac-local"])
    func sameBytesOnOneOrTwoThreads(report: String) throws {
        let one = try Self.files(report, twoThreads: false)
        let two = try Self.files(report, twoThreads: true)
        #expect(one.keys.sorted() == two.keys.sorted())
        for (path, bytes) in one { #expect(two[path] == bytes, "\(path)") }
        #expect(one["stats.json"] != nil)
        #expect(one["\(report).html"] != nil)
        #expect(one.keys.contains { $0.hasPrefix("pages/") })
    }

    @Test("the side work runs once when both threads ask for it", arguments: [false, true])
    func sideWorkRunsOnce(twoThreads: Bool) throws {
        let tally = Tally()
        let schedule = RenderSchedule(charts: [:], sharesPages: false, fontDirectory: Self.fonts.path, date: "2026-01-01T00:00:00Z",
                                      twoThreads: twoThreads, trace: BuildTrace(enabled: false)) { _, charts in
            tally.add()
            return ["side.txt": Array("charts \(charts.count)".utf8)]
        }
        defer { schedule.abandon() }
        let typesetter = try Typesetter(fontDirectory: Self.fonts.path)
        try schedule.runSideWork(using: typesetter)
        try schedule.runSideWork(using: typesetter)
        let files = try schedule.finish()
        #expect(tally.count == 1)
        #expect(files["side.txt"] == Array("charts 0".utf8))
    }

    @Test("stats.json strings: plain texts copied whole, the rest escaped as before")
    func statsJSONStrings() {
        #expect(StatsJSON.string("Dos Bocas — refinery") == "\"Dos Bocas — refinery\"")
        #expect(StatsJSON.string("a\"b\\c") == "\"a\\\"b\\\\c\"")
        #expect(StatsJSON.string("line\nnext\ttab\r\u{1}") == "\"line\\nnext\\ttab\\r\\u0001\"")
        #expect(StatsJSON.encode(results: ["x": .list([.integer(1), .text("a"), .missing])], order: ["x"])
                == "{\n  \"x\": [1, \"a\", null]\n}\n")
    }
}
