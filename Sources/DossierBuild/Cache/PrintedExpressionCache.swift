import Foundation
import DossierReport

/// The printed values of the body's and findings' expressions (`printed expressions` in
/// docs/build-cache.md): a value depends only on the expression's text and the results, and the
/// results only on the stats key (``SideOutputCache/statsKey(analysisKeys:)``: the front matter
/// and every analysis's key), so a build with the last build's stats key (a prose edit) takes
/// every expression it printed before from here (``PrintedExpressions``).
///
/// One entry per report (``path(cache:report:)``), named by the tool and the report's name, holding the stats key it was
/// written under and the values; replaced by a build that printed a value or used fewer (values
/// in expression order, so equal memos are equal bytes). A damaged entry, or one of another
/// stats key, knows nothing.
struct PrintedExpressionCache {
    let cache: BuildCache
    /// The entry's file (``path(cache:report:)``).
    let path: String
    let statsKey: CacheKey

    /// The first bytes of the payload: the format's name and version.
    static let magic = Array("DPE1".utf8)

    /// The entry's file: `DIR/pack/printed-<SHA-256 of the tool and the report's name>`, beside
    /// the other packs (no folder of its own: ``HTMLBlockPack/path(cache:report:)``).
    static func path(cache: BuildCache, report: String) -> String {
        cache.reportPackPath("printed", kind: "printed expressions", report: report)
    }

    init(cache: BuildCache, report: String, statsKey: CacheKey) {
        self.cache = cache
        path = Self.path(cache: cache, report: report)
        self.statsKey = statsKey
    }

    /// A memo knowing the values stored under this build's stats key.
    func load() -> PrintedExpressions {
        guard let payload = cache.readEntry(at: path), let known = Self.values(of: payload, statsKey: statsKey.hex) else {
            return PrintedExpressions()
        }
        return PrintedExpressions(known: known)
    }

    /// Stores what `memo` used, when it differs from what it knew.
    func save(_ memo: PrintedExpressions) {
        guard memo.changed else { return }
        cache.write(Self.payload(memo.used, statsKey: statsKey.hex), at: path, name: (path as NSString).lastPathComponent)
    }

    static func payload(_ values: [String: String], statsKey: String) -> [UInt8] {
        var writer = CacheByteWriter()
        for byte in magic { writer.byte(byte) }
        writer.string(statsKey)
        writer.integer(values.count)
        for (expression, value) in values.sorted(by: { $0.key < $1.key }) {
            writer.string(expression)
            writer.string(value)
        }
        return writer.bytes
    }

    /// The values of a payload written under `statsKey`; nil when it was written under another
    /// or does not read back whole.
    static func values(of payload: [UInt8], statsKey: String) -> [String: String]? {
        var reader = CacheByteReader(payload)
        do {
            for byte in magic {
                guard try reader.byte() == byte else { return nil }
            }
            guard try reader.string() == statsKey else { return nil }
            var values: [String: String] = [:]
            let count = try reader.count()
            values.reserveCapacity(count)
            for _ in 0..<count {
                let expression = try reader.string()
                values[expression] = try reader.string()
            }
            return reader.atEnd ? values : nil
        } catch {
            return nil
        }
    }
}
