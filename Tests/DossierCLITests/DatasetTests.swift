import Foundation
import Testing

/// The curated datasets: valid under their own schema, and complete with respect to the
/// cases the source report names.
@Suite struct DatasetTests {
    @Test func datasetsAreValid() throws {
        let result = try dossier(["validate", Repository.root.appendingPathComponent("datasets/datapackage.json").path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("7 resources"), "\(result.stdout)")
    }

    /// Every case the source report's executive summary names is in cases.csv.
    @Test(arguments: [
        ("Cauchari", "ARG"), ("Jujuy–Guizhou", "ARG"), ("Coquimbo Region–Henan", "CHL"),
        ("Agua Negra", "CHL"), ("Heredia", "CRI"), ("Huawei smartphone plant in São Paulo", "BRA"),
        ("Consórcio Nordeste", "BRA"), ("Governor of Panamá Province", "PAN"), ("Jamaica", "JAM"),
        ("Tren Maya", "MEX"), ("Dos Bocas", "MEX"), ("Surveillance systems", ""),
    ])
    func reportCaseIsPresent(title: String, country: String) throws {
        let text = try String(contentsOf: Repository.root.appendingPathComponent("datasets/cases.csv"), encoding: .utf8)
        let rows = text.split(separator: "\n").filter { $0.contains(title) }
        #expect(!rows.isEmpty, "no case titled \(title)")
        if !country.isEmpty {
            #expect(rows.contains { $0.contains(",\(country),") }, "\(title) is not coded to \(country)")
        }
    }

    /// The national-level contrast cases are marked central, so analyses can exclude them.
    @Test func contrastCasesAreCentral() throws {
        let text = try String(contentsOf: Repository.root.appendingPathComponent("datasets/cases.csv"), encoding: .utf8)
        for title in ["Tren Maya", "Dos Bocas", "Surveillance systems"] {
            let rows = text.split(separator: "\n").filter { $0.contains(title) }
            #expect(!rows.isEmpty && rows.allSatisfy { $0.contains(",central,") }, "\(title) is not central")
        }
    }
}
