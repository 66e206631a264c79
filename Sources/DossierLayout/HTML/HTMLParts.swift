/// The HTML document in the order it is written, as text and as bytes: the inline chart
/// elements (~0.8 MB of the 0.9 MB at 1×) are bytes, read from the build cache or made from a
/// chart's SVG, and are copied once, into the document's bytes (``joined()``), without being
/// made a `String` (which validates and copies them into fresh pages).
struct HTMLParts {
    private enum Part {
        case text(String)
        case bytes([UInt8])
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

    /// Appends `other`'s parts.
    mutating func append(_ other: HTMLParts) {
        parts.append(contentsOf: other.parts)
    }

    /// The parts' bytes, copied once into an array of the whole's size.
    func joined() -> [UInt8] {
        var size = 0
        for part in parts {
            switch part {
            case let .text(text): size += text.utf8.count
            case let .bytes(bytes): size += bytes.count
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(size)
        for part in parts {
            switch part {
            case let .text(text): out.append(contentsOf: text.utf8)
            case let .bytes(bytes): out.append(contentsOf: bytes)
            }
        }
        return out
    }
}
