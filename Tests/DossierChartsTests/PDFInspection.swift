import Foundation
@testable import CairoKit

/// Reads the parts of a PDF (Dossier's: a classic xref table, read by ``CrossReference``) that
/// the chart tests check.
enum PDFInspection {
    struct Unreadable: Error {}

    /// The decompressed content of every Form XObject, in file order.
    static func forms(_ pdf: [UInt8]) throws -> [String] {
        guard let table = CrossReference(pdf) else { throw Unreadable() }
        return table.offsets.values.sorted().compactMap { offset in
            guard let object = StreamObject(pdf, at: offset, table: table), object.isForm,
                  let content = Zlib.inflate(pdf[object.data]) else { return nil }
            return String(decoding: content, as: UTF8.self)
        }
    }

    /// The decompressed content of every Flate stream (pages, forms, fonts), in file order.
    static func streams(_ pdf: [UInt8]) throws -> [String] {
        guard let table = CrossReference(pdf) else { throw Unreadable() }
        return table.offsets.values.sorted().compactMap { offset in
            guard let object = StreamObject(pdf, at: offset, table: table), object.dictionary.contains("/FlateDecode"),
                  let content = Zlib.inflate(pdf[object.data]) else { return nil }
            return String(decoding: content, as: UTF8.self)
        }
    }

    /// Whether every in-use xref entry points at its own `N 0 obj` and `startxref` at `xref`.
    static func crossReferenceIsExact(_ pdf: [UInt8]) -> Bool {
        guard let table = CrossReference(pdf) else { return false }
        for (number, offset) in table.offsets {
            let expected = Array("\(number) 0 obj".utf8)
            guard offset + expected.count <= pdf.count, pdf[offset..<(offset + expected.count)].elementsEqual(expected) else { return false }
        }
        let text = String(decoding: pdf.suffix(64), as: UTF8.self)
        guard let line = text.components(separatedBy: "startxref\n").last?.split(separator: "\n").first,
              let start = Int(line) else { return false }
        return start == table.start
    }

    /// `qpdf --check` passes (true when qpdf is not installed).
    static func qpdfFindsNoErrors(_ pdf: [UInt8]) throws -> Bool {
        let qpdf = "/usr/bin/qpdf"
        guard FileManager.default.isExecutableFile(atPath: qpdf) else { return true }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("dense-markers-\(UUID().uuidString).pdf")
        try Data(pdf).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: qpdf)
        process.arguments = ["--check", file.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    static func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }
}

/// The samples of a PNG as Dossier writes it (8-bit RGB or RGBA, any filter type 0 rows).
struct PNGPixels {
    let width: Int
    let height: Int
    /// Every sample (channel value), row by row, filter bytes removed.
    let samples: [UInt8]

    struct Unsupported: Error {}

    init(_ png: [UInt8]) throws {
        var index = 8
        var data: [UInt8] = []
        var width = 0, height = 0, channels = 0
        func integer(_ at: Int) -> Int { png[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
        while index + 8 <= png.count {
            let length = integer(index)
            let type = String(decoding: png[(index + 4)..<(index + 8)], as: UTF8.self)
            let body = png[(index + 8)..<(index + 8 + length)]
            if type == "IHDR" {
                width = integer(index + 8)
                height = integer(index + 12)
                channels = body[body.startIndex + 9] == 6 ? 4 : 3
                guard body[body.startIndex + 8] == 8, body[body.startIndex + 9] == 6 || body[body.startIndex + 9] == 2 else { throw Unsupported() }
            } else if type == "IDAT" {
                data += body
            }
            index += 12 + length
        }
        guard let raw = Zlib.inflate(data[...]) else { throw Unsupported() }
        let stride = 1 + width * channels
        guard raw.count == stride * height else { throw Unsupported() }
        var samples: [UInt8] = []
        samples.reserveCapacity(width * height * channels)
        for row in 0..<height {
            guard raw[row * stride] == 0 else { throw Unsupported() }
            samples += raw[(row * stride + 1)..<((row + 1) * stride)]
        }
        self.width = width
        self.height = height
        self.samples = samples
    }
}
