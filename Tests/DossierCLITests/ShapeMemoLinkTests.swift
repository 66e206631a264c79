import Foundation
import Testing

/// CShapeMemo defines HarfBuzz functions (`hb_shape`, `hb_buffer_add_utf8`, …) in the
/// executable, and Pango's calls reach them only while the executable exports them: the release
/// link exports only what the linked libraries refer to (the Makefile's `LINK_FLAGS`,
/// `--no-export-dynamic`). The dynamic loader's account of its bindings (`LD_DEBUG=bindings`;
/// Pango is bound at load) says where the libraries' calls go, for whichever binary
/// `DOSSIER_BINARY` names.
@Suite struct ShapeMemoLinkTests {
    /// The `hb_` functions a C file defines (a definition starts at the line's start; static
    /// functions, calls and declarations of function pointers are not).
    static func definedHarfBuzzFunctions(in source: String) -> Set<String> {
        var names: Set<String> = []
        for line in source.split(separator: "\n") {
            guard let first = line.first, first.isLetter, !line.hasPrefix("static"), !line.hasPrefix("typedef"),
                  let paren = line.firstIndex(of: "(") else { continue }
            let name = line[..<paren].reversed().prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            let function = String(name.reversed())
            if function.hasPrefix("hb_") { names.insert(function) }
        }
        return names
    }

    /// The symbols `log` shows bound to `executable` from any library.
    static func bound(in log: String, to executable: String) -> Set<String> {
        var symbols: Set<String> = []
        for line in log.split(separator: "\n") where line.contains("binding file ") {
            guard let target = line.range(of: " to \(executable) [0]: normal symbol `"),
                  let end = line[target.upperBound...].firstIndex(of: "'") else { continue }
            symbols.insert(String(line[target.upperBound..<end]))
        }
        return symbols
    }

    @Test func theLibrariesCallCShapeMemosHarfBuzzFunctions() throws {
        let sources = Repository.root.appendingPathComponent("Sources/CShapeMemo")
        var defined: Set<String> = []
        for file in try FileManager.default.contentsOfDirectory(atPath: sources.path) where file.hasSuffix(".c") {
            defined.formUnion(Self.definedHarfBuzzFunctions(
                in: try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)))
        }
        #expect(defined.isSuperset(of: ["hb_shape", "hb_buffer_add_utf8", "hb_buffer_add"]))

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
        let bound = Self.bound(in: log, to: binary)
        #expect(defined.subtracting(bound) == [], "bound to the executable: \(bound.sorted())")
    }

    @Test func definitionsAndBindingsAreRead() {
        let source = """
            typedef void (*shape_function)(hb_font_t *, hb_buffer_t *);
            static void resolve(void) {
                hb_buffer_clear_contents(buffer);
            }
            hb_blob_t *hb_blob_create_from_file(const char *file_name) {
            void hb_shape(hb_font_t *font, hb_buffer_t *buffer) {
            """
        #expect(Self.definedHarfBuzzFunctions(in: source) == ["hb_blob_create_from_file", "hb_shape"])
        let log = """
               7:	binding file /lib/libpango-1.0.so.0 [0] to /x/dossier [0]: normal symbol `hb_shape'
               7:	binding file /lib/libpango-1.0.so.0 [0] to /lib/libharfbuzz.so.0 [0]: normal symbol `hb_buffer_add_utf8'
               7:	binding file /lib/libpangoft2-1.0.so.0 [0] to /x/dossier [0]: normal symbol `hb_buffer_add'
            """
        #expect(Self.bound(in: log, to: "/x/dossier") == ["hb_shape", "hb_buffer_add"])
    }
}
