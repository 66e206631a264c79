import CairoKit
import DossierCharts
import DossierLayout
import Foundation

/// The page SVGs of a laid-out document that the build cache holds, and the key of every page
/// (to store those rendered): a prose edit renders again only the pages whose drawing changed.
///
/// A page SVG is a function of the page's scene (every item with its exact coordinates, texts,
/// fonts, colours and links: ``SceneBytes``), the SVG's title and description, the page's number and count and the fonts;
/// the page's `page` key is the SHA-256 of these, and the document's page pack (``PagePack``)
/// holds under it the name of the SVG's blob (``OutputBlobs``), and under its `page pdf` key its
/// PDF content. The pack is read and the keys looked up before the PDF renders; the blobs are
/// read (and checked) by whichever thread writes the page (``SharedPageSVGs``).
struct CachedPages {
    /// The name of the blob of each page whose entry the cache holds, by page index (0-based).
    var blobs: [Int: String] = [:]
    /// The pages of `blobs` that the output folder already holds with those bytes (the blob's
    /// name, their SHA-256), by page index: neither read nor written (``FolderHeldOutputs``);
    /// a prose edit leaves all but the pages it changed in the folder as they are.
    var held: [Int: String] = [:]
    /// Every page's key, by page index; a page without one is neither looked up nor stored.
    var keys: [Int: CacheKey] = [:]
    /// The PDF content of each page the cache holds (``PDFPage``), by page index.
    var pdfPages: [Int: PDFPage] = [:]
    /// Every page's key for its PDF content, by page index.
    var pdfKeys: [Int: CacheKey] = [:]
    /// The key of the font files' contents (nil without a cache).
    var fonts: String?
    /// The document's page pack, where the pages this build draws are kept (nil without a cache).
    var pack: PagePack?

    /// The output path of page `index` (0-based): `pages/page-NN.svg`, the number with at least
    /// two digits. (Not `String(format:)`: about 67,000 instructions a call, twice per page.)
    static func path(_ index: Int) -> String {
        let number = index + 1
        return number < 10 ? "pages/page-0\(number).svg" : "pages/page-\(number).svg"
    }

    /// The name of the entry of page `index` (0-based) of `count` in `cache`: its scene's bytes
    /// (`drawn`, ``SceneBytes``), the fonts (`fonts`: the key of their contents) and the SVG's
    /// title and description.
    static func key(in cache: BuildCache, kind: String = "page", fonts: String, title: String, description: String?,
                    page index: Int, of count: Int, drawn: [UInt8]) -> CacheKey {
        key(in: cache, kind: kind, fonts: fonts, title: title, description: description, page: index, of: count,
            scene: SHA256.hex(drawn))
    }

    /// ``key(in:kind:fonts:title:description:page:of:drawn:)`` with the scene's bytes given by
    /// their SHA-256 (`scene`): a page's `page` and `page pdf` keys hash its scene once.
    static func key(in cache: BuildCache, kind: String = "page", fonts: String, title: String, description: String?,
                    page index: Int, of count: Int, scene: String) -> CacheKey {
        var key = cache.key(kind)
        key.add("fonts", fonts)
        key.add("title", title)
        key.add("description", description ?? "")
        key.add("page", "\(index + 1) of \(count)")
        key.add("scene", scene)
        return key.key
    }
}

extension ReportBuilder {
    /// The key of each page of `layout` (whose page scenes are `scenes`), and the name of the
    /// blob of each page the cache holds (nothing without a cache).
    func cachedPages(of layout: DocumentLayout, scenes: [Scene]) -> CachedPages {
        guard let cacheSession else { return CachedPages() }
        var fonts = cacheSession.cache.key("page fonts")
        guard cacheSession.digests.add(typesetter.fontFiles, to: &fonts) else { return CachedPages() }
        let spec = layout.content.spec
        var cached = CachedPages()
        cached.fonts = fonts.key.hex
        let blobs = OutputBlobs(cache: cacheSession.cache)
        let pack = PagePack(cache: cacheSession.cache, document: options.reportName)
        cached.pack = pack
        let buffer = SceneByteBuffer()
        for index in layout.pages.indices {
            let drawn = SceneBytes.sha256(of: scenes[index], in: buffer)
            let key = CachedPages.key(in: cacheSession.cache, fonts: fonts.key.hex, title: spec.title, description: spec.subtitle,
                                      page: index, of: layout.pages.count, scene: drawn)
            cached.keys[index] = key
            if let name = pack.svgBlob(key) {
                cached.blobs[index] = name
                if let folder, blobs.isHeld(CachedPages.path(index), name, by: folder) { cached.held[index] = name }
            }
            // The PDF content: the scene's drawing alone (no title; the page's number is in
            // its footer, hence in the scene).
            let pdfKey = CachedPages.key(in: cacheSession.cache, kind: "page pdf", fonts: fonts.key.hex, title: "", description: nil,
                                         page: index, of: layout.pages.count, scene: drawn)
            cached.pdfKeys[index] = pdfKey
            if let page = pack.pdfPage(pdfKey) { cached.pdfPages[index] = page }
        }
        return cached
    }

    /// The blobs of this build's cache, if it has one.
    var pageBlobs: OutputBlobs? { cacheSession.map { OutputBlobs(cache: $0.cache) } }

    /// The SVG of every page of `layout` not in `written` (output path → bytes) and not held by
    /// the output folder (`cached.held`), by output path: read from its blob when `cached` names
    /// one that is intact, else rendered from `scenes` (the layout's page scenes) and stored.
    func pageSVGs(of layout: DocumentLayout, scenes: [Scene], cached: CachedPages,
                  except written: [String: [UInt8]] = [:]) throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        let blobs = pageBlobs
        for index in layout.pages.indices where written[CachedPages.path(index)] == nil && cached.held[index] == nil {
            if let name = cached.blobs[index], let bytes = blobs?.read(name) {
                files[CachedPages.path(index)] = bytes
                continue
            }
            let bytes = try layout.pageSVG(index, scene: scenes[index])
            if let key = cached.keys[index] { cacheSession?.store(page: bytes, key: key, in: cached.pack) }
            files[CachedPages.path(index)] = bytes
        }
        return files
    }

    /// Stores the page SVGs the render schedule wrote from glyph runs (`rendered`: output path
    /// → bytes; those it read from the cache are not stored again).
    func storePages(_ rendered: [String: [UInt8]], cached: CachedPages) {
        guard let cacheSession else { return }
        for (index, key) in cached.keys where cached.blobs[index] == nil {
            let path = CachedPages.path(index)
            if let bytes = rendered[path] {
                cacheSession.store(page: bytes, key: key, in: cached.pack, linking: staging?.stagedFile(path, holding: bytes))
            }
        }
    }
}

extension BuildCacheSession {
    /// Stores a page SVG as a blob and its name under `key` in `pack`.
    func store(page bytes: [UInt8], key: CacheKey, in pack: PagePack?, linking file: String? = nil) {
        guard let pack, let name = OutputBlobs(cache: cache).store(bytes, linking: file) else { return }
        pack.add(svgBlob: name, key: key)
    }
}
