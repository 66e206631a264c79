import DossierMarkdown

extension DocumentContent {
    /// The content with `blocks` added after the body (generated sections such as the claims
    /// appendix), laid out like the body's own blocks.
    package func appending(_ blocks: [Block]) -> DocumentContent {
        guard !blocks.isEmpty else { return self }
        var content = DocumentContent(source: source, spec: spec, style: style, date: date, creator: creator, blocks: self.blocks + blocks,
                                      tables: tables, findings: findings, sources: sources, scenes: scenes)
        // The figure and table numbers stay: captions and findings are resolved with them.
        content.crossReferences = crossReferences
        return content
    }
}
