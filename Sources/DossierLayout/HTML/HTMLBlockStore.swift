import DossierMarkdown

/// A body block's HTML and the changes writing it made to the writer's state
/// (``HTMLWriterState/Change``).
package struct HTMLBlockPart: Equatable, Sendable {
    /// The block's HTML (UTF-8).
    package var html: [UInt8]
    /// The changes, in the order they were made.
    package var changes: [HTMLWriterState.Change]

    package init(html: [UInt8], changes: [HTMLWriterState.Change]) {
        self.html = html
        self.changes = changes
    }
}

/// Where the HTML writer finds the parts of body blocks an earlier build wrote (a build with a
/// cache: `html blocks` in docs/build-cache.md). The writer tells the store every top-level
/// block's changes in order (``advance(by:)``), so the store knows the state each block is
/// written in; a part is answered only for the same block (every field the writer reads), the
/// same state and the same footnote definitions and computed tables, so that it is the bytes
/// the writer would write. Blocks that hold a figure are always written (their chart element
/// has its own entry).
package protocol HTMLBlockStore: AnyObject {
    /// The part stored for `block` written in the state the changes so far lead to, or nil.
    func part(for block: Block) -> HTMLBlockPart?
    /// Keeps `part`, just written for `block` (the block last asked about with ``part(for:)``).
    func keep(_ part: HTMLBlockPart, for block: Block)
    /// The changes a top-level block made (written or taken from the store), in order.
    func advance(by changes: [HTMLWriterState.Change])
}

extension Block {
    /// Whether the block is, or holds, a `{figure}` fence (whose chart element the HTML
    /// writer takes from elsewhere): such a block is never taken from an ``HTMLBlockStore``.
    /// Any fence whose info string holds `{figure}` counts.
    package var holdsFigure: Bool {
        switch self {
        case let .code(info, _, _): return info.contains("{figure}")
        case let .blockQuote(children, _): return children.contains { $0.holdsFigure }
        case let .list(_, _, items, _): return items.contains { item in item.contains { $0.holdsFigure } }
        case let .footnoteDefinition(_, children, _): return children.contains { $0.holdsFigure }
        case .heading, .paragraph, .thematicBreak, .table, .html: return false
        }
    }
}
