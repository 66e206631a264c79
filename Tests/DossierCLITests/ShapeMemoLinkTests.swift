import Foundation
import Testing

/// CShapeMemo defines HarfBuzz's `hb_shape`, `hb_buffer_add_utf8` and `hb_buffer_add` in the
/// executable, and Pango's calls reach them only while the executable exports them: the release
/// link exports nothing else (the Makefile's `LINK_FLAGS`, `--no-export-dynamic`). The dynamic
/// loader's account of its bindings (`LD_DEBUG=bindings`; Pango is bound at load) says where
/// Pango's calls go, for whichever binary `DOSSIER_BINARY` names.
@Suite struct ShapeMemoLinkTests {
    /// The symbols of `library` that `log` shows bound to `executable`.
    static func bound(in log: String, from library: String, to executable: String) -> Set<String> {
        var symbols: Set<String> = []
        for line in log.split(separator: "\n") where line.contains("binding file ") && line.contains("/\(library) [0]") {
            guard let target = line.range(of: " to \(executable) [0]: normal symbol `"),
                  let end = line[target.upperBound...].firstIndex(of: "'") else { continue }
            symbols.insert(String(line[target.upperBound..<end]))
        }
        return symbols
    }

    @Test func pangoShapesThroughTheExecutable() throws {
        let binary = Repository.binary.path
        // The log goes to a file (LD_DEBUG_OUTPUT, `.PID` appended): on standard error its
        // thousands of lines would fill the pipe before `run` reads it.
        let directory = try Repository.temporaryDirectory("shape-memo-link")
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("bindings")
        let result = try run(binary, ["--version"], environment: ["LD_DEBUG": "bindings", "LD_DEBUG_OUTPUT": output.path])
        #expect(result.status == 0)
        let logs = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        let log = try logs.map { try String(contentsOf: directory.appendingPathComponent($0), encoding: .utf8) }.joined()
        let bound = Self.bound(in: log, from: "libpango-1.0.so.0", to: binary)
        #expect(bound.isSuperset(of: ["hb_shape", "hb_buffer_add_utf8", "hb_buffer_add"]), "\(bound.sorted())")
    }

    @Test func theBindingLogIsRead() {
        let log = """
               7:	binding file /lib/libpango-1.0.so.0 [0] to /x/dossier [0]: normal symbol `hb_shape'
               7:	binding file /lib/libpango-1.0.so.0 [0] to /lib/libharfbuzz.so.0 [0]: normal symbol `hb_buffer_add_utf8'
               7:	binding file /lib/libpangoft2-1.0.so.0 [0] to /x/dossier [0]: normal symbol `hb_buffer_add'
            """
        #expect(Self.bound(in: log, from: "libpango-1.0.so.0", to: "/x/dossier") == ["hb_shape"])
    }
}
