/// Paper sizes a report can ask for (front matter `paper:`). The report names the size;
/// DossierLayout knows its dimensions.
package enum PaperSize: String, Sendable, Decodable, CaseIterable {
    case a4, letter
}
