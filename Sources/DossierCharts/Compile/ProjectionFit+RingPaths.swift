import DossierVegaLite

extension ProjectionFit {
    /// The path of `feature`'s polygon rings in screen points: each ring closed (a filled
    /// shape), or with `closed` false drawn back to its first point as an open outline.
    func ringSegments(of feature: GeoFeature, closed: Bool = true) -> [PathSegment] {
        var segments: [PathSegment] = []
        for polygon in rings(of: feature) {
            for ring in polygon {
                guard let first = ring.first else { continue }
                segments.append(.move(ScenePoint(first.x, first.y)))
                for p in ring.dropFirst() { segments.append(.line(ScenePoint(p.x, p.y))) }
                segments.append(closed ? .close : .line(ScenePoint(first.x, first.y)))
            }
        }
        return segments
    }
}
