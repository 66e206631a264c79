// libFuzzer target for the report language's front end: arbitrary bytes as report.md through
// the front matter split, YAML decoding into the report spec, every `{{ }}` expression (parsed
// and evaluated against fixed sample results), the body's expansion and CommonMark parsing.
// No data package, no file access, no drawing: see `ReportFrontEnd.check(bytes:)`.
//
// Built by SwiftPM only when DOSSIER_FUZZ=1 (Package.swift adds the `dossier-fuzz-report`
// product then; the test target excludes this folder). `make fuzz` runs it:
//
//   DOSSIER_FUZZ=1 swift build -c release --scratch-path .build-fuzz --product dossier-fuzz-report \
//       --sanitize=fuzzer --sanitize=address
//   mkdir -p .build/fuzz-report-corpus && ASAN_OPTIONS=detect_leaks=0 .build-fuzz/release/dossier-fuzz-report \
//       -max_total_time=600 -rss_limit_mb=2048 -malloc_limit_mb=1024 -timeout=10 -max_len=65536 \
//       -dict=Tests/DossierBuildTests/Fixtures/fuzz-report/report.dict \
//       .build/fuzz-report-corpus Tests/DossierBuildTests/Fixtures/fuzz-report/seeds
//
// (detect_leaks=0: LeakSanitizer reports the once-initialised sample results as leaks.)
//
// Reproduce a finding: `.build-fuzz/release/dossier-fuzz-report <file>` (see findings/README.md).
//
// Checks: no crash, no hang, bounded memory; the outcome is deterministic (a second pass gives
// the same diagnostics); every diagnostic points into the file (line 1 … last line + 1,
// column ≥ 1).
import DossierBuild

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let first = ReportFrontEnd.check(bytes: bytes)
    let lineCount = ReportFrontEnd.lineCount(of: bytes)
    for error in first.errors {
        guard let location = error.location else { continue }
        if location.line < 1 || location.line > lineCount + 1 || location.column < 1 {
            fatalError("diagnostic outside the file (\(lineCount) lines): \(error)")
        }
    }
    let second = ReportFrontEnd.check(bytes: bytes)
    if second.errors.map(\.description) != first.errors.map(\.description) || second.blocks != first.blocks {
        fatalError("a second pass gave different diagnostics")
    }
    return 0
}
