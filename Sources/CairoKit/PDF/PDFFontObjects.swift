/// The streams of one embedded font that depend only on its face and the glyphs it holds (with
/// their texts): the subset font file and the ToUnicode CMap, both compressed, and the subset's
/// uncompressed length (`/Length1`). A build cache keeps them (``PDFFontObjectStore``), so a
/// build whose glyph set did not change neither subsets the face nor compresses them again.
public struct PDFFontObjects: Sendable, Equatable {
    /// The subset font file's length before compression.
    public var subsetLength: Int
    /// The subset font file, compressed (the `/FontFile2` stream's data).
    public var fontFile: [UInt8]
    /// The ToUnicode CMap, compressed.
    public var toUnicode: [UInt8]

    public init(subsetLength: Int, fontFile: [UInt8], toUnicode: [UInt8]) {
        self.subsetLength = subsetLength
        self.fontFile = fontFile
        self.toUnicode = toUnicode
    }

    /// The format's first bytes (name and version).
    static let magic = Array("dossier-pdf-font 1\n".utf8)

    /// The objects as bytes (``init(serialized:)`` reads them back).
    public var serialized: [UInt8] {
        var out = Self.magic
        for value in [subsetLength, fontFile.count, toUnicode.count] {
            withUnsafeBytes(of: Int64(value).littleEndian) { out.append(contentsOf: $0) }
        }
        return out + fontFile + toUnicode
    }

    /// The objects `bytes` hold (``serialized``); nil when they are not whole.
    public init?(serialized bytes: [UInt8]) {
        let header = Self.magic.count + 24
        guard bytes.count >= header, bytes.starts(with: Self.magic) else { return nil }
        let counts = (0..<3).map { field -> Int in
            let at = Self.magic.count + field * 8
            let word = (0..<8).reversed().reduce(UInt64(0)) { $0 << 8 | UInt64(bytes[at + $1]) }
            return Int(truncatingIfNeeded: Int64(bitPattern: word))
        }
        guard counts[0] > 0, counts[1] > 0, counts[2] > 0, counts[1] <= bytes.count, counts[2] <= bytes.count,
              header + counts[1] + counts[2] == bytes.count else { return nil }
        subsetLength = counts[0]
        fontFile = Array(bytes[header..<(header + counts[1])])
        toUnicode = Array(bytes[(header + counts[1])...])
    }
}

/// Where ``PDFDocumentWriter`` finds the font objects earlier builds made and keeps those it
/// makes (the build cache); `glyphs` is each glyph the font holds with its text.
public protocol PDFFontObjectStore {
    /// The objects of `face` holding `glyphs`, if kept and whole.
    func fontObjects(face: PDFFontFace, glyphs: [UInt32: [UInt8]]) -> PDFFontObjects?
    /// Keeps `objects`, made for `face` holding `glyphs`.
    func store(_ objects: PDFFontObjects, face: PDFFontFace, glyphs: [UInt32: [UInt8]])
}
