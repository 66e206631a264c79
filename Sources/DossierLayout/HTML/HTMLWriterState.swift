/// What the HTML writer has given out while writing the body: ids, heading numbers, the
/// outline, figure and table numbers, cited sources and footnotes. A block's HTML depends on
/// its own content, the document's footnote definitions and computed tables, and this state
/// before it; writing it changes the state only through ``apply(_:)``, by ``Change``s (the
/// setters are private to this file), so that the changes one block made can be recorded and
/// replayed: a block whose HTML an earlier build wrote in the same state is taken from the
/// build cache with its changes (``HTMLBlockStore``), and the state after it is the same as if
/// it had been written again.
package struct HTMLWriterState: Equatable, Sendable {
    /// A footnote, numbered and already written as HTML.
    package struct Note: Equatable, Sendable {
        package var number: Int
        package var text: String
        package init(number: Int, text: String) {
            self.number = number
            self.text = text
        }
    }

    /// A heading of the table of contents.
    package struct OutlineEntry: Equatable, Sendable {
        package var level: Int
        package var number: String
        package var title: String
        package var id: String
        package init(level: Int, number: String, title: String, id: String) {
            self.level = level
            self.number = number
            self.title = title
            self.id = id
        }
    }

    /// One change of the state, as the writer makes it.
    package enum Change: Equatable, Sendable {
        /// An id given out.
        case id(String)
        /// The heading counters after a numbered heading.
        case headingCounters([Int])
        /// A heading of the outline.
        case outline(OutlineEntry)
        /// A figure's number.
        case figureNumber(id: String, number: Int)
        /// A computed table's number.
        case tableNumber(id: String, number: Int)
        /// A source cited for the first time (it takes the next number).
        case citedSource(String)
        /// A footnote label's number.
        case footnoteNumber(label: String, number: Int)
        /// How many references to a footnote label are written so far.
        case footnoteReferenceCount(label: String, count: Int)
        /// A footnote's text, written at its first reference.
        case note(Note)
    }

    package private(set) var footnoteNumbers: [String: Int] = [:]
    package private(set) var footnoteReferenceCounts: [String: Int] = [:]
    package private(set) var notes: [Note] = []
    package private(set) var citedSources: [String] = []
    /// Each cited source's number (its place in `citedSources`, from 1): a 1000× table cites
    /// a source in each of 100,000 rows.
    package private(set) var citedSourceNumbers: [String: Int] = [:]
    package private(set) var figureNumbers: [String: Int] = [:]
    package private(set) var tableNumbers: [String: Int] = [:]
    package private(set) var outline: [OutlineEntry] = []
    package private(set) var headingCounters = [0, 0, 0]
    /// Ids given out so far; the fixed ones of the title block, contents, notes and sources
    /// are taken from the start.
    package private(set) var usedIDs: Set<String> = ["main", "toc-title", "findings-title", "notes", "notes-title", "sources", "sources-title"]

    package init() {}

    /// Makes `change`.
    package mutating func apply(_ change: Change) {
        switch change {
        case let .id(id): usedIDs.insert(id)
        case let .headingCounters(counters): headingCounters = counters
        case let .outline(entry): outline.append(entry)
        case let .figureNumber(id, number): figureNumbers[id] = number
        case let .tableNumber(id, number): tableNumbers[id] = number
        case let .citedSource(id):
            citedSources.append(id)
            citedSourceNumbers[id] = citedSources.count
        case let .footnoteNumber(label, number): footnoteNumbers[label] = number
        case let .footnoteReferenceCount(label, count): footnoteReferenceCounts[label] = count
        case let .note(note): notes.append(note)
        }
    }
}
