import Foundation

/// Assembles ``PDFPage``s into a PDF 1.5 file: the page tree, each page's compressed content
/// stream, resources and link annotations, the outline (bookmarks), the information
/// dictionary, one embedded font subset per face (Type0 / CIDFontType2, Identity-H, the
/// face's own glyph ids, `/W`, a font descriptor and a ToUnicode map) and a classic xref
/// table. The bytes depend only on the inputs: no clock, no random subset tags (they are
/// made from the glyph set).
public struct PDFDocumentWriter {
    /// A bookmark: its title, level (1 = top), page (1-based) and position from the page's top.
    public struct OutlineEntry: Sendable, Equatable {
        public let title: String
        public let level: Int
        public let page: Int
        public let y: Double

        public init(title: String, level: Int, page: Int, y: Double) {
            self.title = title
            self.level = level
            self.page = page
            self.y = y
        }
    }

    /// The information dictionary's entries (``Surface/Metadata``'s).
    public var metadata = Surface.Metadata()
    /// The bookmarks, in document order.
    public var outline: [OutlineEntry] = []
    /// The producer written in the information dictionary.
    public var producer = "Dossier"
    /// zlib level of the content streams and font files (libdeflate's 1–12).
    public var compressionLevel: Int32 = Self.defaultCompressionLevel
    /// The level pages and fonts are compressed at unless told otherwise.
    public static let defaultCompressionLevel: Int32 = 6

    /// Where the fonts' subset and ToUnicode streams are read from and kept (the build cache);
    /// nil: made every time.
    public var fontStore: PDFFontObjectStore?

    public init() {}

    /// The document of `pages`, whose fonts' faces are in `faces` (by key); nil when a stream
    /// cannot be compressed or a face cannot be subset.
    public func write(_ pages: [PDFPage], faces: [String: PDFFontFace]) -> [UInt8]? {
        guard let compressor = DeflateCompressor(level: compressionLevel) else { return nil }
        var file = PDFFile()
        let catalog = file.reserve(), pageTree = file.reserve(), info = file.reserve()
        let outlineRoot = outline.isEmpty ? nil : file.reserve()
        let pageObjects = pages.map { _ in file.reserve() }
        // Faces in order of first use, with every glyph the document draws and its text.
        var faceOrder: [String] = []
        var glyphsByFace: [String: [UInt32: [UInt8]]] = [:]
        for page in pages {
            for use in page.fonts {
                if glyphsByFace[use.face] == nil { faceOrder.append(use.face) }
                glyphsByFace[use.face, default: [:]].merge(use.glyphs) { first, second in first.isEmpty ? second : first }
            }
        }
        let fontObjects = Dictionary(uniqueKeysWithValues: faceOrder.map { ($0, file.reserve()) })

        file.begin(catalog)
        file += "<< /Type /Catalog /Pages \(pageTree) 0 R"
        if let outlineRoot { file += " /Outlines \(outlineRoot) 0 R" }
        file += " >>"
        file.end()

        file.begin(pageTree)
        file += "<< /Type /Pages /Kids [" + pageObjects.map { "\($0) 0 R" }.joined(separator: " ") + "] /Count \(pages.count) >>"
        file.end()

        file.begin(info)
        file += "<< /Producer " + PDFString.text(producer)
        for (key, value) in [("Title", metadata.title), ("Author", metadata.author), ("Subject", metadata.subject),
                             ("Keywords", metadata.keywords), ("Creator", metadata.creator)] {
            if let value { file += " /\(key) " + PDFString.text(value) }
        }
        if let date = metadata.date.flatMap(PDFString.date) { file += " /CreationDate \(date) /ModDate \(date)" }
        file += " >>"
        file.end()

        for (index, page) in pages.enumerated() {
            guard writePage(page, object: pageObjects[index], parent: pageTree, pages: pageObjects, fonts: fontObjects,
                            compressor: compressor, into: &file) else { return nil }
        }
        if let outlineRoot { writeOutline(root: outlineRoot, pages: pageObjects, heights: pages.map(\.height), into: &file) }
        for key in faceOrder {
            guard let face = faces[key], let object = fontObjects[key],
                  PDFFontWriter(face: face, glyphs: glyphsByFace[key] ?? [:])
                    .write(object: object, compressor: compressor, store: fontStore, into: &file)
            else { return nil }
        }
        return file.finish(root: catalog, info: info)
    }

    private func writePage(_ page: PDFPage, object: Int, parent: Int, pages: [Int], fonts: [String: Int],
                           compressor: DeflateCompressor, into file: inout PDFFile) -> Bool {
        let content = file.reserve()
        let forms = page.forms.map { _ in file.reserve() }
        let annotations = page.links.map { _ in file.reserve() }
        file.begin(object)
        file += "<< /Type /Page /Parent \(parent) 0 R /MediaBox [0 0 \(PDFString.number(page.width)) \(PDFString.number(page.height))]"
        file += " /Contents \(content) 0 R /Resources <<"
        if !page.fonts.isEmpty {
            file += " /Font <<" + page.fonts.enumerated().map { " /F\($0.offset) \(fonts[$0.element.face] ?? 0) 0 R" }.joined() + " >>"
        }
        if !page.alphas.isEmpty { file += " /ExtGState <<" + Self.alphaStates(page.alphas) + " >>" }
        if !forms.isEmpty { file += " /XObject <<" + forms.enumerated().map { " /x\($0.offset) \($0.element) 0 R" }.joined() + " >>" }
        file += " >>"
        if !annotations.isEmpty { file += " /Annots [" + annotations.map { "\($0) 0 R" }.joined(separator: " ") + "]" }
        file += " >>"
        file.end()
        if let deflated = page.deflated {
            guard file.rawStream(content, deflated, dictionary: "/Filter /FlateDecode") else { return false }
        } else {
            guard file.stream(content, page.content, dictionary: "", compressor: compressor) else { return false }
        }
        for (index, form) in page.forms.enumerated() {
            var dictionary = "/Type /XObject /Subtype /Form /BBox [" + form.box.map(PDFString.number).joined(separator: " ") + "]"
            if !form.alphas.isEmpty { dictionary += " /Resources << /ExtGState <<" + Self.alphaStates(form.alphas) + " >> >>" }
            guard file.stream(forms[index], form.content, dictionary: dictionary, compressor: compressor) else { return false }
        }
        for (index, link) in page.links.enumerated() {
            file.begin(annotations[index])
            let rect = [link.x0, page.height - link.y1, link.x1, page.height - link.y0].map(PDFString.number).joined(separator: " ")
            file += "<< /Type /Annot /Subtype /Link /Rect [\(rect)] /Border [0 0 0]"
            switch link.target {
            case .uri(let uri):
                file += " /A << /S /URI /URI " + PDFString.literal(Array(uri.utf8)) + " >>"
            case .page(let number, let y):
                let target = pages.indices.contains(number - 1) ? pages[number - 1] : object
                file += " /Dest [\(target) 0 R /XYZ 0 \(PDFString.number(page.height - y)) 0]"
            }
            file += " >>"
            file.end()
        }
        return true
    }

    /// ExtGState entries `/a<i>` of the opacities `alphas`.
    private static func alphaStates(_ alphas: [Double]) -> String {
        alphas.enumerated().map { " /a\($0.offset) << /Type /ExtGState /CA \(PDFString.number($0.element)) /ca \(PDFString.number($0.element)) >>" }
            .joined()
    }

    /// The outline tree: each entry is the child of the last entry one level up before it.
    private func writeOutline(root: Int, pages: [Int], heights: [Double], into file: inout PDFFile) {
        let objects = outline.map { _ in file.reserve() }
        var parents: [Int?] = []
        var lastAtLevel: [Int: Int] = [:]
        for (index, entry) in outline.enumerated() {
            let parent = entry.level > 1 ? lastAtLevel[entry.level - 1] : nil
            parents.append(parent)
            lastAtLevel[entry.level] = index
            lastAtLevel = lastAtLevel.filter { $0.key <= entry.level }
        }
        var children: [Int?: [Int]] = [:]
        for (index, parent) in parents.enumerated() { children[parent, default: []].append(index) }
        func isOpen(_ index: Int) -> Bool { outline[index].level == 1 }
        func visible(_ index: Int?) -> Int {
            let kids = children[index] ?? []
            return kids.count + kids.filter(isOpen).reduce(0) { $0 + visible($1) }
        }
        let top = children[nil] ?? []
        file.begin(root)
        file += "<< /Type /Outlines"
        if let first = top.first, let last = top.last { file += " /First \(objects[first]) 0 R /Last \(objects[last]) 0 R /Count \(visible(nil))" }
        file += " >>"
        file.end()
        for (index, entry) in outline.enumerated() {
            let siblings = children[parents[index]] ?? []
            let position = siblings.firstIndex(of: index) ?? 0
            file.begin(objects[index])
            file += "<< /Title " + PDFString.text(entry.title) + " /Parent \(parents[index].map { objects[$0] } ?? root) 0 R"
            if position > 0 { file += " /Prev \(objects[siblings[position - 1]]) 0 R" }
            if position + 1 < siblings.count { file += " /Next \(objects[siblings[position + 1]]) 0 R" }
            if let kids = children[index], let first = kids.first, let last = kids.last {
                let count = isOpen(index) ? visible(index) : -kids.count
                file += " /First \(objects[first]) 0 R /Last \(objects[last]) 0 R /Count \(count)"
            }
            let page = pages.indices.contains(entry.page - 1) ? entry.page - 1 : 0
            let height = heights.indices.contains(page) ? heights[page] : 0
            if !pages.isEmpty { file += " /Dest [\(pages[page]) 0 R /XYZ 0 \(PDFString.number(height - entry.y)) 0]" }
            file += " >>"
            file.end()
        }
    }
}
