/// A ``Renderer`` that records the calls it receives, one line each, for tests.
public struct RecordingRenderer: Renderer {
    /// The recorded calls, e.g. `path layer1/bar/A`, `text title "…"`, `begin panel`, `end panel`.
    public private(set) var calls: [String] = []

    /// Creates an empty recorder.
    public init() {}

    /// Records a path call.
    public mutating func drawPath(_ path: ScenePath) { calls.append("path \(path.id)") }
    /// Records a text call.
    public mutating func drawText(_ text: SceneText) { calls.append("text \(text.id) \"\(text.text)\"") }
    /// Records a text block call.
    public mutating func drawTextBlock(_ block: SceneTextBlock) { calls.append("textBlock \(block.id)") }
    /// Records a group start.
    public mutating func beginGroup(_ group: SceneGroup) { calls.append("begin \(group.id)") }
    /// Records a group end.
    public mutating func endGroup(_ group: SceneGroup) { calls.append("end \(group.id)") }
}
