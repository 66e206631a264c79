import Testing

/// ``VegaLiteMarkMatch/unmatched(_:_:kind:)`` pairs every reference item with its own Dossier
/// item when such a pairing exists, whatever the order the items come in.
@Suite struct VegaLiteMarkPairingTests {
    /// The first reference point's nearest Dossier point is the second's only partner; the
    /// first has another within the tolerance. A first-come pairing leaves the second alone.
    @Test func pairsPointsWhenTheNearestPartnerIsAnotherItemsOnly() {
        let reference: [[Double]] = [[0.450, 0.660], [0.458, 0.652]]
        let dossier: [[Double]] = [[0.452, 0.660], [0.455, 0.668]]
        #expect(VegaLiteMarkMatch.unmatched(reference, dossier, kind: "point") == nil)
        #expect(VegaLiteMarkMatch.unmatched(reference, dossier.reversed(), kind: "point") == nil)
    }

    /// Duplicated points pair one to one: two reference points at one place need two there.
    @Test func duplicatesNeedTheirOwnPartners() {
        let reference: [[Double]] = [[0.458, 0.66], [0.458, 0.66], [0.45, 0.66]]
        #expect(VegaLiteMarkMatch.unmatched(reference, [[0.458, 0.66], [0.452, 0.66], [0.458, 0.66]], kind: "point") == nil)
        #expect(VegaLiteMarkMatch.unmatched(reference, [[0.458, 0.66], [0.452, 0.66], [0.40, 0.66]], kind: "point") != nil)
    }

    /// Rectangles pair the same way, by centre and size.
    @Test func pairsRectangles() {
        let reference: [[Double]] = [[0.0, 0.5, 0.1, 1.0], [0.005, 0.5, 0.105, 1.0]]
        #expect(VegaLiteMarkMatch.unmatched(reference, [[0.004, 0.5, 0.104, 1.0], [0.001, 0.5, 0.101, 1.0]], kind: "rect") == nil)
        #expect(VegaLiteMarkMatch.unmatched(reference, [[0.004, 0.5, 0.104, 1.0], [0.3, 0.5, 0.4, 1.0]], kind: "rect") != nil)
    }
}
