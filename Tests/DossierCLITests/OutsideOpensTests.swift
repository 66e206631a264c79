import Foundation
import Testing

/// What a build opens outside its project, traced with strace (docs/reproducibility.md): the
/// system libraries, fontconfig's cache of the pinned fonts and the kernel's own views
/// (/proc, /sys, /dev), nothing else. The time zone is pinned at start (`TZ=UTC0`), so Cairo's
/// `tzset` reads no zone file, whatever `TZ` the caller set.
@Suite struct OutsideOpensTests {
    static let strace = ["/usr/bin/strace", "/bin/strace"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The paths `openat`/`open` opened (not those that failed) in an strace log.
    static func openedPaths(inLog log: String) -> [String] {
        log.split(separator: "\n").compactMap { line in
            guard line.contains("open"), let start = line.range(of: "(AT_FDCWD, \"") ?? line.range(of: "open(\""),
                  let end = line[start.upperBound...].firstIndex(of: "\""),
                  let result = line.range(of: ") = ", options: .backwards),
                  line[result.upperBound...].first?.isNumber == true else { return nil }
            return String(line[start.upperBound..<end])
        }
    }

    /// Those of `paths` a build may not open: outside `project`, and neither a library, the
    /// pinned font cache nor a kernel view.
    static func unexpected(_ paths: [String], project: String) -> [String] {
        paths.filter { path in
            !path.hasPrefix(project + "/") && !path.contains(".so")
                && !path.contains("/.cache/dossier-fonts/")
                && !["/proc/", "/sys/", "/dev/"].contains { path.hasPrefix($0) }
        }
    }

    @Test(.enabled(if: strace != nil, "needs strace"), arguments: [":/etc/localtime", "UTC", "Europe/Paris"])
    func aBuildOpensNothingOutsideItsProject(callerTimeZone: String) throws {
        let directory = try Repository.temporaryDirectory("outside-opens").resolvingSymlinksInPath()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Repository.copyProject(to: directory)
        let log = directory.appendingPathComponent("strace.log")
        let result = try run(try #require(Self.strace), [
            "-f", "-e", "trace=open,openat", "-o", log.path, Repository.binary.path,
            "build", "reports/china-lac-local", "--fonts", "fonts", "--out", "out",
        ], in: directory, environment: ["TZ": callerTimeZone])
        #expect(result.status == 0, "\(result.stderr)")
        let paths = Self.openedPaths(inLog: try String(contentsOf: log, encoding: .utf8))
        #expect(paths.contains { $0.hasPrefix(directory.path + "/") })
        #expect(Self.unexpected(paths, project: directory.path) == [])
    }

    @Test func theLogIsReadAsOpenedPaths() {
        let log = """
            101 openat(AT_FDCWD, "/lib/x86_64-linux-gnu/libc.so.6", O_RDONLY|O_CLOEXEC) = 3
            101 openat(AT_FDCWD, "/etc/ld.so.preload", O_RDONLY|O_CLOEXEC) = -1 ENOENT (No such file or directory)
            102 openat(AT_FDCWD, "/etc/localtime", O_RDONLY|O_CLOEXEC) = 7
            102 open("/p/reports/x/report.md", O_RDONLY) = 4
            """
        let paths = Self.openedPaths(inLog: log)
        #expect(paths == ["/lib/x86_64-linux-gnu/libc.so.6", "/etc/localtime", "/p/reports/x/report.md"])
        #expect(Self.unexpected(paths, project: "/p") == ["/etc/localtime"])
    }
}
