import CairoKit
import DossierCharts
import DossierLayout

/// The page SVGs a build's two threads share (``RenderSchedule/share(_:)``): a page whose
/// drawing the build cache holds is read from its blob (and checked) by whichever thread takes
/// it, with no glyph runs and no outlines; every other page is written from its recorded glyph
/// runs (a ``PageGlyphSnapshot`` of those pages only). A prose edit records and writes the one
/// or two pages it changed, and the thread that renders the PDF reads no blob.
struct SharedPageSVGs: SharedPages {
    /// Where a page's SVG comes from.
    private enum Source {
        /// The blob of that name (``OutputBlobs``).
        case blob(String)
        /// A page the output folder holds already (``CachedPages/held``): no SVG is made.
        case held
        /// The recorded page at that position of ``recorded``.
        case recorded(Int)
    }

    private let sources: [Source]
    /// The pages whose SVGs are written, not read.
    private let recorded: PageGlyphSnapshot
    private let blobs: OutputBlobs?

    /// Shares the pages of `layout`, whose page scenes are `scenes`: those whose blob `cached`
    /// names are read from `blobs`, the others recorded here, on the thread that made the
    /// layout.
    init(layout: DocumentLayout, scenes: [Scene], cached: CachedPages, blobs: OutputBlobs?) throws(CairoError) {
        var sources: [Source] = []
        var written: [Scene] = []
        for index in scenes.indices {
            if blobs != nil, cached.held[index] != nil {
                sources.append(.held)
            } else if blobs != nil, let name = cached.blobs[index] {
                sources.append(.blob(name))
            } else {
                sources.append(.recorded(written.count))
                written.append(scenes[index])
            }
        }
        self.sources = sources
        recorded = try PageGlyphSnapshot(layout: layout, scenes: written)
        self.blobs = blobs
    }

    /// The number of pages.
    var count: Int { sources.count }

    /// How many pages are written from glyph runs (the others are read from the cache).
    var writtenCount: Int { recorded.count }

    /// The glyph runs recorded of each page written from them, by page index (0-based), and
    /// their fonts: what the PDF's pages are drawn from too.
    var recordedRuns: (runs: [Int: GlyphRuns], outlines: GlyphOutlineSet) {
        var runs: [Int: GlyphRuns] = [:]
        for (index, source) in sources.enumerated() {
            if case let .recorded(position) = source { runs[index] = recorded.runs[position] }
        }
        return (runs, recorded.outlines)
    }

    /// Page `index`'s SVG, on the thread that owns `typesetter`; nil when the output folder
    /// holds the page, or when its blob turned out missing or damaged (the page is then left to
    /// the thread that laid the document out, ``ReportBuilder/pageSVGs(of:scenes:cached:except:)``).
    func svg(_ index: Int, typesetter: Typesetter) throws -> [UInt8]? {
        switch sources[index] {
        case .held: nil
        case let .blob(name): blobs?.read(name)
        case let .recorded(position): try recorded.svg(position, typesetter: typesetter)
        }
    }
}
