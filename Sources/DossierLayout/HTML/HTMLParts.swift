/// The HTML document in the order it is written, as text and as bytes: the inline chart
/// elements (~0.8 MB of the 0.9 MB at 1×) are bytes, read from the build cache or made from a
/// chart's SVG, and are copied once, into the document's bytes (``joined()``), without being
/// made a `String` (which validates and copies them into fresh pages). An element read from
/// the build cache is read straight into the document's bytes (``HTMLDeferredBytes``).
struct HTMLParts {
    private enum Part {
        case text(String)
        case bytes([UInt8])
        case deferred(HTMLDeferredBytes)
    }

    private var parts: [Part] = []

    /// Room for `count` parts.
    mutating func reserveCapacity(_ count: Int) {
        parts.reserveCapacity(count)
    }

    /// Appends text (written as UTF-8).
    mutating func append(_ text: String) {
        if !text.isEmpty { parts.append(.text(text)) }
    }

    /// Appends bytes that are UTF-8 already (a chart element).
    mutating func append(bytes: [UInt8]) {
        if !bytes.isEmpty { parts.append(.bytes(bytes)) }
    }

    /// Appends a chart element.
    mutating func append(_ element: HTMLElementBytes) {
        switch element {
        case let .bytes(bytes): append(bytes: bytes)
        case let .deferred(deferred): if deferred.count > 0 { parts.append(.deferred(deferred)) }
        }
    }

    /// Appends `other`'s parts.
    mutating func append(_ other: HTMLParts) {
        parts.append(contentsOf: other.parts)
    }

    /// The parts' bytes, copied (or read) once into an array of the whole's size. When a
    /// deferred part cannot be read, every deferred part is made by its fallback instead.
    func joined() throws -> [UInt8] {
        if let bytes = assembled() { return bytes }
        var made = HTMLParts()
        for part in parts {
            if case let .deferred(deferred) = part { made.parts.append(.bytes(try deferred.fallback())) } else { made.parts.append(part) }
        }
        return made.assembled() ?? []
    }

    /// The bytes, or nil when a deferred part could not be read.
    private func assembled() -> [UInt8]? {
        var size = 0
        for part in parts {
            switch part {
            case let .text(text): size += text.utf8.count
            case let .bytes(bytes): size += bytes.count
            case let .deferred(deferred): size += deferred.count
            }
        }
        var complete = true
        let out = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            let raw = UnsafeMutableRawBufferPointer(buffer)
            var offset = 0
            func place(_ source: UnsafeRawBufferPointer) {
                UnsafeMutableRawBufferPointer(rebasing: raw[offset..<offset + source.count]).copyMemory(from: source)
                offset += source.count
            }
            for part in parts {
                switch part {
                case var .text(text): text.withUTF8 { place(UnsafeRawBufferPointer($0)) }
                case let .bytes(bytes): bytes.withUnsafeBytes { place($0) }
                case let .deferred(deferred):
                    if !deferred.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[offset..<offset + deferred.count])) { complete = false }
                    offset += deferred.count
                }
            }
            initialized = size
        }
        return complete ? out : nil
    }
}
