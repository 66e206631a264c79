import Testing
@testable import DossierBase

struct KeyGroupsTests {
    @Test func groupsInOrderOfFirstAppearanceWithoutNils() {
        let groups = KeyGroups<String>(["b", "a", nil, "b", "c", "a"])
        #expect(groups.keys == ["b", "a", "c"])
        #expect(groups.positions["b"] == [0, 3])
        #expect(groups.positions["a"] == [1, 5])
        #expect(groups.count(of: "c") == 1)
        #expect(groups.count(of: "z") == 0)
        #expect(groups.groups.map(\.key) == ["b", "a", "c"])
    }

    @Test func compositeKeysAndEmptyInput() {
        let groups = KeyGroups<[Int]>([[1, 2], [1, 3], [1, 2]])
        #expect(groups.keys == [[1, 2], [1, 3]])
        #expect(KeyGroups<Int>([nil, nil]).keys.isEmpty)
    }
}
