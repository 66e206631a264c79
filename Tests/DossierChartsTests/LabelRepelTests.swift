import Foundation
import Testing

@testable import DossierCharts

/// Latin American and Caribbean country names, as the scatter chart labels them.
private let countryNames = [
    "Argentina", "Bahamas", "Belize", "Bolivia", "Brazil", "Chile", "Colombia", "Costa Rica", "Cuba",
    "Dominican Republic", "Ecuador", "El Salvador", "Guatemala", "Guyana", "Haiti", "Honduras", "Jamaica",
    "Mexico", "Nicaragua", "Panamá", "Paraguay", "Peru", "Suriname", "Trinidad and Tobago", "Uruguay",
    "Venezuela", "Barbados", "Grenada", "Dominica", "Saint Lucia",
]

/// The test's own SplitMix64, independent of the one inside LabelRepel.
private struct TestRandom {
    var state: UInt64
    mutating func unit() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Double((z ^ (z >> 31)) >> 11) * 0x1p-53
    }
    /// Approximately normal (sum of four uniforms, centred, sd ≈ 0.58).
    mutating func bell() -> Double { (unit() + unit() + unit() + unit()) - 2 }
}

/// 30 points in three clusters inside a 400 × 250 plot, labelled with country names set in
/// 8 pt type (about 4.4 pt per character, 10 pt line height).
private func clusteredScene(seed: UInt64, count: Int = 30)
    -> (labels: [RepelLabel], points: [RepelPoint], bounds: Rect)
{
    var rng = TestRandom(state: seed)
    let bounds = Rect(x: 0, y: 0, width: 400, height: 250)
    let centres = [(100.0, 80.0), (260.0, 150.0), (330.0, 60.0)]
    var labels: [RepelLabel] = []
    var points: [RepelPoint] = []
    for i in 0..<count {
        let c = centres[i % centres.count]
        let x = min(max(c.0 + rng.bell() * 45, 5), 395)
        let y = min(max(c.1 + rng.bell() * 35, 5), 245)
        points.append(RepelPoint(x: x, y: y, radius: 3))
        let name = countryNames[i % countryNames.count]
        labels.append(RepelLabel(anchorX: x, anchorY: y, width: Double(name.count) * 4.4, height: 10))
    }
    return (labels, points, bounds)
}

private func check(_ labels: [RepelLabel], _ placed: [PlacedLabel], _ points: [RepelPoint], _ bounds: Rect) {
    #expect(placed.count == labels.count)
    let boxes = LabelRepel.boxes(labels, placed)
    for (i, b) in boxes.enumerated() {
        #expect(bounds.contains(b, tolerance: 1e-6), "label \(i) \(b) leaves the bounds")
        for j in boxes.indices where j > i {
            #expect(!b.intersects(boxes[j], tolerance: 1e-6), "labels \(i) and \(j) overlap: \(b) \(boxes[j])")
        }
        for (k, p) in points.enumerated() {
            #expect(!LabelRepel.discIntersects(p, b, gap: -1e-6), "label \(i) \(b) covers point \(k) \(p)")
        }
    }
}

@Suite struct LabelRepelTests {
    @Test(arguments: [1, 2, 3, 7, 42, 2026] as [UInt64])
    func clusteredCountryLabelsDoNotCollide(_ sceneSeed: UInt64) {
        let s = clusteredScene(seed: sceneSeed)
        let placed = LabelRepel.place(s.labels, obstacles: s.points, bounds: s.bounds)
        check(s.labels, placed, s.points, s.bounds)
        #expect(!LabelRepel.overlaps(s.labels, placed, obstacles: s.points))
    }

    /// Twice as many labels as the scatter needs: the candidate search alone no longer
    /// suffices, so the wide search and the force phase must resolve the rest.
    @Test(arguments: [11, 12, 13] as [UInt64])
    func sixtyLabelsStillFit(_ sceneSeed: UInt64) {
        let s = clusteredScene(seed: sceneSeed, count: 60)
        let placed = LabelRepel.place(s.labels, obstacles: s.points, bounds: s.bounds)
        check(s.labels, placed, s.points, s.bounds)
    }

    /// A fitted line through the clusters, sampled as small obstacles (as the scatter chart
    /// passes its OLS line): labels avoid it too.
    @Test(arguments: [4, 5] as [UInt64])
    func labelsAvoidASampledLine(_ sceneSeed: UInt64) {
        let s = clusteredScene(seed: sceneSeed)
        let line = (0...100).map { k in
            RepelPoint(x: 4 * Double(k), y: 240 - 2.3 * Double(k), radius: 0.5)
        }
        let placed = LabelRepel.place(s.labels, obstacles: s.points + line, bounds: s.bounds)
        check(s.labels, placed, s.points + line, s.bounds)
    }

    @Test func sameInputSameOutput() {
        let s = clusteredScene(seed: 99)
        let a = LabelRepel.place(s.labels, obstacles: s.points, bounds: s.bounds, seed: 5)
        let b = LabelRepel.place(s.labels, obstacles: s.points, bounds: s.bounds, seed: 5)
        #expect(a == b)
    }

    @Test func isolatedLabelSitsRightOfItsPoint() {
        let label = RepelLabel(anchorX: 100, anchorY: 100, width: 40, height: 10)
        let point = RepelPoint(x: 100, y: 100, radius: 3)
        let bounds = Rect(x: 0, y: 0, width: 400, height: 250)
        let placed = LabelRepel.place([label], obstacles: [point], bounds: bounds)
        #expect(placed.count == 1)
        #expect(placed[0].x > 103 && placed[0].x < 110)
        #expect(placed[0].y == 95)
        #expect(!placed[0].needsLeader)
    }

    @Test func labelAtTheRightEdgeFlipsLeft() {
        let label = RepelLabel(anchorX: 390, anchorY: 100, width: 60, height: 10)
        let point = RepelPoint(x: 390, y: 100, radius: 3)
        let bounds = Rect(x: 0, y: 0, width: 400, height: 250)
        let placed = LabelRepel.place([label], obstacles: [point], bounds: bounds)
        #expect(placed[0].x + 60 < 387)
        check([label], placed, [point], bounds)
    }

    @Test func crowdedLabelsGetLeaders() {
        // Twelve labels on one spot: most must move far away and need a leader line.
        let labels = (0..<12).map { _ in RepelLabel(anchorX: 200, anchorY: 125, width: 50, height: 10) }
        let point = RepelPoint(x: 200, y: 125, radius: 3)
        let bounds = Rect(x: 0, y: 0, width: 400, height: 250)
        let placed = LabelRepel.place(labels, obstacles: [point], bounds: bounds)
        check(labels, placed, [point], bounds)
        #expect(placed.filter(\.needsLeader).count >= 4)
    }

    /// Three labels on nearly the same spot, pinned so a change in the algorithm is seen:
    /// the first goes below (right, left and above are blocked by the other points), with a
    /// leader because its box is nearer to the second point than to its own, the second to the
    /// upper right, the third to the left.
    @Test func pinnedSmallScene() {
        let labels = [
            RepelLabel(anchorX: 100, anchorY: 100, width: 40, height: 10),
            RepelLabel(anchorX: 104, anchorY: 101, width: 30, height: 10),
            RepelLabel(anchorX: 98, anchorY: 96, width: 50, height: 10),
        ]
        let points = labels.map { RepelPoint(x: $0.anchorX, y: $0.anchorY, radius: 3) }
        let placed = LabelRepel.place(labels, obstacles: points, bounds: Rect(x: 0, y: 0, width: 200, height: 200))
        #expect(
            placed == [
                PlacedLabel(x: 80, y: 106, needsLeader: true),
                PlacedLabel(x: 110, y: 85, needsLeader: false),
                PlacedLabel(x: 42, y: 91, needsLeader: false),
            ])
    }

    @Test func emptyInput() {
        #expect(LabelRepel.place([], obstacles: [], bounds: Rect(x: 0, y: 0, width: 10, height: 10)).isEmpty)
    }

    @Test func seedOnlyMattersForTies() {
        let s = clusteredScene(seed: 3)
        for seed in [1, 2, 99] as [UInt64] {
            let placed = LabelRepel.place(s.labels, obstacles: s.points, bounds: s.bounds, seed: seed)
            check(s.labels, placed, s.points, s.bounds)
        }
    }
}
