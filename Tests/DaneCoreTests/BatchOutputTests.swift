import Foundation
import Testing
@testable import DaneCore

/// The pieces `check`'s output is made of: results released in input order as each is in, a
/// batch's host warnings counted once, lines with styled spans.
@Suite struct BatchOutputTests {
    @Test func inputOrderReleasesEachResultOnceEveryEarlierOneIsIn() {
        var order = InputOrder<String>()
        #expect(order.add("c", at: 2).isEmpty)
        #expect(order.add("a", at: 0) == ["a"])
        #expect(order.add("d", at: 3).isEmpty)
        #expect(order.add("b", at: 1) == ["b", "c", "d"])
        #expect(order.released == 4)
        #expect(order.add("e", at: 4) == ["e"])
    }

    @Test func styledLinesKeepTheirSpansAndReadAsPlainText() throws {
        let line: StyledLine = "example.test: \(verdict: .defer) via mx.example.test: \("reason")"
        #expect(line.text == "example.test: defer via mx.example.test: reason")
        try #require(line.spans.map(\.style) == [nil, .verdict(.defer), nil])
        #expect(line.spans[1].text == "defer")
        let warning: StyledLine = "  \(warning: "warning:") text"
        #expect(warning.spans.map(\.style) == [nil, .warning, nil])
        #expect((StyledLine("a") + "b").text == "ab")
        #expect(StyledLine("").spans.isEmpty)
    }
}
