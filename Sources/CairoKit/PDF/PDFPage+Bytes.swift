/// A ``PDFPage`` as bytes and back, for the build cache: a page's content stream and what it
/// names, so that a page whose drawing did not change is not drawn again.
extension PDFPage {
    /// The format's first bytes (name and version).
    static let magic = Array("dossier-pdf-page 1\n".utf8)

    /// The page as bytes (``init(serialized:)`` reads them back).
    public var serialized: [UInt8] {
        var out = Self.magic
        var writer = PageBytesWriter(out: out)
        writer.double(width)
        writer.double(height)
        writer.bytes(content)
        writer.int(deflated == nil ? 0 : 1)
        writer.bytes(deflated ?? [])
        writer.int(fonts.count)
        for font in fonts {
            writer.bytes(Array(font.face.utf8))
            writer.int(font.glyphs.count)
            for id in font.glyphs.keys.sorted() {
                writer.int(Int(id))
                writer.bytes(font.glyphs[id] ?? [])
            }
        }
        writer.doubles(alphas)
        writer.int(forms.count)
        for form in forms {
            writer.doubles(form.box)
            writer.bytes(form.content)
            writer.doubles(form.alphas)
        }
        writer.int(links.count)
        for link in links {
            writer.doubles([link.x0, link.y0, link.x1, link.y1])
            switch link.target {
            case .uri(let uri):
                writer.int(0)
                writer.bytes(Array(uri.utf8))
            case .page(let page, let y):
                writer.int(1)
                writer.int(page)
                writer.double(y)
            }
        }
        out = writer.out
        return out
    }

    /// The page `bytes` hold (``serialized``); nil when they are not a whole page.
    public init?(serialized bytes: [UInt8]) {
        self.init(serialized: bytes[...])
    }

    /// The page `bytes` hold (``serialized``), read in place (a pack of pages keeps many in one
    /// array); nil when they are not a whole page.
    public init?(serialized bytes: ArraySlice<UInt8>) {
        guard bytes.starts(with: Self.magic) else { return nil }
        var reader = PageBytesReader(data: bytes, at: bytes.startIndex + Self.magic.count)
        guard let width = reader.double(), let height = reader.double(), let content = reader.bytes() else { return nil }
        self.init(width: width, height: height)
        self.content = content
        guard let hasDeflated = reader.int(), let deflated = reader.bytes() else { return nil }
        self.deflated = hasDeflated == 1 ? deflated : nil
        guard let fontCount = reader.int(), fontCount >= 0 else { return nil }
        for _ in 0..<fontCount {
            guard let face = reader.bytes(), let count = reader.int(), count >= 0 else { return nil }
            var use = FontUse(face: String(decoding: face, as: UTF8.self))
            // Room for the glyphs at once (each takes 16 bytes or more; a damaged count asks for no more).
            use.glyphs.reserveCapacity(min(count, reader.remaining / 16))
            for _ in 0..<count {
                guard let id = reader.int(), let text = reader.bytes(), id >= 0, id <= 0xFFFF else { return nil }
                use.glyphs[UInt32(id)] = text
            }
            fonts.append(use)
        }
        guard let alphas = reader.doubles(), let formCount = reader.int(), formCount >= 0 else { return nil }
        self.alphas = alphas
        for _ in 0..<formCount {
            guard let box = reader.doubles(), box.count == 4, let content = reader.bytes(), let alphas = reader.doubles() else { return nil }
            forms.append(Form(box: box, content: content, alphas: alphas))
        }
        guard let linkCount = reader.int(), linkCount >= 0 else { return nil }
        for _ in 0..<linkCount {
            guard let corners = reader.doubles(), corners.count == 4, let kind = reader.int() else { return nil }
            let target: Link.Target
            if kind == 0, let uri = reader.bytes() {
                target = .uri(String(decoding: uri, as: UTF8.self))
            } else if kind == 1, let page = reader.int(), let y = reader.double() {
                target = .page(page, y: y)
            } else {
                return nil
            }
            links.append(Link(x0: corners[0], y0: corners[1], x1: corners[2], y1: corners[3], target: target))
        }
        guard reader.atEnd else { return nil }
    }
}

/// Little-endian fixed-width numbers and length-prefixed byte strings.
private struct PageBytesWriter {
    var out: [UInt8]

    mutating func int(_ value: Int) {
        withUnsafeBytes(of: Int64(value).littleEndian) { out.append(contentsOf: $0) }
    }

    mutating func double(_ value: Double) {
        withUnsafeBytes(of: value.bitPattern.littleEndian) { out.append(contentsOf: $0) }
    }

    mutating func doubles(_ values: [Double]) {
        int(values.count)
        for value in values { double(value) }
    }

    mutating func bytes(_ value: [UInt8]) {
        int(value.count)
        out += value
    }
}

/// Reads what ``PageBytesWriter`` wrote; every read checks the bytes are there.
private struct PageBytesReader {
    let data: ArraySlice<UInt8>
    var at: Int

    var atEnd: Bool { at == data.endIndex }

    /// How many bytes are left to read.
    var remaining: Int { data.endIndex - at }

    mutating func word() -> UInt64? {
        guard at + 8 <= data.endIndex else { return nil }
        // One unaligned load of the eight bytes (little-endian, as written).
        let offset = at - data.startIndex
        let value = data.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
        at += 8
        return value
    }

    mutating func int() -> Int? {
        word().map { Int(Int64(bitPattern: $0)) }
    }

    mutating func double() -> Double? {
        word().map { Double(bitPattern: $0) }
    }

    mutating func doubles() -> [Double]? {
        guard let count = int(), count >= 0, count <= (data.endIndex - at) / 8 else { return nil }
        var values: [Double] = []
        values.reserveCapacity(count)
        for _ in 0..<count {
            guard let value = double() else { return nil }
            values.append(value)
        }
        return values
    }

    mutating func bytes() -> [UInt8]? {
        guard let count = int(), count >= 0, count <= data.endIndex - at else { return nil }
        let offset = at - data.startIndex
        at += count
        // Copied from the slice's memory (an `Array` made of a slice of a slice asks it for a native buffer each time).
        return data.withUnsafeBufferPointer { Array(UnsafeBufferPointer(rebasing: $0[offset..<(offset + count)])) }
    }
}
