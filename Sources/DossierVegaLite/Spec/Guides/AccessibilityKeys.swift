/// Vega-Lite's accessibility metadata (`aria`, `description`, `ariaRole`,
/// `ariaRoleDescription`) on marks, axes, legends, titles and `config`: accepted and checked,
/// never drawn. In Vega they set ARIA attributes of the SVG elements of an interactive view;
/// Dossier describes a figure once, by its alt text (the figure's `alt`, else the spec's
/// `description`, else a generated summary), written into the SVG's `<desc>` and the PDF's tags.
enum AccessibilityKeys {
    /// The keys, as GuideProperties tables take them.
    static let guideTable: [String: GuideKind] = [
        "aria": .flag, "description": .text, "ariaRole": .text, "ariaRoleDescription": .text,
    ]

    /// The key names.
    static let names = ["aria", "description", "ariaRole", "ariaRoleDescription"]
}
