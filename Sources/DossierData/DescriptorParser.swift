import DossierBase
import Foundation

/// Reads `datapackage.json` (and schema files it references) into ``Resource``s.
///
/// Every path the descriptor names is confined to the project root (see ``ProjectRoot``): a
/// path outside it, a URL or a device is an error at the position of the string naming it.
struct DescriptorParser {
    /// The descriptor, confined to the project root every named file must lie in.
    let descriptor: ConfinedDescriptor
    /// How the files read are listed and printed.
    let listing: PackageListing
    /// Descriptor path as printed.
    var displayPath: String { listing.displayPath }
    /// Files read so far, absolute, and as printed.
    var files: [URL] = []
    var filePaths: [String] = []
    /// The names of the files read after the descriptor, as the descriptor gives them
    /// (``DataPackage/fileNames``).
    var fileNames: [String] = []
    /// The bytes of each JSON file read, by printed path (to turn offsets into line:column).
    var sources: [String: [UInt8]] = [:]
    /// Where each resource's `path` string is written in the descriptor, by resource name.
    var pathOffsets: [String: Int] = [:]

    init(descriptor: ConfinedDescriptor, listing: PackageListing) {
        self.descriptor = descriptor
        self.listing = listing
    }

    /// How a file the descriptor names is listed in ``files``: as named, made absolute.
    func listed(_ name: String) -> URL { listing.listed(name) }

    func display(_ relative: String) -> String { listing.display(relative) }

    func diag(_ message: String, code: DiagnosticCode = .descriptorError, file: String? = nil) -> Diagnostic {
        Diagnostic(file: file ?? displayPath, code: code, message: message)
    }

    /// A diagnostic at the value starting at byte `offset` of the JSON file printed as `file`.
    func diag(_ message: String, code: DiagnosticCode = .descriptorError, file: String? = nil, at offset: Int) -> Diagnostic {
        let file = file ?? displayPath
        guard let bytes = sources[file] else { return diag(message, code: code, file: file) }
        let (line, column) = JSONParser.lineAndColumn(of: offset, in: bytes)
        return Diagnostic(file: file, line: line, column: column, code: code, message: message)
    }

    /// The confined file a string value of the descriptor names, or `nil` after reporting why
    /// it cannot be read: a missing file as `missing(display)` (exit 66), anything else at the
    /// string's position (exit 65).
    func confine(_ value: JSONValue, named name: String, file: String? = nil, sink: inout DiagnosticSink,
                 missing: (String) -> Diagnostic) -> ConfinedPath? {
        switch descriptor.confine(name) {
        case let .success(path):
            return path
        case let .failure(problem):
            if problem.isMissing {
                sink.add(missing(display(name)))
            } else {
                sink.add(diag(problem.message(for: name), code: .badPath, file: file, at: value.offset))
            }
            return nil
        }
    }

    /// Parses JSON from a confined file, reporting problems (size limit, syntax, nesting).
    /// The file is listed in ``files`` as `url` (as named, not resolved), and in ``fileNames``
    /// as `name` (nil: the descriptor itself).
    mutating func readJSON(_ path: ConfinedPath, listedAs url: URL, named name: String?, display: String,
                           sink: inout DiagnosticSink) -> JSONValue? {
        let data: [UInt8]
        do {
            data = try path.readAll(limit: JSONParser.Limits.fileBytes)
        } catch {
            let code: DiagnosticCode
            switch error {
            case .notFound: code = .fileNotFound
            case .tooLarge: code = .fileTooLarge
            default: code = .ioError
            }
            let message = error.isMissing ? DiagnosticCatalogue.fileNotFound(display) : error.message(for: display)
            sink.add(diag(message, code: code, file: display))
            return nil
        }
        files.append(url)
        filePaths.append(display)
        if let name { fileNames.append(name) }
        sources[display] = data
        do {
            let value = try JSONParser.parse(data)
            guard value.object != nil else {
                sink.add(diag(DiagnosticCatalogue.invalidJSON("found \(Self.kindName(value)) at the top level, expected an object"),
                              code: .invalidJSON, file: display, at: value.offset))
                return nil
            }
            return value
        } catch {
            sink.add(diag(DiagnosticCatalogue.invalidJSON(error.message), code: .invalidJSON, file: display, at: error.offset))
            return nil
        }
    }

    static func kindName(_ value: JSONValue) -> String {
        switch value.kind {
        case .null: return "null"
        case .bool: return "true or false"
        case .int, .double: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
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
        pathOffsets[name] = r["path"]?.offset
        var schemaJSON = r["schema"]
        var schemaDisplay = displayPath
        if let schemaValue = schemaJSON, let schemaPath = schemaValue.string {
            schemaDisplay = display(schemaPath)
            let shown = schemaDisplay
            guard let file = confine(schemaValue, named: schemaPath, sink: &sink, missing: { _ in
                diag(DiagnosticCatalogue.fileNotFound(shown), code: .fileNotFound, file: shown)
            }) else { return nil }
            schemaJSON = readJSON(file, listedAs: listed(schemaPath), named: schemaPath, display: schemaDisplay, sink: &sink)
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
        switch (j.kind, type) {
        case (.string(let s), .string): return .string(s)
        case (.double(let d), .integer), (.double(let d), .year):
            guard let i = j.int, Double(i) == d else { return nil }
            return .integer(i)
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
            sink.add(diag(DiagnosticCatalogue.badConstraint(field: field.name, constraint: name, value: value.literal, expected: expected),
                          file: file, at: value.offset))
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
                // A pattern BytePattern compiles is a valid Regex: only the others are compiled here.
                do { if BytePattern(s) == nil { _ = try Regex(s) }; out.pattern = s } catch {
                    sink.add(self.diag(DiagnosticCatalogue.badPattern(field: field.name, pattern: s, detail: "\(error)"), file: file))
                    ok = false
                }
            } else { bad("pattern", p, "a regular expression string") }
        }
        return ok ? out : nil
    }
}
