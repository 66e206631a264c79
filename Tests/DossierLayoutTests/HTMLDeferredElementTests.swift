import DossierCharts
@testable import DossierLayout
import Testing

/// Chart elements read straight into the HTML's bytes when its parts are joined
/// (``HTMLDeferredBytes``): the document is the bytes of one made with the elements in memory,
/// and an element that cannot be read is replaced by its fallback (of another length too).
@Suite struct HTMLDeferredElementTests {
    final class Element: HTMLDeferredBytes {
        let bytes: [UInt8]
        let fails: Bool
        let made: [UInt8]
        private(set) var fallbacks = 0
        init(_ bytes: [UInt8], fails: Bool = false, made: [UInt8]? = nil) {
            self.bytes = bytes
            self.fails = fails
            self.made = made ?? bytes
        }
        var count: Int { bytes.count }
        func read(into buffer: UnsafeMutableRawBufferPointer) -> Bool {
            // A failing read may have written part of its bytes.
            bytes.withUnsafeBytes { buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0.prefix(fails ? bytes.count / 2 : bytes.count))) }
            return !fails
        }
        func fallback() throws -> [UInt8] {
            fallbacks += 1
            return made
        }
    }

    static func write(_ element: @escaping (String) -> HTMLElementBytes?) throws -> [UInt8] {
        let content = try HTMLDocumentWriterTests.content(body: HTMLDocumentWriterTests.body)
        return try HTMLDocumentWriter(content: content) { id, prefix, title, description in
            guard let made = element(id) else { return nil }
            if case let .bytes(svg) = made { return .bytes(HTMLInlineSVG.elementBytes(svg, prefix: prefix, title: title, description: description)) }
            return made
        }.write()
    }

    static func element(_ id: String) -> [UInt8] {
        HTMLInlineSVG.elementBytes(HTMLDocumentWriterTests.chartSVG, prefix: "fig-" + id, title: "Figure \(id == "a" ? 1 : 2): Chart \(id)",
                                   description: "Alt text of \(id) <x>")
    }

    @Test func aDeferredElementGivesTheBytesOfOneInMemory() throws {
        let reference = try Self.write { _ in .bytes(HTMLDocumentWriterTests.chartSVG) }
        let elements = ["a": Element(Self.element("a")), "b": Element(Self.element("b"))]
        let deferred = try Self.write { id in elements[id].map { .deferred($0) } }
        #expect(deferred == reference)
        #expect(elements.values.allSatisfy { $0.fallbacks == 0 })
    }

    @Test func anElementThatCannotBeReadIsMadeAgain() throws {
        let reference = try Self.write { _ in .bytes(HTMLDocumentWriterTests.chartSVG) }
        // The stored bytes of "b" are damaged (another length); its read fails, so every
        // deferred element is made by its fallback.
        let damaged = Element(Array("<svg>old</svg>".utf8), fails: true, made: Self.element("b"))
        let good = Element(Self.element("a"))
        let written = try Self.write { id in .deferred(id == "a" ? good : damaged) }
        #expect(written == reference)
        #expect(damaged.fallbacks == 1 && good.fallbacks == 1)
    }
}
