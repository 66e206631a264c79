import Foundation

/// Byte searches over a text's UTF-8 bytes, read in place where the string is contiguous (a
/// file read is). `String.UTF8View`'s generic `contains` and `split` validate an index per byte,
/// and a search by characters compares grapheme clusters: both cost far more than the bytes.
/// A string that holds a character sequence holds its UTF-8 bytes, so a byte search can also
/// rule text out before a search by characters (the claim-span pass).
public enum UTF8Search {
    /// Whether `text`'s UTF-8 holds `byte`.
    public static func contains(_ byte: UInt8, in text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.baseAddress.map { memchr($0, Int32(byte), bytes.count) != nil } ?? false
        } ?? text.utf8.contains(byte)
    }

    /// Whether `text`'s UTF-8 holds `pattern` (not empty) as consecutive bytes.
    public static func contains(_ pattern: [UInt8], in text: String) -> Bool {
        func search(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            guard let first = pattern.first, bytes.count >= pattern.count else { return false }
            let last = bytes.count - pattern.count
            var index = 0
            while index <= last {
                if bytes[index] == first {
                    var offset = 1
                    while offset < pattern.count && bytes[index + offset] == pattern[offset] { offset += 1 }
                    if offset == pattern.count { return true }
                }
                index += 1
            }
            return false
        }
        return text.utf8.withContiguousStorageIfAvailable(search) ?? Array(text.utf8).withUnsafeBufferPointer(search)
    }

    /// The lines of `text` (split at the byte `separator`, empty lines kept), each as its
    /// UTF-8 bytes: what `text.utf8.split(separator:omittingEmptySubsequences: false)` gives.
    public static func lines(of text: String, separator: UInt8 = UInt8(ascii: "\n")) -> [ArraySlice<UInt8>] {
        Array(text.utf8).split(separator: separator, omittingEmptySubsequences: false)
    }
}
