/// The most bytes a build cache folder may hold before the build that passes it removes its
/// least recently used entries (see docs/build-cache.md, "Size cap").
public struct CacheLimit: Sendable, Equatable {
    /// The cap in bytes.
    public let bytes: UInt64

    /// The default cap: 1 GiB. The flagship's cold cache is about 11 MB and a prose edit adds
    /// about 1.5 MB, so this keeps hundreds of versions of a report (dozens at 1000× the data),
    /// and stays far below ccache's 5 GB and sccache's 10 GB.
    public static let `default` = CacheLimit(bytes: 1 << 30)

    /// The environment variable read when `--cache-limit` is not given.
    public static let environmentVariable = "DOSSIER_CACHE_LIMIT"

    /// What a bad value is told it should be (for usage errors).
    public static let expected = "a size such as 500M or 2G (a whole number of bytes, or followed by K, M, G or T for KiB, MiB, GiB, TiB)"

    public init(bytes: UInt64) {
        self.bytes = bytes
    }

    /// A size written as a whole number, optionally followed by `K`, `M`, `G` or `T` (binary
    /// multiples; `KB`, `KiB` and lowercase are the same) or `B`; nil for anything else or a
    /// value past 2^63.
    public init?(parsing text: String) {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 19, let number = UInt64(digits) else { return nil }
        let shifts: [String: UInt64] = ["": 0, "B": 0, "K": 10, "KB": 10, "KIB": 10, "M": 20, "MB": 20, "MIB": 20,
                                        "G": 30, "GB": 30, "GIB": 30, "T": 40, "TB": 40, "TIB": 40]
        guard let shift = shifts[text.dropFirst(digits.count).uppercased()] else { return nil }
        let (value, overflow) = number.multipliedReportingOverflow(by: 1 << shift)
        guard !overflow, value <= UInt64(Int64.max) else { return nil }
        bytes = value
    }

    /// Where pruning stops: 80% of the cap, so that the next builds do not prune again at once.
    var lowWater: UInt64 { bytes / 5 * 4 }
}
