import CairoKit
import DossierCharts
import Foundation

/// Renders figures to their standalone SVG, PDF and PNG files on a second thread while the
/// document is laid out on the first. The job has its own ``Typesetter`` (Cairo, Pango and
/// fontconfig objects are never shared between threads); the bytes are those a single-threaded
/// render gives.
final class ChartExportJob: @unchecked Sendable {
    private let lock = NSLock()
    private var files: [String: [UInt8]] = [:]
    private var failure: String?
    private let group = DispatchGroup()

    /// Starts rendering `scenes` (figure id → scene).
    init(scenes: [String: Scene], fontDirectory: String, date: String) {
        group.enter()
        let thread = Thread { [self] in
            defer { group.leave() }
            do {
                let typesetter = try Typesetter(fontDirectory: fontDirectory)
                for id in scenes.keys.sorted() {
                    guard let scene = scenes[id] else { continue }
                    for kind in Surface.Kind.allCases {
                        let bytes = try ChartExporter.render(scene, as: kind, typesetter: typesetter, pixelScale: 2, date: date)
                        lock.withLock { files["charts/\(id).\(kind.rawValue)"] = bytes }
                    }
                }
            } catch {
                lock.withLock { failure = "rendering charts: \(error)" }
            }
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Waits for the job and returns the files, or throws what went wrong.
    func finish() throws(BuildError) -> [String: [UInt8]] {
        group.wait()
        lock.lock()
        defer { lock.unlock() }
        if let failure { throw .internalFailure(failure) }
        return files
    }
}
