// swift-tools-version:6.1
import PackageDescription

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

let package = Package(
    name: "Dossier",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "dossier", targets: ["dossier"]),
        // For embedding Dossier: build, check, plan and validate a report (DossierBuild's public API).
        .library(name: "DossierBuild", targets: ["DossierBuild"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // C libraries, found through pkg-config. Only CairoKit, DossierMarkdown and DossierBuild's
        // SHA-256 file import these.
        .systemLibrary(
            name: "CCairo", pkgConfig: "pangocairo",
            providers: [.apt(["libcairo2-dev", "libpango1.0-dev", "libfontconfig-dev", "libharfbuzz-dev"])]),
        .systemLibrary(
            name: "CCmark", pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        // zlib for CRC-32 and PDF streams, libdeflate for PNG compression (CairoKit's PNG
        // encoder).
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CDeflate", pkgConfig: "libdeflate", providers: [.apt(["libdeflate-dev"])]),
        // SHA-256 for manifests and cache keys (the CPU's SHA extensions, else portable C), in
        // the executable rather than libcrypto, whose loading cost every process start ~3,400
        // symbol bindings. Only DossierBuild's SHA256.swift imports it.
        .target(name: "CSHA256"),

        // Pango 1.50 shapes wrapped text about 2.4 times (the item whole, then each candidate
        // line): this C library defines hb_shape in the executable and answers a piece of an item
        // shaped a moment before from that shaping when HarfBuzz marked its ends safe to break.
        // Only CairoKit's ShapeMemo.swift imports it.
        .target(name: "CShapeMemo", dependencies: ["CCairo"]),

        // The foundation every other module may use: bounded quotations of input, project-root
        // confinement, the one number formatter (NumberText), name hints, group-by (KeyGroups).
        .target(name: "DossierBase"),
        // The one Swift door to Cairo, Pango and fontconfig.
        .target(name: "CairoKit", dependencies: ["CCairo", "CZlib", "CDeflate", "CShapeMemo", "DossierBase"]),
        // CSV + Table Schema → typed columnar tables, with diagnostics.
        .target(name: "DossierData", dependencies: ["DossierBase"]),
        // Statistics over plain Swift arrays.
        .target(name: "DossierStats", dependencies: ["DossierBase"]),
        // The Vega-Lite language: chart specs, config and themes, transforms, expressions, time
        // units, number formats, colour schemes. Pure Swift: no Cairo, nothing drawn or measured.
        .target(name: "DossierVegaLite", dependencies: ["DossierBase", "DossierStats"]),
        // Chart spec → renderer-neutral scene (scales, marks, guides, layout) → Cairo renderer.
        .target(name: "DossierCharts", dependencies: ["DossierBase", "DossierVegaLite", "CairoKit"]),
        // CommonMark (cmark-gfm) → a typed block tree with source ranges: the only CCmark import.
        .target(name: "DossierMarkdown", dependencies: ["CCmark", "DossierBase"]),
        // The report language: front matter, analyses, expressions, formatters, results,
        // stats JSON. No Cairo, no files.
        .target(
            name: "DossierReport",
            dependencies: [
                "DossierBase", "DossierData", "DossierStats", "DossierVegaLite", "DossierMarkdown",
                .product(name: "Yams", package: "Yams"),
            ]),
        // Blocks + results → flowables → pages.
        .target(
            name: "DossierLayout",
            dependencies: ["DossierBase", "CairoKit", "DossierCharts", "DossierMarkdown", "DossierReport"]),
        // Orchestration: build session, scheduling, output sets, manifest (its SHA-256 file is
        // the one CSHA256 import), check, make rules and depfiles. The CLI's only library.
        .target(
            name: "DossierBuild",
            dependencies: [
                "DossierBase", "CairoKit", "CSHA256", "DossierData", "DossierVegaLite", "DossierCharts",
                "DossierMarkdown", "DossierReport", "DossierLayout",
                .product(name: "Yams", package: "Yams"),
            ]),
        // The command line: parses arguments, reads the environment, calls DossierBuild.
        .executableTarget(
            name: "dossier",
            dependencies: [
                "DossierBase", "DossierBuild", "DossierData", "DossierReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        .testTarget(name: "DossierBaseTests", dependencies: ["DossierBase"], resources: [.copy("Fixtures")]),
        .testTarget(name: "CairoKitTests", dependencies: ["CairoKit", "CCairo", "DossierBase"]),
        .testTarget(name: "DossierDataTests", dependencies: ["DossierData"], resources: [.copy("Fixtures")]),
        .testTarget(name: "DossierStatsTests", dependencies: ["DossierStats"], resources: [.copy("Fixtures")]),
        // PDFObjectReader.swift (reading PDFs back) is CairoKitTests' through a symbolic link.
        .testTarget(name: "DossierChartsTests", dependencies: ["DossierCharts", "DossierVegaLite", "CairoKit", "DossierBase"],
                    exclude: ["Goldens"]),
        // The Vega-Lite language without Cairo: spec decoding and checks, transforms,
        // expressions, time, number formats, colour schemes. SpecFixture.swift is shared with
        // DossierChartsTests through a symbolic link.
        .testTarget(name: "DossierVegaLiteTests", dependencies: ["DossierVegaLite", "DossierBase"], exclude: ["Fixtures"]),
        .testTarget(name: "DossierMarkdownTests", dependencies: ["DossierMarkdown"]),
        .testTarget(name: "DossierReportTests", dependencies: ["DossierReport", "DossierVegaLite", "DossierMarkdown"]),
        .testTarget(name: "DossierLayoutTests", dependencies: ["DossierLayout", "CairoKit"]),
        // Fixtures/fuzz-report is the report fuzz target (below), not part of the tests.
        .testTarget(name: "DossierBuildTests", dependencies: ["DossierBuild", "DossierReport", "DossierCharts", "DossierBase", "CairoKit"],
                    exclude: ["Fixtures/fuzz-report", "Fixtures/vega-lite-gallery", "Fixtures/vega-lite-reference", "Fixtures/glyph-runs",
                              "PageSceneGoldens"]),
        .testTarget(name: "DossierCLITests", dependencies: [], exclude: ["flagship-reference.json"]),
        // Issue 16's module rules over Sources/ (imports against the module graph, C only behind
        // its three doors, no module over a third of the lines): reads files, links nothing.
        .testTarget(name: "ArchitectureTests", dependencies: []),
    ],
    swiftLanguageModes: [.v6]
)

// The libFuzzer target for report.md (`make fuzz`), only when DOSSIER_FUZZ=1: a plain
// `swift build` or `swift test` neither sees nor builds it. Build it into its own scratch path
// with the fuzzer and address sanitizers (see the Makefile's fuzz target).
if getenv("DOSSIER_FUZZ").map({ String(cString: $0) }) == "1" {
    package.products.append(.executable(name: "dossier-fuzz-report", targets: ["DossierFuzzReport"]))
    package.targets.append(.executableTarget(
        name: "DossierFuzzReport", dependencies: ["DossierBuild"],
        path: "Tests/DossierBuildTests/Fixtures/fuzz-report", exclude: ["seeds", "findings", "report.dict"],
        swiftSettings: [.unsafeFlags(["-parse-as-library"])]))
}
