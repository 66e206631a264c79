import Foundation

/// Reads `datapackage.json` (and schema files it references) into ``Resource``s.
struct DescriptorParser {
    /// Directory of the descriptor (absolute URL).
    let baseURL: URL
    /// Directory as printed ("" for the current directory).
    let displayBase: String
    /// Descriptor path as printed.
    let displayPath: String
    /// Files read so far, absolute, and as printed.
    var files: [URL] = []
    var filePaths: [String] = []

    func display(_ relative: String) -> String {
        displayBase.isEmpty ? relative : displayBase + "/" + relative
    }

    func diag(_ message: String, code: DiagnosticCode = .descriptorError, file: String? = nil) -> Diagnostic {
        Diagnostic(file: file ?? displayPath, code: code, message: message)
    }

    /// Parses JSON from a file, reporting problems.
    mutating func readJSON(_ url: URL, display: String, sink: inout DiagnosticSink) -> JSONValue? {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            let missing = !FileManager.default.fileExists(atPath: url.path)
            sink.add(diag(missing ? DiagnosticCatalogue.fileNotFound(display) : DiagnosticCatalogue.ioError("\(display): \(error.localizedDescription)"),
                           code: missing ? .fileNotFound : .ioError, file: display))
            return nil
        }
        files.append(url)
        filePaths.append(display)
        do {
            return try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            let (detail, line, column) = Self.locateJSONError(data)
            sink.add(Diagnostic(file: display, line: line, column: column, code: .invalidJSON,
                                message: DiagnosticCatalogue.invalidJSON(detail)))
            return nil
        }
    }

    /// Re-parses with JSONSerialization to get "… around character N", then maps N to line:column.
    static func locateJSONError(_ data: Data) -> (String, Int?, Int?) {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return ("the top level is not an object", nil, nil)
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
            guard let range = detail.range(of: "character "),
                  let offset = Int(detail[range.upperBound...].prefix { $0.isNumber }) else { return (detail, nil, nil) }
            var line = 1, column = 1
            for (i, b) in data.enumerated() {
                if i >= offset { break }
                if b == 10 { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
            }
            let cleaned = detail.replacingOccurrences(of: #" around (line \d+, column \d+|character \d+)\.?"#, with: "", options: .regularExpression)
            return (cleaned, line, column)
        }
    }

    /// Parses the package descriptor.
    mutating func parsePackage(_ json: JSONValue, sink: inout DiagnosticSink) -> (name: String?, resources: [Resource])? {
        guard let list = json["resources"]?.array, !list.isEmpty else {
            sink.add(diag(DiagnosticCatalogue.noResources))
            return nil
        }
        var resources: [Resource] = []
        var ok = true
        for (i, r) in list.enumerated() {
            if let res = parseResource(r, index: i, sink: &sink) { resources.append(res) } else { ok = false }
        }
        // Names must be unique.
        var seen = Set<String>()
        for r in resources where !seen.insert(r.name).inserted {
            sink.add(diag(DiagnosticCatalogue.duplicateResourceName(r.name)))
            ok = false
        }
        // Foreign keys must reference existing resources and fields.
        let byName = Dictionary(resources.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for r in resources {
            for fk in r.schema.foreignKeys {
                let target = fk.referenceResource.isEmpty ? r : byName[fk.referenceResource]
                guard let target else {
                    sink.add(diag(DiagnosticCatalogue.unknownReferenceResource(fk.referenceResource, resources: resources.map(\.name))))
                    ok = false
                    continue
                }
                for f in fk.referenceFields where target.schema.fieldIndex(named: f) == nil {
                    sink.add(diag(DiagnosticCatalogue.unknownKeyField(f, key: "foreign key reference to \"\(target.name)\"", fields: target.schema.fields.map(\.name))))
                    ok = false
                }
            }
        }
        return ok ? (json["name"]?.string, resources) : nil
    }

    mutating func parseResource(_ r: JSONValue, index: Int, sink: inout DiagnosticSink) -> Resource? {
        guard r.object != nil else {
            sink.add(diag(DiagnosticCatalogue.resourceNotObject(index)))
            return nil
        }
        let name = r["name"]?.string ?? "resource\(index + 1)"
        if r["name"]?.string == nil {
            sink.add(diag(DiagnosticCatalogue.resourceMissing(index, key: "name", expected: "a resource name")))
            return nil
        }
        if r["path"]?.array != nil {
            sink.add(diag(DiagnosticCatalogue.unsupportedMultipart(name), code: .unsupported))
            return nil
        }
        guard let path = r["path"]?.string else {
            sink.add(diag(DiagnosticCatalogue.resourceMissing(index, key: "path", expected: "a CSV path")))
            return nil
        }
        var schemaJSON = r["schema"]
        var schemaDisplay = displayPath
        if let schemaPath = schemaJSON?.string {
            schemaDisplay = display(schemaPath)
            schemaJSON = readJSON(baseURL.appendingPathComponent(schemaPath), display: schemaDisplay, sink: &sink)
            if schemaJSON == nil { return nil }
        }
        guard let schemaJSON, schemaJSON.object != nil else {
            sink.add(diag(DiagnosticCatalogue.resourceMissing(index, key: "schema", expected: "a Table Schema")))
            return nil
        }
        guard let schema = parseSchema(schemaJSON, resource: name, file: schemaDisplay, sink: &sink) else { return nil }
        var dialect = CSVDialect()
        if let d = r["dialect"] {
            if let delim = d["delimiter"]?.string {
                guard delim.utf8.count == 1, let b = delim.utf8.first else {
                    sink.add(diag(DiagnosticCatalogue.badDelimiter(resource: name, delimiter: delim)))
                    return nil
                }
                dialect.delimiter = b
            }
            if let q = d["quoteChar"]?.string, q.utf8.count == 1, let b = q.utf8.first { dialect.quote = b }
            if let h = d["header"]?.bool { dialect.header = h }
        }
        return Resource(name: name, path: path, title: r["title"]?.string, description: r["description"]?.string,
                        schema: schema, dialect: dialect)
    }

    func parseSchema(_ s: JSONValue, resource: String, file: String, sink: inout DiagnosticSink) -> TableSchema? {
        func fail(_ m: String) { sink.add(diag(m, file: file)) }
        guard let list = s["fields"]?.array, !list.isEmpty else {
            fail(DiagnosticCatalogue.noFields(resource: resource))
            return nil
        }
        var ok = true
        var fields: [Field] = []
        var names = Set<String>()
        for f in list {
            guard let name = f["name"]?.string else {
                fail(DiagnosticCatalogue.fieldWithoutName(resource: resource))
                ok = false
                continue
            }
            if !names.insert(name).inserted { fail(DiagnosticCatalogue.duplicateFieldName(name)); ok = false }
            let typeName = f["type"]?.string ?? "string"
            guard let type = FieldType(rawValue: typeName) else {
                fail(DiagnosticCatalogue.unknownFieldType(field: name, type: typeName))
                ok = false
                continue
            }
            var field = Field(name: name, type: type, format: f["format"]?.string, title: f["title"]?.string,
                              description: f["description"]?.string)
            if let t = f["trueValues"]?.stringList { field.trueValues = t }
            if let t = f["falseValues"]?.stringList { field.falseValues = t }
            if type == .date, FieldParsers.DateFormat(field.format) == nil {
                fail(DiagnosticCatalogue.unsupportedFormat(field: name, format: field.format ?? ""))
                ok = false
            }
            if let c = f["constraints"] {
                guard let parsed = parseConstraints(c, field: field, file: file, sink: &sink) else { ok = false; continue }
                field.constraints = parsed
            }
            fields.append(field)
        }
        var missing = [""]
        if let mv = s["missingValues"] {
            guard let list = mv.stringList, mv.array != nil else {
                fail(DiagnosticCatalogue.badMissingValues(resource: resource, found: mv.literal))
                return nil
            }
            missing = list
        }
        let fieldNames = fields.map(\.name)
        var pk: [String] = []
        if let p = s["primaryKey"] {
            guard let list = p.stringList else {
                fail(DiagnosticCatalogue.badPrimaryKey(resource: resource, found: p.literal))
                return nil
            }
            for name in list where !fieldNames.contains(name) {
                fail(DiagnosticCatalogue.unknownKeyField(name, key: "primaryKey", fields: fieldNames))
                ok = false
            }
            pk = list
        }
        var fks: [ForeignKey] = []
        for fk in s["foreignKeys"]?.array ?? [] {
            guard let local = fk["fields"]?.stringList, let ref = fk["reference"],
                  let refFields = ref["fields"]?.stringList else {
                fail(DiagnosticCatalogue.badForeignKey(resource: resource))
                ok = false
                continue
            }
            for name in local where !fieldNames.contains(name) {
                fail(DiagnosticCatalogue.unknownKeyField(name, key: "foreign key", fields: fieldNames))
                ok = false
            }
            if local.count != refFields.count {
                fail(DiagnosticCatalogue.foreignKeyArity(local: local.count, reference: refFields.count))
                ok = false
            }
            fks.append(ForeignKey(fields: local, referenceResource: ref["resource"]?.string ?? "", referenceFields: refFields))
        }
        return ok ? TableSchema(fields: fields, missingValues: missing, primaryKey: pk, foreignKeys: fks) : nil
    }

    /// Parses a constraint bound / enum value in the field's type (JSON native or a string to parse).
    static func typedValue(_ j: JSONValue, type: FieldType, field: Field) -> Value? {
        switch (j, type) {
        case (.string(let s), .string): return .string(s)
        case (.int(let i), .integer), (.int(let i), .year): return .integer(i)
        case (.int(let i), .number): return .number(Double(i))
        case (.double(let d), .number): return .number(d)
        case (.bool(let b), .boolean): return .boolean(b)
        case (.string(let s), _):
            let bytes = Array(s.utf8)
            return bytes.withUnsafeBufferPointer { b -> Value? in
                switch type {
                case .string: return .string(s)
                case .integer: return FieldParsers.integer(b).map(Value.integer)
                case .year: return FieldParsers.year(b).map(Value.integer)
                case .number: return FieldParsers.number(b).map(Value.number)
                case .boolean:
                    if field.trueValues.contains(s) { return .boolean(true) }
                    if field.falseValues.contains(s) { return .boolean(false) }
                    return nil
                case .date: return FieldParsers.date(b, format: FieldParsers.DateFormat(field.format) ?? .iso).map(Value.date)
                }
            }
        default: return nil
        }
    }

    func parseConstraints(_ c: JSONValue, field: Field, file: String, sink: inout DiagnosticSink) -> FieldConstraints? {
        var out = FieldConstraints()
        var ok = true
        func bad(_ name: String, _ value: JSONValue, _ expected: String) {
            sink.add(diag(DiagnosticCatalogue.badConstraint(field: field.name, constraint: name, value: value.literal, expected: expected), file: file))
            ok = false
        }
        let typeWord = DiagnosticCatalogue.typeExpectation(field)
        if let r = c["required"] { if let b = r.bool { out.required = b } else { bad("required", r, "true or false") } }
        if let u = c["unique"] { if let b = u.bool { out.unique = b } else { bad("unique", u, "true or false") } }
        if let e = c["enum"] {
            if let list = e.array {
                var values: [Value] = []
                for v in list {
                    if let tv = Self.typedValue(v, type: field.type, field: field) { values.append(tv) } else { bad("enum", v, typeWord) }
                }
                out.enumValues = values
            } else { bad("enum", e, "a list of values") }
        }
        for key in ["minimum", "maximum"] {
            guard let m = c[key] else { continue }
            guard [.integer, .number, .year, .date].contains(field.type) else { bad(key, m, "no \(key) on a \(field.type.rawValue) field"); continue }
            guard let v = Self.typedValue(m, type: field.type, field: field) else { bad(key, m, typeWord); continue }
            if key == "minimum" { out.minimum = v } else { out.maximum = v }
        }
        for key in ["minLength", "maxLength"] {
            guard let m = c[key] else { continue }
            guard let v = m.int, v >= 0 else { bad(key, m, "a non-negative integer"); continue }
            if key == "minLength" { out.minLength = v } else { out.maxLength = v }
        }
        if let p = c["pattern"] {
            if let s = p.string {
                do { _ = try Regex(s); out.pattern = s } catch {
                    sink.add(self.diag(DiagnosticCatalogue.badPattern(field: field.name, pattern: s, detail: "\(error)"), file: file))
                    ok = false
                }
            } else { bad("pattern", p, "a regular expression string") }
        }
        return ok ? out : nil
    }
}
