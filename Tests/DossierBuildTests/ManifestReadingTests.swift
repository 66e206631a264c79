@testable import DossierBuild
import Foundation
import Testing

/// The manifest is read by DossierBase's JSONParser (Manifest.parse(bytes:)); an independent
/// reader built on Foundation's JSONSerialization (below) reads the same manifest from the
/// same bytes, the committed reports' manifests and odd ones alike.
@Suite struct ManifestReadingTests {
    /// The reference: Foundation's JSON reader and casts (`as? [[String: String]]`: a list with
    /// an item that is not an object of strings is no list).
    static func foundationReading(_ data: Data) -> Manifest? {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let version = object["version"] as? String else { return nil }
        func entries(_ key: String) -> [Manifest.Entry] {
            (object[key] as? [[String: String]] ?? []).compactMap { item in
                guard let path = item["path"], let hash = item["sha256"] else { return nil }
                return Manifest.Entry(path: path, sha256: hash)
            }
        }
        var fonts: FontIdentity?
        if let object = object["fonts"] as? [String: Any], let files = object["files"] as? [[String: String]] {
            fonts = FontIdentity(files: files.compactMap { item in
                guard let name = item["path"], let hash = item["sha256"] else { return nil }
                return FontIdentity.File(name: name, sha256: hash)
            })
        }
        return Manifest(toolVersion: version, fonts: fonts, inputs: entries("inputs"), outputs: entries("outputs"))
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func bothReadersReadTheSameManifest() throws {
        var texts: [String] = []
        for report in ["china-lac-local", "anscombe"] {
            let url = Self.repository.appendingPathComponent("reports/\(report)/out/manifest.json")
            texts.append(try String(contentsOf: url, encoding: .utf8))
        }
        texts += [
            #"{"version":"1","inputs":[{"path":"a.csv","sha256":"00"}],"outputs":[{"path":"x.pdf","sha256":"11"},{"path":"y"}]}"#,
            // An item that is not an object of strings makes its whole list empty, as Foundation's cast does.
            #"{"version":"1","inputs":[{"path":"a.csv","sha256":"00"},{"path":"b","sha256":2}],"outputs":[]}"#,
            #"{"version":"1","fonts":{"files":[{"path":"f.ttf","sha256":"aa"}]},"outputs":[{"path":"é \u00e9.svg","sha256":"22"}]}"#,
            #"{"version":"1","fonts":{"files":[{"path":"f.ttf","sha256":"aa"},3]},"outputs":[]}"#,
            #"{"version":"1","fonts":{"files":"none"},"outputs":{"path":"x"}}"#,
            #"{"version":2,"outputs":[]}"#,
            #"["version"]"#,
            #"{"version":"1","outputs":[] "#,
            "",
        ]
        for text in texts {
            let bytes = Array(text.utf8)
            #expect(Manifest.parse(bytes: bytes) == Self.foundationReading(Data(bytes)), "\(text.prefix(80))")
        }
        #expect(Manifest.parse(bytes: Array(texts[0].utf8))?.outputs.isEmpty == false)
    }
}
