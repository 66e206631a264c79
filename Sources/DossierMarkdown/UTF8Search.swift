/// A byte search that rules text out before a search by characters: a string that holds a
/// character sequence holds its UTF-8 bytes, so text without the bytes cannot hold the
/// characters. The claim-span pass asks three such questions of every text the reader makes;
/// asked by characters, they were most of its cost on text that holds no claim span.
enum UTF8Search {
    /// Whether `text`'s UTF-8 holds `pattern` (not empty) as consecutive bytes.
    static func contains(_ text: String, _ pattern: [UInt8]) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
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
    }
}
