import Foundation

/// A running estimate of a cache folder's size, `DIR/.size` (a decimal number of bytes), so
/// that a build learns whether the cache is over its cap without walking thousands of files.
///
/// The build that wrote entries adds the bytes it wrote; a walk (when the ledger is missing,
/// damaged or implausible, or when the estimate passes the cap) replaces it with the exact
/// size. Replaced entries (the pack, a `build` entry) make it overestimate, which only brings
/// the next walk sooner; two builds that update it at once may lose one's addition, which the
/// next walk corrects.
enum CacheSizeLedger {
    static let fileName = ".size"

    static func path(in directory: String) -> String { directory + "/" + fileName }

    /// The recorded size, or nil when the file is missing or not a plausible number.
    static func read(in directory: String) -> UInt64? {
        guard let bytes = FileBytes.read(path(in: directory)), bytes.count <= 24,
              let text = String(validating: bytes, as: UTF8.self),
              let value = UInt64(text.trimmingCharacters(in: .whitespacesAndNewlines)),
              value <= UInt64(Int64.max) else { return nil }
        return value
    }

    /// Records `size` (temporary file renamed into place; errors ignored).
    static func write(_ size: UInt64, in directory: String) {
        BuildCache.place(Array("\(size)\n".utf8), at: path(in: directory), name: fileName)
    }
}
