import CairoKit
@testable import DossierVegaLite
import Foundation
import Testing
@testable import DossierCharts

/// Shared test helpers: one pinned typesetter (Pango is not used from two threads at once),
/// and writing example outputs to /tmp/dossier-charts for review.
enum ChartFixture {
    nonisolated(unsafe) static let typesetter: Typesetter = try! Typesetter(fontDirectory: SpecFixture.repo.appendingPathComponent("fonts").path)
    static let lock = NSLock()
    static let outputDirectory = URL(fileURLWithPath: "/tmp/dossier-charts")

    /// Runs `body` with exclusive use of the typesetter.
    static func withTypesetter<T>(_ body: (Typesetter) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(typesetter)
    }

    static func compile(_ json: String, _ data: [String: ChartData]) throws -> Scene {
        let s = try SpecFixture.spec(json)
        return try withTypesetter { try ChartCompiler.compile(s, data: data, typesetter: $0) }
    }

    static func render(_ scene: Scene, _ kind: Surface.Kind) throws -> [UInt8] {
        try withTypesetter { try ChartExporter.render(scene, as: kind, typesetter: $0) }
    }

    /// Writes PNG, SVG and PDF of `scene` as /tmp/dossier-charts/<name>.*.
    static func write(_ scene: Scene, _ name: String) throws {
        try FileManager.default.createDirectory(at: outputDirectory, withIntermediateDirectories: true)
        for kind in Surface.Kind.allCases {
            let bytes = try render(scene, kind)
            try Data(bytes).write(to: outputDirectory.appendingPathComponent("\(name).\(kind.rawValue)"))
        }
    }

    static func numbers(_ v: [Double?]) -> ChartColumn { .numbers(v) }
    static func strings(_ v: [String?]) -> ChartColumn { .strings(v) }
}

/// Scene checks shared by the chart tests.
enum SceneCheck {
    /// Rectangles of the plot panels (the clip of each `panel/N/marks` group).
    static func panels(_ scene: Scene) -> [SceneRect] {
        scene.groups.filter { $0.id.hasSuffix("/marks") }.compactMap(\.clip)
    }

    /// Texts whose id contains `part`.
    static func texts(_ scene: Scene, _ part: String) -> [SceneText] {
        scene.texts.filter { $0.id.contains(part) }
    }

    /// No two of the texts overlap.
    static func noOverlap(_ texts: [SceneText]) -> Bool {
        for i in texts.indices {
            for j in texts.indices where j > i && texts[i].bounds.intersects(texts[j].bounds) { return false }
        }
        return true
    }

    /// Every text lies inside the scene.
    static func allTextInside(_ scene: Scene) -> Bool {
        let frame = SceneRect(x: 0, y: 0, width: scene.width, height: scene.height)
        return scene.texts.allSatisfy { frame.contains($0.bounds, tolerance: 0.5) }
    }

    /// Whether `values` are evenly spaced multiples of 1, 2, 2.5 or 5 × 10^k.
    static func isNice(_ values: [Double]) -> Bool {
        guard values.count >= 2 else { return false }
        let step = values[1] - values[0]
        guard step > 0 else { return false }
        for k in 1..<values.count where abs(values[k] - values[k - 1] - step) > step * 1e-6 { return false }
        let e = floor(log10(step))
        let m = step / pow(10, e)
        return [1, 2, 2.5, 5, 10].contains { abs($0 - m) < 1e-6 }
    }

    /// Parses axis label text back into numbers ("1,000" → 1000, "40%" → 0.4, "−5" → −5).
    static func parse(_ s: String) -> Double? {
        var t = s.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "−", with: "-")
        var scale = 1.0
        if t.hasSuffix("%") { t.removeLast(); scale = 0.01 }
        return Double(t).map { $0 * scale }
    }
}
