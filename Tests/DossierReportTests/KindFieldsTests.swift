@testable import DossierReport
import Testing

/// The kinds built from one shared field set read that set's keys, and `level` where they take one.
@Suite("Kind fields")
struct KindFieldsTests {
    @Test func levelledKindsReadTheirFieldsThenLevel() {
        #expect(FisherAnalysis.keys == ContingencyFields.keys + ["level"])
        #expect(RegressionAnalysis.keys == PairedFields.keys + ["level"])
        #expect(PoissonAnalysis.keys == CountModelFields.keys)
    }
}
