@testable import DossierBuild
import DossierReport
import Testing

/// Every build entry point maps what it catches through one ``BuildError/init(_:context:)``.
@Suite("Build error mapping")
struct BuildErrorMappingTests {
    struct Unexpected: Error, CustomStringConvertible { var description: String { "boom" } }

    @Test func reportErrorsExitWith65() {
        let error = BuildError(ReportError("bad", at: SourceLocation(file: "report.md", line: 2, column: 3)))
        guard case .report = error else { Issue.record("\(error)"); return }
        #expect(error.exitCode == 65)
    }

    @Test func buildErrorsPassThrough() {
        guard case .missingInput("a.csv") = BuildError(BuildError.missingInput("a.csv")) else { Issue.record("not kept"); return }
    }

    @Test func anythingElseIsAnInternalFailureWithItsContext() {
        let error = BuildError(Unexpected(), context: "reading x: ")
        #expect(error.description == "error: reading x: boom")
        #expect(error.exitCode == 70)
    }
}
