import Foundation
import Testing

/// `dossier build` read by hand in make's plain form (Sources/dossier/BuildFastPath.swift) does
/// what ArgumentParser's parse does: the same outputs, depfile, make state, messages and exit
/// status, with and without `DOSSIER_ARGUMENTS=parser` (which always takes ArgumentParser).
@Suite(.serialized) struct BuildFastPathTests {
    /// A project holding reports/anscombe in `root`.
    static func project() throws -> URL {
        let root = try Repository.temporaryDirectory("fast-path")
        let manager = FileManager.default
        try Data().write(to: root.appendingPathComponent(".dossier-project"))
        let report = root.appendingPathComponent("anscombe")
        try manager.createDirectory(at: report, withIntermediateDirectories: true)
        for item in ["report.md", "data"] {
            try manager.copyItem(at: Repository.root.appendingPathComponent("reports/anscombe/\(item)"),
                                 to: report.appendingPathComponent(item))
        }
        return root
    }

    /// Runs `arguments` in a fresh project, by the fast path or by ArgumentParser; returns the
    /// result and every file the run left in the project (the report's sources excluded).
    static func outcome(_ arguments: [String], parser: Bool) throws -> (CommandResult, [String: Data]) {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        let before = Set(try filesUnder(root).keys)
        let result = try dossier(arguments, in: root,
                                 environment: parser ? ["DOSSIER_ARGUMENTS": "parser"] : ["DOSSIER_ARGUMENTS": ""])
        return (result, try filesUnder(root).filter { !before.contains($0.key) })
    }

    static let fonts = Repository.root.appendingPathComponent("fonts").path

    @Test(arguments: [
        // make's document rule (no redraw list), then other plain forms.
        ["build", "anscombe", "--fonts", fonts, "--document-only", "--make-state", "state", "--cache", "state/cache",
         "--depfile", "state/document.d", "--dep-target", "state/document.stamp"],
        ["build", "anscombe", "--fonts", fonts, "--out", "elsewhere", "--depfile", "elsewhere.d"],
        ["build", "anscombe", "--fonts", fonts, "--figure", "quartet", "--cache", "cache", "--cache-limit", "50M"],
        ["build", "--fonts", fonts, "--no-cache", "--cache", "cache", "anscombe"],
        // Errors: a missing folder (the command's own message), then checks and forms that
        // only ArgumentParser reads (the fast path declines them).
        ["build", "missing", "--fonts", fonts],
        ["build", "anscombe", "--fonts", fonts, "--figure", "quartet", "--document-only"],
        ["build", "anscombe", "--fonts", fonts, "--make-state", "state"],
        ["build", "anscombe", "--fonts", fonts, "--cache-limit", "lots"],
        ["build", "anscombe", "--fonts", fonts, "--out"],
        ["build", "anscombe", "--fonts", fonts, "--out", "a", "--out", "b"],
        ["build", "anscombe", "--fonts=\(fonts)"],
        ["build", "anscombe", "other", "--fonts", fonts],
        ["build", "anscombe", "--fonts", fonts, "--help"],
    ])
    func sameAsArgumentParser(_ arguments: [String]) throws {
        let (fast, fastFiles) = try Self.outcome(arguments, parser: false)
        let (parsed, parsedFiles) = try Self.outcome(arguments, parser: true)
        #expect(fast.status == parsed.status, "\(fast.stderr) / \(parsed.stderr)")
        #expect(fast.stdout == parsed.stdout)
        #expect(fast.stderr == parsed.stderr)
        // Outputs, depfiles and stamps; not the cache's files (their names hold the project's
        // absolute path, another temporary folder for each run).
        let kept = { (files: [String: Data]) in files.filter { !$0.key.hasPrefix("cache/") && !$0.key.contains("/cache/") } }
        #expect(kept(fastFiles).keys.sorted() == kept(parsedFiles).keys.sorted())
        for (path, data) in kept(fastFiles) {
            #expect(data == parsedFiles[path], "\(path)")
        }
        #expect(!kept(fastFiles).isEmpty || fast.status != 0 || arguments.contains("--help"), "a build that succeeded wrote files")
    }
}
