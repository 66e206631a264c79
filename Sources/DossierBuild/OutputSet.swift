import DossierReport
import Foundation

/// The new set of files for an output folder, `manifest.json` included, and the files of the
/// old set it drops.
///
/// `manifest.json` lists every file Dossier wrote in the folder and that is still there, so
/// it is also the record of what Dossier owns: the files it drops are outputs the previous
/// manifest lists and the new set no longer has. A file Dossier did not write (not in the
/// previous manifest) is never removed, whatever its name.
///
/// - A full build's set is what it built.
/// - A document-only build (`--document-only`) also keeps the charts of declared figures it
///   did not redraw: they stay in the set, hashed from disk.
/// - A figure-only build (`--figure`) adds or replaces the figure's three files and keeps the
///   rest of the previous manifest (its inputs included, so that `dossier check` still says
///   which input changed since the document was built); it drops nothing.
///
/// Read the folder only while holding its ``OutputLock``.
struct OutputSet {
    /// Every file of the new set that this build writes (or finds identical), by path.
    var files: [String: [UInt8]]
    /// Outputs of the previous set to remove.
    var removals: [String]

    /// `inputDigests`: the inputs' SHA-256s the build already computed (for its cache keys),
    /// so that the manifest does not read and hash those files again.
    /// `trace`: the manifest's second hashing thread marks its phase there.
    init(products: ReportBuilder.Products, figureIDs: [String], options: BuildOptions, inputDigests: InputDigests? = nil,
         trace: BuildTrace? = nil) {
        let hashed = trace?.marker("manifest: files hashed")
        let directory = options.outputDirectory
        let previous = FileBytes.read(directory.appendingPathComponent("manifest.json", isDirectory: false).path)
            .flatMap { Manifest.parse(bytes: $0) }
        let previousOutputs = (previous?.outputs ?? []).map(\.path).filter(OutputName.isOutputPath)
        var files = products.files
        let manifest: Manifest
        switch products.selection {
        case .figure:
            var entries: [String: String] = [:]
            for entry in previous?.outputs ?? [] where entry.path != "manifest.json" && OutputName.isOutputPath(entry.path)
                && OutputRecovery.exists(directory.appendingPathComponent(entry.path).path) {
                entries[entry.path] = entry.sha256
            }
            for (path, bytes) in files { entries[path] = SHA256.outputHex(bytes) }
            for (path, hex) in products.held where files[path] == nil { entries[path] = hex }
            let recorded = previous
                ?? Manifest.make(inputs: products.inputs, fontFiles: products.fontFiles, outputs: [:],
                                 reportDirectory: options.reportDirectory, twoThreads: options.twoThreads,
                                 inputDigests: inputDigests, helperDone: hashed)
            manifest = Manifest(toolVersion: DossierVersion.current, fonts: recorded.fonts, inputs: recorded.inputs,
                                outputs: entries.keys.sorted().map { Manifest.Entry(path: $0, sha256: entries[$0] ?? "") })
            removals = []
        case .document, .everything:
            // The manifest covers every output in the folder, including charts that a
            // document-only build did not redraw.
            // With a cache, those charts are hashed through its FileDigestMemo: a chart file
            // not written since an earlier build hashed it is not read again.
            var all = files
            // Outputs the folder holds already (``FolderHeldOutputs``), listed by their SHA-256.
            var kept = products.held.filter { files[$0.key] == nil }
            if case .document = products.selection {
                let memo = options.cache?.digestMemo
                for id in figureIDs {
                    for kind in ["svg", "pdf", "png"] {
                        let path = "charts/\(id).\(kind)"
                        guard all[path] == nil, kept[path] == nil else { continue }
                        let file = directory.appendingPathComponent(path).path
                        if let memo {
                            kept[path] = memo.sha256(ofFile: file)
                        } else if let bytes = FileBytes.read(file) {
                            all[path] = bytes
                        }
                    }
                }
            }
            manifest = Manifest.make(inputs: products.inputs, fontFiles: products.fontFiles, outputs: all, hashedOutputs: kept,
                                     reportDirectory: options.reportDirectory, twoThreads: options.twoThreads,
                                 inputDigests: inputDigests, helperDone: hashed)
            removals = previousOutputs.filter { all[$0] == nil && kept[$0] == nil && $0 != "manifest.json" }.sorted()
        }
        files["manifest.json"] = Array(manifest.json.utf8)
        self.files = files
    }
}
