import Foundation

/// One Swift file under Sources/: its module, its path below Sources/, its line count and the
/// modules it imports.
struct SourceFile: Equatable {
    var module: String
    var path: String
    var lines: Int
    var imports: [String]

    /// Reads every `.swift` file under `sources` (one folder per module).
    static func scan(_ sources: URL) throws -> [SourceFile] {
        let manager = FileManager.default
        var files: [SourceFile] = []
        for module in try manager.contentsOfDirectory(atPath: sources.path).sorted() {
            let folder = sources.appendingPathComponent(module)
            guard let walker = manager.enumerator(atPath: folder.path) else { continue }
            for case let relative as String in walker where relative.hasSuffix(".swift") {
                let text = try String(contentsOf: folder.appendingPathComponent(relative), encoding: .utf8)
                files.append(SourceFile(module: module, path: "\(module)/\(relative)",
                                        lines: text.utf8.count(where: { $0 == UInt8(ascii: "\n") }),
                                        imports: importedModules(text)))
            }
        }
        return files.sorted { $0.path < $1.path }
    }

    /// The modules named by `import` lines (any attributes, access level or declaration kind:
    /// `@testable import X`, `package import X`, `import struct X.Y`), in order.
    static func importedModules(_ text: String) -> [String] {
        text.split(separator: "\n").compactMap { line in
            var words = line.split(separator: " ").drop { $0.hasPrefix("@") }
            if let first = words.first, ["public", "package", "internal", "fileprivate", "private"].contains(first) {
                words = words.dropFirst()
            }
            guard words.first == "import", words.count >= 2 else { return nil }
            words = words.dropFirst()
            let kinds: Set<Substring> = ["struct", "class", "enum", "protocol", "typealias", "func", "var", "let"]
            if let kind = words.first, kinds.contains(kind), words.count >= 2 { words = words.dropFirst() }
            return words.first.map { String($0.split(separator: ".")[0]) }
        }
    }
}

/// The rules of issue 16 over a set of source files; each returns one message per breach.
enum ModuleRules {
    /// An import that is not an edge of ``ModuleGraph/allowed`` (nor a platform module); a
    /// module the graph does not know.
    static func forbiddenImports(_ files: [SourceFile], graph: [String: Set<String>] = ModuleGraph.allowed) -> [String] {
        files.flatMap { file -> [String] in
            guard let allowed = graph[file.module] else {
                return ["\(file.path): module \(file.module) is not in the module graph (ModuleGraph.allowed)"]
            }
            return file.imports.filter { !ModuleGraph.platform.contains($0) && !allowed.contains($0) }
                .map { "\(file.path): \(file.module) imports \($0), which the module graph does not allow" }
        }
    }

    /// An import of a C module outside its door (``ModuleGraph/cDoors``).
    static func cImportsOutsideTheirDoors(_ files: [SourceFile]) -> [String] {
        files.flatMap { file in
            file.imports.compactMap { module -> String? in
                guard let door = ModuleGraph.cDoors[module] else { return nil }
                let inside = door.hasSuffix(".swift") ? file.path == door : file.module == door
                return inside ? nil : "\(file.path): imports \(module), which only \(door) may import"
            }
        }
    }

    /// A module holding more than ``ModuleGraph/largestShare`` of all lines.
    static func oversizedModules(_ files: [SourceFile]) -> [String] {
        let total = files.reduce(0) { $0 + $1.lines }
        let byModule = Dictionary(grouping: files, by: \.module).mapValues { $0.reduce(0) { $0 + $1.lines } }
        return byModule.sorted { $0.key < $1.key }.compactMap { module, lines in
            Double(lines) > Double(total) * ModuleGraph.largestShare
                ? "\(module) holds \(lines) of \(total) Swift lines under Sources/ (more than a third)" : nil
        }
    }
}
