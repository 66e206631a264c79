import DossierCharts

extension DocumentContent {
    /// The content with `scenes` as its figures' scenes: a build prepares the content before
    /// it knows whether it must compile the figures (their chart files and the document may
    /// all come from its cache), and adds the scenes once it has compiled them.
    package func replacingScenes(_ scenes: [String: Scene]) -> DocumentContent {
        var content = DocumentContent(source: source, spec: spec, style: style, date: date, creator: creator, blocks: blocks,
                                      tables: tables, findings: findings, sources: sources, scenes: scenes)
        content.crossReferences = crossReferences
        return content
    }
}
