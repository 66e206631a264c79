import Foundation

/// Byte searches over a text's UTF-8 bytes, read in place where the string is contiguous (a
/// file read is): `String.UTF8View`'s generic `contains` and `split` validate an index per byte,
/// which made scanning the front matter for one byte cost as much as decoding part of it.
enum UTF8Search {
    /// Whether `text`'s UTF-8 holds `byte`.
    static func contains(_ byte: UInt8, in text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.baseAddress.map { memchr($0, Int32(byte), bytes.count) != nil } ?? false
        } ?? text.utf8.contains(byte)
    }

    /// Whether `text`'s UTF-8 holds `first` directly followed by `second`.
    static func containsPair(_ first: UInt8, _ second: UInt8, in text: String) -> Bool {
        func search(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            guard bytes.count >= 2 else { return false }
            for index in 0..<(bytes.count - 1) where bytes[index] == first && bytes[index + 1] == second { return true }
            return false
        }
        return text.utf8.withContiguousStorageIfAvailable(search) ?? Array(text.utf8).withUnsafeBufferPointer(search)
    }

    /// The lines of `text` (split at the byte `separator`, empty lines kept), each as its
    /// UTF-8 bytes: what `text.utf8.split(separator:omittingEmptySubsequences: false)` gives.
    static func lines(of text: String, separator: UInt8 = UInt8(ascii: "\n")) -> [ArraySlice<UInt8>] {
        Array(text.utf8).split(separator: separator, omittingEmptySubsequences: false)
    }
}
