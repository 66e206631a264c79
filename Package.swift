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
        .library(name: "DossierDocument", targets: ["DossierDocument"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // C libraries, found through pkg-config. Only CairoKit, DossierDocument's CommonMark
        // reader and its SHA-256 import these.
        .systemLibrary(
            name: "CCairo", pkgConfig: "pangocairo",
            providers: [.apt(["libcairo2-dev", "libpango1.0-dev", "libfontconfig-dev"])]),
        .systemLibrary(
            name: "CCmark", pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        // zlib for PNG compression (CairoKit's PNG encoder), libcrypto for SHA-256 (manifests).
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),

        // The foundation every other module may use: bounded quotations of input, project-root
        // confinement, the one number formatter (NumberText), name hints, group-by (KeyGroups).
        .target(name: "DossierBase"),
        // The one Swift door to Cairo, Pango and fontconfig.
        .target(name: "CairoKit", dependencies: ["CCairo", "CZlib", "DossierBase"]),
        // CSV + Table Schema → typed columnar tables, with diagnostics.
        .target(name: "DossierData", dependencies: ["DossierBase"]),
        // Statistics over plain Swift arrays.
        .target(name: "DossierStats", dependencies: ["DossierBase"]),
        // Chart grammar → renderer-neutral scene → Cairo renderer.
        .target(name: "DossierCharts", dependencies: ["DossierBase", "CairoKit"]),
        // Report spec, expressions, CommonMark, page layout, build orchestration.
        .target(
            name: "DossierDocument",
            dependencies: [
                "DossierBase", "CairoKit", "CCmark", "CCrypto", "DossierData", "DossierStats", "DossierCharts",
                .product(name: "Yams", package: "Yams"),
            ]),
        .executableTarget(
            name: "dossier",
            dependencies: [
                "DossierBase", "DossierDocument", "DossierData",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        .testTarget(name: "DossierBaseTests", dependencies: ["DossierBase"], resources: [.copy("Fixtures")]),
        .testTarget(name: "CairoKitTests", dependencies: ["CairoKit", "CCairo"]),
        .testTarget(name: "DossierDataTests", dependencies: ["DossierData"], resources: [.copy("Fixtures")]),
        .testTarget(name: "DossierStatsTests", dependencies: ["DossierStats"], resources: [.copy("Fixtures")]),
        .testTarget(name: "DossierChartsTests", dependencies: ["DossierCharts", "CairoKit"], exclude: ["Goldens"]),
        // Fixtures/fuzz-report is the report fuzz target (below), not part of the tests.
        .testTarget(name: "DossierDocumentTests", dependencies: ["DossierDocument"], exclude: ["Fixtures/fuzz-report"]),
        .testTarget(name: "DossierCLITests", dependencies: [], exclude: ["flagship-reference.json"]),
    ],
    swiftLanguageModes: [.v6]
)

// The libFuzzer target for report.md (`make fuzz`), only when DOSSIER_FUZZ=1: a plain
// `swift build` or `swift test` neither sees nor builds it. Build it into its own scratch path
// with the fuzzer and address sanitizers (see the Makefile's fuzz target).
if getenv("DOSSIER_FUZZ").map({ String(cString: $0) }) == "1" {
    package.products.append(.executable(name: "dossier-fuzz-report", targets: ["DossierFuzzReport"]))
    package.targets.append(.executableTarget(
        name: "DossierFuzzReport", dependencies: ["DossierDocument"],
        path: "Tests/DossierDocumentTests/Fixtures/fuzz-report", exclude: ["seeds", "findings", "report.dict"],
        swiftSettings: [.unsafeFlags(["-parse-as-library"])]))
}
