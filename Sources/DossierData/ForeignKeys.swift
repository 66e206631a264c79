import DossierBase
import Foundation

/// Checks every foreign key of every loaded table against its target table.
enum ForeignKeyChecks {
    /// Key normalisation: values compare as typed when both sides share a type, else as text.
    private static func key(_ cols: [Column], _ row: Int, asText: Bool) -> [Value]? {
        var k: [Value] = []
        k.reserveCapacity(cols.count)
        for c in cols {
            let v = c[row]
            if v.isNull { return nil }
            k.append(asText ? .string(v.description) : v)
        }
        return k
    }

    /// Text keys: look raw bytes up in a byte set of the target values, no Strings made.
    private static func checkText(_ local: StringStorage, _ target: ColumnStorage, table: Table, fk: ForeignKey, column: Int,
                                  targetName: String, displayPath: String, sink: inout DiagnosticSink) {
        var set = ByteStringSet()
        switch target {
        case .text(let t):
            t.forEachCell { r, b in if let b { set.insert(b, payload: r) } }
        case .typed, .chunked, .gathered:
            for (r, v) in (target.column.strings ?? []).enumerated() {
                guard var v else { continue }
                v.withUTF8 { _ = set.insert($0, payload: r) }
            }
        }
        let targets = set
        // Short codes (every target value 1 to 7 bytes): rows are looked up as words.
        var shortKeys: ShortKeySet? = nil
        if case .text(let t) = target {
            var values: [UnsafeBufferPointer<UInt8>] = []
            t.forEachCell { _, b in if let b { values.append(b) } }
            shortKeys = withExtendedLifetime(t) { ShortKeySet(values) }
        }
        let missing = shortKeys.map { keys in local.presentRows(where: { !keys.contains($0) }) }
            ?? local.presentRows(where: { !targets.contains($0) })
        for r in missing {
            let text = local.string(r) ?? ""
            let hint = set.count <= 5_000 ? NameHint.closest(to: text, in: set.values.sorted(), reach: .values) : nil
            sink.add(Diagnostic(
                file: displayPath, line: table.sourceLines[r], column: column, code: .foreignKey,
                message: DiagnosticCatalogue.foreignKeyMissing(
                    fields: fk.fields, value: text, resource: targetName, referenceFields: fk.referenceFields, suggestion: hint)))
        }
    }

    /// Fast path for single-field keys of the same storage type; false if not applicable.
    private static func checkSingle(_ local: Column, _ target: Column, table: Table, fk: ForeignKey, column: Int,
                                    targetName: String, displayPath: String, sink: inout DiagnosticSink) -> Bool {
        func report(_ r: Int, _ text: String, _ candidates: () -> [String]) {
            let c = candidates()
            sink.add(Diagnostic(
                file: displayPath, line: table.sourceLines[r], column: column, code: .foreignKey,
                message: DiagnosticCatalogue.foreignKeyMissing(
                    fields: fk.fields, value: text, resource: targetName, referenceFields: fk.referenceFields,
                    suggestion: c.count <= 5_000 ? NameHint.closest(to: text, in: c, reach: .values) : nil)))
        }
        switch (local, target) {
        case let (.string(l), .string(t)):
            let set = Set(t.compactMap { $0 })
            for (r, v) in l.enumerated() {
                guard let v, !set.contains(v) else { continue }
                report(r, v) { set.sorted() }
            }
            return true
        case let (.integer(l), .integer(t)):
            let set = Set(t.compactMap { $0 })
            for (r, v) in l.enumerated() {
                guard let v, !set.contains(v) else { continue }
                report(r, String(v)) { [] }
            }
            return true
        default:
            return false
        }
    }

    static func check(resource: Resource, table: Table, tables: [String: Table], displayPath: String, sink: inout DiagnosticSink) {
        for fk in resource.schema.foreignKeys {
            let targetName = fk.referenceResource.isEmpty ? resource.name : fk.referenceResource
            // The target failed to load or lost rows (already reported): nothing reliable to check against.
            guard let target = tables[targetName] else { continue }
            let localIdx = fk.fields.compactMap { table.columnIndex(named: $0) }
            let targetIdx = fk.referenceFields.compactMap { target.columnIndex(named: $0) }
            guard localIdx.count == fk.fields.count, targetIdx.count == fk.referenceFields.count,
                  localIdx.count == targetIdx.count, table.sourceLines.count == table.rowCount else { continue }
            if localIdx.count == 1, case .text(let local) = table.storage[localIdx[0]],
               target.fields[targetIdx[0]].type == .string {
                checkText(local, target.storage[targetIdx[0]], table: table, fk: fk, column: localIdx[0] + 1,
                          targetName: targetName, displayPath: displayPath, sink: &sink)
                continue
            }
            if localIdx.count == 1,
               checkSingle(table.storage[localIdx[0]].column, target.storage[targetIdx[0]].column, table: table, fk: fk,
                           column: localIdx[0] + 1, targetName: targetName, displayPath: displayPath, sink: &sink) {
                continue
            }
            let asText = zip(localIdx, targetIdx).contains { table.fields[$0].type != target.fields[$1].type }
            let lcols = localIdx.map { table.storage[$0].column }
            let tcols = targetIdx.map { target.storage[$0].column }
            var targets = Set<[Value]>(minimumCapacity: target.rowCount)
            for r in 0..<target.rowCount {
                if let k = key(tcols, r, asText: asText) { targets.insert(k) }
            }
            // Suggestions only when the target is small enough to scan.
            let candidates: [String] = targets.count <= 5_000 && fk.fields.count == 1
                ? targets.map { $0[0].description }.sorted() : []
            for r in 0..<table.rowCount {
                guard let k = key(lcols, r, asText: asText), !targets.contains(k) else { continue }
                let text = k.map(\.description).joined(separator: ", ")
                let hint = candidates.isEmpty ? nil : NameHint.closest(to: text, in: candidates, reach: .values)
                sink.add(Diagnostic(
                    file: displayPath, line: table.sourceLines[r], column: localIdx[0] + 1, code: .foreignKey,
                    message: DiagnosticCatalogue.foreignKeyMissing(fields: fk.fields, value: text, resource: targetName,
                                                                   referenceFields: fk.referenceFields, suggestion: hint)))
            }
        }
    }
}
