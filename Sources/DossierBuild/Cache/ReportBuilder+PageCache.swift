import DossierCharts
import DossierLayout
import Foundation

/// The page SVGs of a laid-out document that the build cache holds, and the key of every page
/// (to store those rendered): a prose edit renders again only the pages whose drawing changed.
///
/// A page SVG is a function of the page's scene (every item with its exact coordinates, texts,
/// fonts, colours and links: ``SceneBytes``), the SVG's title and description, the page's number and count and the fonts;
/// the page entry's name is the SHA-256 of these, and it holds the name of the SVG's blob
/// (``OutputBlobs``).
struct CachedPages {
    /// SVG bytes found in the cache, by page index (0-based).
    var files: [Int: [UInt8]] = [:]
    /// Every page's key, by page index; a page without one is neither looked up nor stored.
    var keys: [Int: CacheKey] = [:]

    /// The output path of page `index` (0-based).
    static func path(_ index: Int) -> String { String(format: "pages/page-%02d.svg", index + 1) }
}

extension ReportBuilder {
    /// Whether this build's cache already holds page SVGs: then the second thread does not lay
    /// the document out again to share the page rendering (most pages come from the cache),
    /// and the calling thread renders the pages that are missing.
    var cacheHoldsPages: Bool {
        guard let cacheSession else { return false }
        return FileManager.default.fileExists(atPath: cacheSession.cache.directory.appendingPathComponent("page").path)
    }

    /// The key of each page of `layout` (whose page scenes are `scenes`), and the SVG of each
    /// page the cache holds (nothing without a cache).
    func cachedPages(of layout: DocumentLayout, scenes: [Scene]) -> CachedPages {
        guard let cacheSession else { return CachedPages() }
        var fonts = cacheSession.cache.key("page fonts")
        guard cacheSession.digests.add(typesetter.fontFiles, to: &fonts) else { return CachedPages() }
        let spec = layout.content.spec
        var cached = CachedPages()
        for index in layout.pages.indices {
            let drawn = SceneBytes.of(scenes[index])
            var key = cacheSession.cache.key("page")
            key.add("fonts", fonts.key.hex)
            key.add("title", spec.title)
            key.add("description", spec.subtitle ?? "")
            key.add("page", "\(index + 1) of \(layout.pages.count)")
            key.add("scene", bytes: drawn)
            cached.keys[index] = key.key
            cached.files[index] = cacheSession.page(key.key)
        }
        return cached
    }

    /// Renders the page SVGs `cached` lacks (from `scenes`, the layout's page scenes), stores them, and returns every page's SVG by
    /// output path.
    func pageSVGs(of layout: DocumentLayout, scenes: [Scene], cached: CachedPages) throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for index in layout.pages.indices {
            if let bytes = cached.files[index] {
                files[CachedPages.path(index)] = bytes
                continue
            }
            let bytes = try layout.pageSVG(index, scene: scenes[index])
            if let key = cached.keys[index] { cacheSession?.store(page: bytes, key: key) }
            files[CachedPages.path(index)] = bytes
        }
        return files
    }

    /// Stores the page SVGs a build rendered without looking in the cache (`rendered`: output
    /// path → bytes).
    func storePages(_ rendered: [String: [UInt8]], cached: CachedPages) {
        guard let cacheSession else { return }
        for (index, key) in cached.keys where cached.files[index] == nil {
            if let bytes = rendered[CachedPages.path(index)] { cacheSession.store(page: bytes, key: key) }
        }
    }
}

extension BuildCacheSession {
    /// The page SVG whose entry is `key`, if the entry and its blob are there.
    func page(_ key: CacheKey) -> [UInt8]? {
        guard let name = cache.read(key) else { return nil }
        return OutputBlobs(cache: cache).read(String(decoding: name, as: UTF8.self))
    }

    /// Stores a page SVG as a blob and its name under `key`.
    func store(page bytes: [UInt8], key: CacheKey) {
        guard let name = OutputBlobs(cache: cache).store(bytes) else { return }
        cache.write(Array(name.utf8), for: key)
    }
}
