import CairoKit
import DossierBase
@testable import DossierBuild
import DossierCharts
import Foundation
import Testing

/// SceneBytes, the key of a page SVG's cache entry: it covers every stored property of every
/// scene type (a property added to a type and not to SceneBytes would let two different pages
/// share an entry), and a change anywhere in a scene changes its bytes.
@Suite struct SceneBytesTests {
    static let font = Font(family: "Inter", size: 10)
    static let rect = SceneRect(x: 1, y: 2, width: 3, height: 4)
    static let path = ScenePath(id: "p", segments: [.move(ScenePoint(0, 0)), .line(ScenePoint(1, 1)), .close], fill: .white)
    static let text = SceneText(id: "t", text: "label", font: font, color: .black, position: ScenePoint(5, 6),
                                anchor: .start, baseline: .alphabetic, width: 20, height: 10, ascent: 8)
    static let group = SceneGroup(id: "g", transform: SceneTransform(x: 1, y: 2), clip: rect, background: .white, items: [.path(path)])
    static let markers = SceneMarkers(id: "m", symbols: [MarkerSymbol(radius: 2, fill: .black, stroke: nil, lineWidth: 0)], positions: [ScenePoint(1, 2)])

    @Test func everyStoredPropertyIsCounted() throws {
        let typesetter = try Typesetter(fontDirectory: AnscombeProject.repository.appendingPathComponent("fonts").path)
        let layout = try typesetter.layout("A paragraph.", font: Self.font, width: 100)
        let block = SceneTextBlock(id: "b", layout: layout, color: .black, position: ScenePoint(0, 0))
        let values: [String: Any] = [
            "Scene": Scene(width: 1, height: 1), "ScenePath": Self.path, "SceneText": Self.text, "SceneGroup": Self.group,
            "SceneMarkers": Self.markers, "SceneTextBlock": block, "SceneLink": SceneLink(rect: Self.rect, target: .uri("u")),
            "SceneTransform": SceneTransform(x: 0, y: 0), "SceneRect": Self.rect, "ScenePoint": ScenePoint(0, 0),
            "Color": Color.black, "Font": Self.font, "MarkerSymbol": MarkerSymbol(radius: 1, fill: nil, stroke: nil, lineWidth: 0),
        ]
        #expect(Set(values.keys) == Set(SceneBytes.propertyCounts.keys))
        for (name, value) in values {
            #expect(Mirror(reflecting: value).children.count == SceneBytes.propertyCounts[name], "\(name)")
        }
    }

    @Test func aChangeAnywhereChangesTheBytes() throws {
        let scene = Scene(width: 100, height: 100, items: [.path(Self.path), .text(Self.text), .group(Self.group), .markers(Self.markers)])
        let bytes = SceneBytes.of(scene)
        #expect(SceneBytes.of(scene) == bytes)
        var moved = scene
        moved.items[1] = .text(SceneText(id: "t", text: "label", font: Self.font, color: .black, position: ScenePoint(5, 6.000001),
                                         anchor: .start, baseline: .alphabetic, width: 20, height: 10, ascent: 8))
        var nested = scene
        var group = Self.group
        group.items = [.path(ScenePath(id: "p", segments: [.move(ScenePoint(0, 0)), .line(ScenePoint(1, 1))], fill: .white))]
        nested.items[2] = .group(group)
        var recoloured = scene
        recoloured.items[3] = .markers(SceneMarkers(id: "m", symbols: [MarkerSymbol(radius: 2, fill: .white, stroke: nil, lineWidth: 0)], positions: [ScenePoint(1, 2)]))
        var retitled = scene
        retitled.title = "page 1 of 2"
        let variants = [moved, nested, recoloured, retitled].map(SceneBytes.of)
        #expect(Set(variants + [bytes]).count == 5, "each change gives other bytes")
    }
}
