import DossierData
import DossierReport

/// A second key for an analysis result: the rows the analysis reads, as prepared (after its
/// `join`, `derive`, `where` and `exclude`), with only the columns it can read. An edit of a
/// column no analysis names (a note) changes the CSV, so the first key (the file's content)
/// misses; this one finds the result again without running the analysis (no Monte-Carlo or
/// permutation test drawn again).
///
/// Exact because of how an analysis reads its rows: a kind that prepares rows reads them only
/// through ``TablePreparation`` by the field names its own parameters hold (`x`, `by`,
/// `rows`, `success.field`, …) and through the row count; `rows` reads every column; a
/// `sensitivity` runs its variants (each such an analysis) and reads nothing else. So the key
/// holds the front matter's text, the analysis id, the package descriptor and schemas and,
/// for the analysis (or each variant), the prepared table's name, row count and every field's
/// name and type, and the cells of every column whose name is a string anywhere in the kind's
/// parameters (all of them for `rows`). A kind that reads no table (`adjust`) has no such key.
enum PreparedRowsKey {
    /// The key of `analysis` by its prepared rows (`schemas`: the package's descriptor and
    /// schemas); nil for a kind that has none, when the rows cannot be prepared (running the
    /// analysis reports why) or a schema cannot be read.
    static func key(of analysis: AnalysisSpec, in session: BuildCacheSession, preparation: TablePreparation,
                    schemas: Set<String>) -> CacheKey? {
        guard let readers = readers(of: analysis) else { return nil }
        var key = session.cache.key("analysis-rows")
        key.add("front matter", session.frontMatterDigest)
        key.add("analysis", analysis.id)
        for (position, reader) in readers.enumerated() {
            let columns: Set<String>?
            if case .rows = reader.kind {
                columns = nil
            } else {
                columns = session.namedColumns(of: reader, in: analysis.id, position: position)
            }
            guard let rows = rowsBytes(of: reader, columns: columns, preparation: preparation) else { return nil }
            key.add("rows", bytes: rows)
        }
        guard session.digests.add(schemas, to: &key) else { return nil }
        return key.key
    }

    /// The analyses whose prepared rows `analysis`'s key holds: a `sensitivity`'s variants,
    /// else the analysis itself; nil when one of them does not compute its result from one
    /// prepared table alone (then the analysis has no rows key).
    static func readers(of analysis: AnalysisSpec) -> [AnalysisSpec]? {
        let readers: [AnalysisSpec]
        if case let .sensitivity(sensitivity) = analysis.kind {
            readers = sensitivity.nestedAnalyses
        } else {
            readers = [analysis]
        }
        let covered = readers.allSatisfy { reader in
            let parameters = reader.kind.parameters
            let kind = type(of: parameters)
            return kind.preparesRows && kind.readsTable && parameters.nestedAnalyses.isEmpty && parameters.dependencies.isEmpty
        }
        return covered ? readers : nil
    }

    /// The bytes of the prepared rows `analysis` (one of ``readers(of:)``) reads, with the
    /// cells of `columns` (every column when nil); nil when its rows cannot be prepared.
    private static func rowsBytes(of analysis: AnalysisSpec, columns: Set<String>?, preparation: TablePreparation) -> [UInt8]? {
        guard let table = try? preparation.prepare(table: analysis.table, join: analysis.join, derive: analysis.derive,
                                                   where: analysis.where, exclude: analysis.exclude) else { return nil }
        return bytes(of: table, columns: columns)
    }

    /// The bytes of `table`'s shape (name, row count, fields with their types) and of the cells
    /// of the columns named in `columns` (every column when nil), in field order.
    static func bytes(of table: Table, columns: Set<String>?) -> [UInt8] {
        var writer = CacheByteWriter()
        writer.string(table.name)
        writer.integer(table.rowCount)
        writer.integer(table.fields.count)
        for field in table.fields {
            writer.string(field.name)
            writer.string(field.type.rawValue)
        }
        for (index, field) in table.fields.enumerated() where columns?.contains(field.name) ?? true {
            guard let column = table.column(named: field.name) else { continue }
            writer.integer(index)
            write(column, into: &writer)
        }
        return writer.bytes
    }

    /// Every string in the parameters of `analysis`'s kind (the field names it reads among
    /// them), read by reflection: a field named there, under whatever key, is a column the key
    /// holds. (Its `derive`, `where`, `join` and `exclude` are in the prepared rows already.)
    static func namedStrings(in analysis: AnalysisSpec) -> Set<String> {
        var strings: Set<String> = []
        collectStrings(in: analysis.kind.parameters, into: &strings)
        return strings
    }

    private static func collectStrings(in value: Any, into strings: inout Set<String>) {
        // The common leaves without a mirror (making one is most of the cost).
        switch value {
        case let string as String:
            strings.insert(string)
            return
        case let list as [String]:
            strings.formUnion(list)
            return
        case is Double, is Int, is Bool:
            return
        default:
            break
        }
        var mirror: Mirror? = Mirror(reflecting: value)
        while let current = mirror {
            for child in current.children { collectStrings(in: child.value, into: &strings) }
            mirror = current.superclassMirror
        }
    }

    private static func write(_ column: Column, into writer: inout CacheByteWriter) {
        switch column {
        case let .string(cells): write(tag: 0, cells, into: &writer) { $1.string($0) }
        case let .integer(cells): write(tag: 1, cells, into: &writer) { $1.integer($0) }
        case let .number(cells): write(tag: 2, cells, into: &writer) { $1.double($0) }
        case let .boolean(cells): write(tag: 3, cells, into: &writer) { $1.boolean($0) }
        case let .date(cells): write(tag: 4, cells, into: &writer) { $1.string($0.description) }
        }
    }

    /// A column's type tag, its length, then each cell: 0 when missing, else 1 and the value.
    private static func write<Cell>(tag: UInt8, _ cells: [Cell?], into writer: inout CacheByteWriter,
                                    value: (Cell, inout CacheByteWriter) -> Void) {
        writer.byte(tag)
        writer.integer(cells.count)
        for cell in cells {
            if let cell {
                writer.byte(1)
                value(cell, &writer)
            } else {
                writer.byte(0)
            }
        }
    }
}

extension BuildCacheSession {
    /// `analysis`'s result: from the cache under its file key (``analysisKey(_:files:)``), else
    /// under its prepared-rows key (``PreparedRowsKey``; then filed under the file key too, so
    /// the next build finds it by the first), else computed by `runner` and stored under both
    /// (one entry, two names).
    func result(of analysis: AnalysisSpec, fileKey: CacheKey?, runner: AnalysisRunner,
                schemas: Set<String>) throws(FormatFailure) -> ResultValue {
        if let cached = result(fileKey) { return cached }
        let rowsKey = PreparedRowsKey.key(of: analysis, in: self, preparation: runner.preparation, schemas: schemas)
        if let rowsKey, let cached = result(rowsKey) {
            store(cached, foundUnder: rowsKey, as: fileKey)
            return cached
        }
        let value = try runner.run(analysis)
        if let rowsKey {
            store(value, key: rowsKey)
            store(value, foundUnder: rowsKey, as: fileKey)
        } else {
            store(value, key: fileKey)
        }
        return value
    }
}
