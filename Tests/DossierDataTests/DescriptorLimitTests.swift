import DossierBase
import Foundation
import Testing
@testable import DossierData

/// Descriptor files over the size limit, bad JSON, and bounded quotations of long values.
@Suite struct DescriptorLimitTests {
    private func package(_ descriptor: String, csv: String) throws -> URL {
        let dir = try temporaryDirectory()
        try Data(descriptor.utf8).write(to: dir.appendingPathComponent("datapackage.json"))
        try Data(csv.utf8).write(to: dir.appendingPathComponent("t.csv"))
        return dir
    }

    private let schema = #"{"fields": [{"name": "a", "type": "string", "constraints": {"enum": ["x", "y"]}}]}"#

    @Test func aDescriptorOverTheSizeLimitIsRefusedBeforeReading() throws {
        let padding = String(repeating: " ", count: JSONParser.Limits.fileBytes)
        let dir = try package(#"{"resources": []}"# + padding, csv: "a\nx\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let v = DataPackage.validate(at: dir.appendingPathComponent("datapackage.json"))
        let text = v.failure?.description ?? ""
        #expect(v.failure?.diagnostics.first?.code == .fileTooLarge)
        #expect(text.contains("is too large — found \(JSONParser.Limits.fileBytes + 17) bytes, expected at most 8388608 bytes"))
    }

    @Test func aSyntaxErrorIsReportedAtItsLineAndColumn() throws {
        let dir = try package("{\n  \"resources\": [,]\n}", csv: "a\nx\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let v = DataPackage.validate(at: dir.appendingPathComponent("datapackage.json"))
        let first = v.failure?.diagnostics.first
        #expect(first?.code == .invalidJSON)
        #expect(first?.line == 2 && first?.column == 17)
    }

    /// A 200 KB cell not in the enum is quoted in about 80 characters.
    @Test func aLongCellIsQuotedBriefly() throws {
        let cell = "B" + String(repeating: "é", count: 200_000) + "E"
        let descriptor = #"{"resources": [{"name": "t", "path": "t.csv", "schema": \#(schema)}]}"#
        let dir = try package(descriptor, csv: "a\n" + cell + "\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let v = DataPackage.validate(at: dir.appendingPathComponent("datapackage.json"))
        let message = v.failure?.diagnostics.first?.message ?? ""
        #expect(message.hasPrefix("value not allowed in field \"a\" — found \"Bééé"))
        #expect(message.count < 200, "\(message.count) characters")
    }

    /// A resource path outside the project is an error at the string's position, and the file
    /// is not read (its first line would be the header, its others enum errors).
    @Test func aPathOutsideTheProjectIsAnErrorAtItsPosition() throws {
        let top = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: top) }
        let project = top.appendingPathComponent("project")
        try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
        try Data().write(to: project.appendingPathComponent(ProjectRoot.markerFileName))
        try Data("a\nSECRETVALUE\n".utf8).write(to: top.appendingPathComponent("secret.csv"))
        let descriptor = "{\"resources\": [\n  {\"name\": \"t\", \"path\": \"../secret.csv\", \"schema\": \(schema)}]}"
        try Data(descriptor.utf8).write(to: project.appendingPathComponent("datapackage.json"))
        let v = DataPackage.validate(at: project.appendingPathComponent("datapackage.json"))
        let first = v.failure?.diagnostics.first
        #expect(first?.code == .badPath)
        #expect(first?.line == 2 && first?.column == 25)
        #expect(first?.message.contains("leads outside the project") == true)
        let text = v.failure?.description ?? ""
        #expect(text.range(of: "SECRETVALUE") == nil)
        #expect(!v.files.contains { $0.lastPathComponent == "secret.csv" })
    }
}
