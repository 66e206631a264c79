@testable import CairoKit
@testable import DossierBuild
import DossierBase
import Foundation
import Testing

extension AnscombeProject {
    /// The identity of the repository's fonts, as the layout pack records it.
    static func layoutFonts() throws -> String {
        try #require(LayoutPack.fontIdentity(
            try Typesetter(fontDirectory: repository.appendingPathComponent("fonts").path).fontFiles,
            digests: InputDigests()))
    }

    /// A typesetter of the repository's fonts answering from (and recording into) `records`.
    static func typesetter(recording records: LayoutRecords) throws -> Typesetter {
        let typesetter = try Typesetter(fontDirectory: repository.appendingPathComponent("fonts").path)
        typesetter.layoutRecords = records
        return typesetter
    }

    /// The records of the project's layout pack, their glyph parts decoded.
    func savedLayoutRecords() throws -> [(LayoutRecords.Key, LayoutRecord)] {
        let payload = try #require(BuildCache.payload(of: try [UInt8](Data(contentsOf: URL(fileURLWithPath: packPath("layouts"))))))
        let read = try #require(LayoutRecordBytes.read(payload, fonts: try Self.layoutFonts()))
        return try read.map { (key, record, _) in (key, try #require(record.decoded())) }
    }

    /// A layout pack (a whole cache entry) of `entries`.
    func layoutPack(_ entries: [(LayoutRecords.Key, LayoutRecord)]) throws -> [UInt8] {
        BuildCache.entry(LayoutRecordBytes.write(entries.map { .record($0.0, $0.1) }, carried: [],
                                                 fonts: try Self.layoutFonts(), limit: 0))
    }
}
