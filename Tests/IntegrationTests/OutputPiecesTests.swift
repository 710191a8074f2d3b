import DaneCore
import Foundation
import Testing
@testable import DaneCommands

/// Offline pieces of how commands print: colour after escaping, the progress bar's line, the
/// nearest command, the verdict table.
@Suite struct OutputPiecesTests {
    @Test func colourWrapsOnlyStyledSpansAndEscapesFirst() {
        let line: StyledLine = "h \(verdict: .authenticated): \("220 \u{1B}[2J evil")"
        #expect(TerminalColor.render(line, colour: false) == "h authenticated: 220 \\x1b[2J evil")
        #expect(TerminalColor.render(line, colour: true) == "h \u{1B}[1;32mauthenticated\u{1B}[0m: 220 \\x1b[2J evil")
        for verdict in Verdict.allCases {
            #expect(!TerminalColor.code(.verdict(verdict)).isEmpty)
        }
    }

    @Test func colourChoiceHonoursNoColorAndDumbTerminals() {
        // /dev/null is no terminal: auto never colours it, whatever the environment says.
        let fd = open("/dev/null", O_WRONLY)
        defer { close(fd) }
        #expect(!ColorChoice.auto.colours(fd, environment: [:]))
        #expect(ColorChoice.always.colours(fd, environment: ["NO_COLOR": "1"]))
        #expect(!ColorChoice.never.colours(fd, environment: [:]))
    }

    @Test func theProgressLineNamesTheSlowestPendingDomainsAndFitsTheTerminal() {
        let line = ProgressBar.line(done: 240, total: 241, elapsed: 10, pending: [("a.test", 1.0), ("slow.test", 12.34), ("b.test", 3)],
                                    columns: 200)
        #expect(line == "[###################.] 240/241  24.0/s  ETA 0s  waiting: slow.test 12.3s, b.test 3.0s")
        let narrow = ProgressBar.line(done: 1, total: 2, elapsed: 1, pending: [("x.test", 1)], columns: 30)
        #expect(narrow.count <= 29 && narrow.hasSuffix("…"))
        let hostile = ProgressBar.line(done: 0, total: 2, elapsed: 1, pending: [("e\u{1B}[2Jvil", 1)], columns: 200)
        #expect(!hostile.contains("\u{1B}"))
    }

    @Test(arguments: [("domian", "domain"), ("chekc", "check"), ("prbe", "probe"), ("chian", "chain"), ("tsla", "tlsa"),
                      ("shwo", "show"), ("dns-cache", "dns_cache")])
    func aTypoGetsTheNearestCommand(typed: String, nearest: String) {
        let known = ["domain", "probe", "check", "chain", "tlsa", "console", "help", "show", "set", "dns_cache", "dig", "quit"]
        #expect(CommandSuggestion.nearest(typed, among: known) == nearest)
    }

    @Test func farWordsGetNoSuggestion() {
        #expect(CommandSuggestion.nearest("example.com", among: ["domain", "probe", "check"]) == nil)
        #expect(CommandSuggestion.nearest("x", among: ["dig"]) == nil)
        #expect(CommandSuggestion.distance(Array("ab"), Array("ba")) == 1)
    }

    @Test func theVerdictTableDefinesEveryWordAProbeCanPrint() {
        #expect(DanecheckVerdicts.words == Verdict.probeWords.map(\.rawValue))
        #expect(Verdict.probeWords == Verdict.allCases)
        for word in ["Verified", "Trusted", "Untrusted", "Anonymous", "Momentum"] {
            #expect(DanecheckVerdicts.summary.contains(word))
        }
    }
}
