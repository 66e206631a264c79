/// The module graph of docs/architecture.md, as data: which module may import which. Change it
/// here and in the document (and in Package.swift) together.
enum ModuleGraph {
    /// Each module under Sources/ and the modules its files may import, besides the platform's.
    static let allowed: [String: Set<String>] = [
        "CCairo": [], "CCmark": [], "CSHA256": [], "CZlib": [], "CDeflate": [], "CShapeMemo": [],
        "DossierBase": [],
        "CairoKit": ["CCairo", "CZlib", "CDeflate", "CShapeMemo", "DossierBase"],
        "DossierData": ["DossierBase"],
        "DossierStats": ["DossierBase"],
        "DossierVegaLite": ["DossierBase", "DossierStats"],
        "DossierCharts": ["DossierBase", "DossierVegaLite", "CairoKit"],
        "DossierMarkdown": ["CCmark", "DossierBase"],
        "DossierReport": ["DossierBase", "DossierData", "DossierStats", "DossierVegaLite", "DossierMarkdown", "Yams"],
        "DossierLayout": ["DossierBase", "CairoKit", "DossierCharts", "DossierMarkdown", "DossierReport"],
        "DossierBuild": ["DossierBase", "CairoKit", "CSHA256", "DossierData", "DossierVegaLite", "DossierCharts",
                         "DossierMarkdown", "DossierReport", "DossierLayout", "Yams"],
        "dossier": ["DossierBuild", "DossierBase", "DossierData", "DossierReport", "ArgumentParser"],
    ]

    /// The platform's modules, which any file may import.
    static let platform: Set<String> = ["Foundation", "FoundationXML", "Glibc", "Darwin", "Musl", "Dispatch",
                                        "_Builtin_intrinsics"]

    /// The C modules and the only places that may import them: a whole module, or one file
    /// (a path under Sources/).
    static let cDoors: [String: String] = [
        "CCairo": "CairoKit", "CZlib": "CairoKit", "CDeflate": "CairoKit",
        "CShapeMemo": "CairoKit/ShapeMemo.swift",
        "CCmark": "DossierMarkdown",
        "CSHA256": "DossierBuild/SHA256.swift",
    ]

    /// No module may hold more than this share of the Swift lines under Sources/.
    static let largestShare = 1.0 / 3.0
}
