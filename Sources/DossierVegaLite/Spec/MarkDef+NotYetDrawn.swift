extension MarkDef {
    /// Vega-Lite marks Dossier does not draw yet, with what to do instead: refused by name
    /// rather than with a decoder's message.
    static let notYetDrawn: [String: String] = [
        "image": "the `image` mark (pictures by `url`) is not supported in charts yet: draw the positions with `point` or label them with `text`",
    ]

    /// The refusal of a mark named `name` that Vega-Lite has and Dossier does not draw, or nil.
    static func notYetDrawnMessage(_ name: String) -> String? { notYetDrawn[name] }
}
