import Testing
@testable import DossierBase

struct NameHintTests {
    @Test func distance() {
        #expect(NameHint.distance("kitten", "sitting") == 3)
        #expect(NameHint.distance("", "abc") == 3)
        #expect(NameHint.distance("São", "Sao") == 1)
    }

    @Test func namesReachTwoEditsOrAThird() {
        #expect(NameHint.closest(to: "fxd", in: ["fixed", "count"]) == "fixed")
        #expect(NameHint.closest(to: "strokeDahs", in: ["strokeDash", "stroke"]) == "strokeDash")
        #expect(NameHint.closest(to: "COUNT", in: ["count"]) == "count", "case is ignored")
        #expect(NameHint.closest(to: "ab", in: ["ba", "ab2"]) == "ab2", "nearest first")
        #expect(NameHint.closest(to: "xy", in: ["xb", "xa"]) == "xa", "ties go to the alphabetically first")
        #expect(NameHint.closest(to: "something", in: ["other"]) == nil)
        #expect(NameHint.closest(to: "lightblue", in: ["lightblue", "blue"]) == "lightblue", "a colour written \"light blue\"")
        #expect(NameHint.closest(to: "negative", in: ["negative"], reach: .values) == nil, "a known value gets no hint")
    }

    @Test func valuesReachOneToThreeEditsAndNeedALetter() {
        #expect(NameHint.closest(to: "no_result", in: ["positive", "negative", "no_results"], reach: .values) == "no_results")
        #expect(NameHint.closest(to: "Negative", in: ["positive", "negative"], reach: .values) == "negative")
        #expect(NameHint.closest(to: "7", in: ["1"], reach: .values) == nil)
        #expect(NameHint.closest(to: "7", in: ["1"]) == "1")
        #expect(NameHint.closest(to: "fxd", in: ["fixed"], reach: .values) == nil)
    }

    @Test func hugeInputsGetNoSuggestion() {
        #expect(NameHint.closest(to: String(repeating: "a", count: 300), in: ["a"]) == nil)
        #expect(NameHint.closest(to: "a1", in: (0..<20_000).map { "a\($0)" }) == nil)
    }

    @Test func hintText() {
        #expect(NameHint.hint(for: "fixd", known: ["count", "fixed"]) == "; did you mean \"fixed\"? (known: count, fixed)")
        #expect(NameHint.hint(for: "zzz", known: []) == "")
        let many = (0..<40).map { "name\($0)" }
        #expect(NameHint.hint(for: "qqqqqqqq", known: many).hasSuffix(", name29, … 10 more)"))
    }
}
