// libFuzzer target for the CSV reader and the typed loader (not part of the SwiftPM build).
//
//   swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name DossierDataFuzz \
//       Sources/DossierData/*.swift Tests/DossierDataTests/Fixtures/fuzz/FuzzCSV.swift -o .build/fuzz-csv
//   mkdir -p .build/fuzz-corpus && .build/fuzz-csv -max_total_time=600 -rss_limit_mb=1024 \
//       -timeout=5 .build/fuzz-corpus Tests/DossierDataTests/Fixtures/fuzz/seeds
//
// Checks: no crash, no hang, bounded memory; reading in tiny chunks gives exactly the same
// records, lines and errors as reading in one piece; the typed loader never traps; loading the
// input cut in two or three (a parallel load) gives the same table and diagnostics as in one piece.
import Foundation

private func tokenizeAll(_ bytes: [UInt8], chunk: Int) -> [String] {
    var out: [String] = []
    let reader = CSVReader(bytes: bytes, dialect: CSVDialect(), chunkSize: chunk)
    do {
        try reader.scan(onRecord: { rec in
            var fields: [String] = []
            for i in 0..<rec.count { fields.append(rec.bytes(i).map { String($0) }.joined(separator: ".")) }
            out.append("\(rec.line):" + fields.joined(separator: "|"))
        }, onError: { e in out.append("error \(e)") })
    } catch {
        out.append("thrown \(error)")
    }
    return out
}

private let schema: TableSchema = {
    var code = Field(name: "code", type: .string)
    code.constraints.pattern = "[A-Z]{3}"
    var outcome = Field(name: "outcome", type: .string)
    outcome.constraints.enumValues = [.string("deal"), .string("no_results")]
    outcome.constraints.unique = true
    var amount = Field(name: "amount", type: .number)
    amount.constraints.minimum = .number(0)
    return TableSchema(fields: [Field(name: "id", type: .integer), code, outcome, amount,
                                Field(name: "day", type: .date), Field(name: "ok", type: .boolean),
                                Field(name: "year", type: .year)],
                       missingValues: ["", "NA"], primaryKey: ["id"])
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let whole = tokenizeAll(bytes, chunk: 1 << 16)
    let chunk = 1 + Int(bytes.first ?? 0) % 13
    let chunked = tokenizeAll(bytes, chunk: chunk)
    if whole != chunked { fatalError("chunk size \(chunk) changed the result") }

    var dialect = CSVDialect()
    dialect.header = size % 2 == 0
    let resource = Resource(name: "f", path: "f.csv", schema: schema, dialect: dialect)
    func load(_ targets: [Int]) -> (String, [Column]?) {
        var sink = DiagnosticSink(cap: 20)
        var loader = ResourceLoader(resource: resource, file: nil, displayPath: "f.csv")
        loader.bytes = bytes
        loader.plan = ChunkPlan(targets: targets)
        var columns: [Column]? = nil
        if let (table, _) = loader.load(sink: &sink) {
            columns = table.columns
            _ = try? table.countBy(["outcome"])
        }
        return (sink.finish().description, columns)
    }
    let serial = load([])
    let cut = size / 2 + Int(bytes.last ?? 0) % 7
    for targets in [[cut], [size / 3, cut, size - size / 4]] {
        let parts = load(targets)
        if parts.0 != serial.0 || parts.1 != serial.1 { fatalError("cutting at \(targets) changed the result") }
    }
    return 0
}
