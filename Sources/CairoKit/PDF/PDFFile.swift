/// A PDF file being written: object numbers handed out in advance, each object's offset
/// recorded as it is written, and the classic xref table and trailer that end the file.
struct PDFFile {
    private(set) var bytes: [UInt8] = Array("%PDF-1.5\n%\u{B5}\u{B6}\u{B7}\u{B8}\n".utf8)
    private var offsets: [Int] = [0]

    /// A new object number (written later with ``begin(_:)``).
    mutating func reserve() -> Int {
        offsets.append(0)
        return offsets.count - 1
    }

    /// Starts object `number` here.
    mutating func begin(_ number: Int) {
        offsets[number] = bytes.count
        bytes += Array("\(number) 0 obj\n".utf8)
    }

    /// Ends the object begun last.
    mutating func end() {
        bytes += Array("\nendobj\n".utf8)
    }

    static func += (file: inout PDFFile, text: String) {
        file.bytes += Array(text.utf8)
    }

    /// Writes object `number` as a stream of `data` compressed with `compressor`, its
    /// dictionary's other entries `dictionary`; false if the compression fails.
    mutating func stream(_ number: Int, _ data: [UInt8], dictionary: String, compressor: DeflateCompressor) -> Bool {
        guard let compressed = data.withUnsafeBytes({ compressor.zlib($0) }) else { return false }
        return rawStream(number, compressed, dictionary: (dictionary.isEmpty ? "" : dictionary + " ") + "/Filter /FlateDecode")
    }

    /// Writes object `number` as a stream of `data` as it is.
    mutating func rawStream(_ number: Int, _ data: [UInt8], dictionary: String) -> Bool {
        begin(number)
        bytes += Array("<< \(dictionary) /Length \(data.count) >>\nstream\n".utf8)
        bytes += data
        bytes += Array("\nendstream".utf8)
        end()
        return true
    }

    /// The file: the objects, the xref table and the trailer naming `root` and `info`.
    mutating func finish(root: Int, info: Int) -> [UInt8] {
        let start = bytes.count
        bytes += Array("xref\n0 \(offsets.count)\n0000000000 65535 f \n".utf8)
        for offset in offsets.dropFirst() {
            let digits = String(offset)
            bytes += Array((String(repeating: "0", count: max(0, 10 - digits.count)) + digits + " 00000 n \n").utf8)
        }
        bytes += Array("trailer\n<< /Size \(offsets.count) /Root \(root) 0 R /Info \(info) 0 R >>\nstartxref\n\(start)\n%%EOF\n".utf8)
        return bytes
    }
}

/// PDF syntax for numbers, strings and dates.
enum PDFString {
    /// A number with at most 3 decimals, no exponent.
    static func number(_ value: Double) -> String {
        DecimalWriter.string(value, digits: 3)
    }

    /// A text string: a literal of its bytes when it is printable ASCII, else UTF-16BE with
    /// a byte order mark, in hexadecimal.
    static func text(_ value: String) -> String {
        if value.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return literal(Array(value.utf8)) }
        var hex = "<FEFF"
        for unit in value.utf16 { hex += hex4(unit) }
        return hex + ">"
    }

    /// `(…)` of `bytes`, with `(`, `)` and `\` escaped and other bytes outside printable
    /// ASCII written in octal.
    static func literal(_ bytes: [UInt8]) -> String {
        var out = "("
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "\\"): out += "\\" + String(UnicodeScalar(byte))
            case 0x20..<0x7F: out += String(UnicodeScalar(byte))
            default:
                let octal = String(byte, radix: 8)
                out += "\\" + String(repeating: "0", count: 3 - octal.count) + octal
            }
        }
        return out + ")"
    }

    /// Four upper-case hexadecimal digits.
    static func hex4(_ value: UInt16) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }

    /// `(D:YYYYMMDDHHmmSS…)` of an ISO 8601 date (`2020-12-01`, `2020-12-01T10:00:00Z`,
    /// `…+01:00`); nil when it is not one.
    static func date(_ iso: String) -> String? {
        let scalars = Array(iso.unicodeScalars)
        var digits = ""
        var index = 0
        while index < scalars.count, digits.count < 14 {
            let scalar = scalars[index]
            if ("0"..."9").contains(scalar) {
                digits.unicodeScalars.append(scalar)
            } else if !["-", ":", "T", " "].contains(scalar) {
                break
            }
            index += 1
        }
        guard [8, 12, 14].contains(digits.count) else { return nil }
        var zone = ""
        if index < scalars.count {
            let rest = String(String.UnicodeScalarView(scalars[index...]))
            if rest == "Z" {
                zone = "Z"
            } else if let sign = rest.first, sign == "+" || sign == "-" {
                let parts = rest.dropFirst().split(separator: ":")
                guard let hours = parts.first, hours.count == 2 else { return nil }
                zone = "\(sign)\(hours)'" + (parts.count > 1 ? "\(parts[1])'" : "00'")
            } else {
                return nil
            }
        }
        return "(D:\(digits)\(zone))"
    }
}
