import DossierBase
import DossierReport
import Foundation

/// `manifest.json`: the tool version, the identity of the pinned fonts (``FontIdentity``: file
/// names and SHA-256s, not their folder, which depends on where Dossier is installed), each
/// other input's path and SHA-256, and each output's path and SHA-256. `dossier check` uses it
/// to say which input changed since the outputs were built.
package struct Manifest: Sendable, Equatable {
    /// A file and its SHA-256.
    package struct Entry: Sendable, Equatable {
        package var path: String
        package var sha256: String
    }

    package var toolVersion: String
    /// The fonts the build used; nil in a manifest written before fonts had an identity.
    package var fonts: FontIdentity?
    package var inputs: [Entry]
    package var outputs: [Entry]

    package init(toolVersion: String, fonts: FontIdentity? = nil, inputs: [Entry], outputs: [Entry]) {
        self.toolVersion = toolVersion
        self.fonts = fonts
        self.inputs = inputs
        self.outputs = outputs
    }

    /// Builds a manifest. The inputs that are among `fontFiles` make its ``fonts`` identity;
    /// the other input paths are made relative to `reportDirectory`, output paths are
    /// relative to the output directory; both sorted.
    /// Files are read and hashed on two threads unless `twoThreads` is false; an input that
    /// `inputDigests` (the build's cache keys) already hashed is not read again; `hashedOutputs`
    /// are outputs given by their SHA-256 instead of their bytes. `helperDone`
    /// runs on the second thread when it has hashed its share (a ``BuildTrace`` mark).
    static func make(inputs allInputs: [String], fontFiles: [String], outputs: [String: [UInt8]],
                     hashedOutputs: [String: String] = [:], reportDirectory: URL,
                     twoThreads: Bool = true, inputDigests: InputDigests? = nil,
                     helperDone: (@Sendable () -> Void)? = nil) -> Manifest {
        let fontSet = Set(fontFiles)
        let fonts = allInputs.filter { fontSet.contains($0) }
        let inputs = allInputs.filter { !fontSet.contains($0) } + fonts
        let plainInputs = inputs.count - fonts.count
        let outputPaths = Set(outputs.keys).union(hashedOutputs.keys).sorted()
        // Inputs first: reading them from disk is the slower half.
        let digests: [String]
        let helps = twoThreads && Self.worthASecondThread(inputs: inputs, outputs: outputs, hashedOutputs: hashedOutputs,
                                                          inputDigests: inputDigests)
        do {
            digests = try TwoThreadMap.map(inputs.count + outputPaths.count, twoThreads: helps, callerState: (), makeState: {},
                                           helperDone: helperDone) { _, index -> String in
                if index < inputs.count {
                    return inputDigests?.digest(inputs[index]) ?? SHA256.hex(FileBytes.read(inputs[index]) ?? [])
                }
                let path = outputPaths[index - inputs.count]
                return hashedOutputs[path] ?? SHA256.outputHex(outputs[path] ?? [])
            }
        } catch {
            preconditionFailure("hashing throws nothing: \(error)")
        }
        let inputEntries = inputs.prefix(plainInputs).enumerated().map { index, path in
            Entry(path: relativePath(path, from: reportDirectory), sha256: digests[index])
        }.sorted { $0.path < $1.path }
        let fontIdentity = fonts.isEmpty ? nil : FontIdentity(files: fonts.enumerated().map { offset, path in
            FontIdentity.File(name: URL(fileURLWithPath: path, isDirectory: false).lastPathComponent, sha256: digests[plainInputs + offset])
        })
        let outputEntries = outputPaths.enumerated().map { index, path in
            Entry(path: path, sha256: digests[inputs.count + index])
        }
        return Manifest(toolVersion: DossierVersion.current, fonts: fontIdentity, inputs: inputEntries, outputs: outputEntries)
    }

    /// Bytes still to hash below which the manifest's hashing stays on the calling thread:
    /// starting and ending a thread costs about what hashing this much does (SHA-256 with the
    /// CPU's SHA extensions), and after an edit nearly every digest is known already.
    static let secondThreadBytes = 512 << 10

    /// Whether hashing the manifest's files is worth a second thread: the outputs whose digest
    /// is not known yet (``OutputDigests``, `hashedOutputs`) and the inputs `inputDigests` has
    /// not hashed (counted at 64 KB each, unread) come to ``secondThreadBytes`` or more.
    static func worthASecondThread(inputs: [String], outputs: [String: [UInt8]], hashedOutputs: [String: String],
                                   inputDigests: InputDigests?) -> Bool {
        var bytes = 0
        for path in inputs where inputDigests?.isKnown(path) != true {
            bytes += 64 << 10
            if bytes >= secondThreadBytes { return true }
        }
        for (path, output) in outputs where hashedOutputs[path] == nil && OutputDigests.shared.known(output) == nil {
            bytes += output.count
            if bytes >= secondThreadBytes { return true }
        }
        return false
    }

    /// The JSON text, with a fixed layout.
    package var json: String {
        func list(_ entries: [Entry]) -> String {
            entries.map { "    {\"path\": \(StatsJSON.string($0.path)), \"sha256\": \"\($0.sha256)\"}" }.joined(separator: ",\n")
        }
        var fontsJSON = ""
        if let fonts {
            let files = fonts.files.map { "      {\"path\": \(StatsJSON.string($0.name)), \"sha256\": \"\($0.sha256)\"}" }
            fontsJSON = "\n  \"fonts\": {\n    \"sha256\": \"\(fonts.sha256)\",\n    \"files\": [\n"
                + files.joined(separator: ",\n") + "\n    ]\n  },"
        }
        return """
            {
              "tool": "dossier",
              "version": \(StatsJSON.string(toolVersion)),\(fontsJSON)
              "inputs": [
            \(list(inputs))
              ],
              "outputs": [
            \(list(outputs))
              ]
            }

            """
    }

    /// Parses a manifest written by ``json`` (DossierBase's ``JSONParser``, one pass: a build
    /// reads the previous manifest, ~14 KB at 1×, to know what it owned). A list with an item
    /// that is not an object of strings is read as no list; nil when the text is not JSON, its
    /// top level not an object or its version not a text.
    static func parse(bytes: [UInt8]) -> Manifest? {
        guard let value = try? JSONParser.parse(bytes), let object = value.object, let version = object["version"]?.string else {
            return nil
        }
        func stringObjects(_ list: JSONValue?) -> [[String: JSONValue]]? {
            guard let items = list?.array else { return nil }
            let objects = items.compactMap(\.object)
            guard objects.count == items.count, objects.allSatisfy({ $0.values.allSatisfy { $0.string != nil } }) else { return nil }
            return objects
        }
        func files(_ list: JSONValue?) -> [(path: String, sha256: String)] {
            (stringObjects(list) ?? []).compactMap { fields in
                guard let path = fields["path"]?.string, let hash = fields["sha256"]?.string else { return nil }
                return (path, hash)
            }
        }
        var fonts: FontIdentity?
        if let identity = object["fonts"]?.object, stringObjects(identity["files"]) != nil {
            fonts = FontIdentity(files: files(identity["files"]).map { FontIdentity.File(name: $0.path, sha256: $0.sha256) })
        }
        return Manifest(toolVersion: version, fonts: fonts, inputs: files(object["inputs"]).map { Entry(path: $0.path, sha256: $0.sha256) },
                        outputs: files(object["outputs"]).map { Entry(path: $0.path, sha256: $0.sha256) })
    }

    /// ``parse(bytes:)`` of `data`.
    package static func parse(_ data: Data) -> Manifest? {
        parse(bytes: Array(data))
    }

    /// `path` relative to `base` (with `..` where needed).
    static func relativePath(_ path: String, from base: URL) -> String {
        let target = URL(fileURLWithPath: path, isDirectory: false).standardizedFileURL.pathComponents
        let origin = base.standardizedFileURL.pathComponents
        var common = 0
        while common < min(target.count, origin.count), target[common] == origin[common] { common += 1 }
        let ups = Array(repeating: "..", count: origin.count - common)
        return (ups + target[common...]).joined(separator: "/")
    }
}
