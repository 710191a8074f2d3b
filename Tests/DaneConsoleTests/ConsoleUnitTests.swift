import Testing
@testable import DaneConsole
import DaneCore

@Suite struct ConsoleUnitTests {
    @Test func wordsWithQuotesAndEscapes() {
        #expect(ConsoleWords.split("probe --tlsa '3 1 1 8a1f' [127.0.0.1]") == ["probe", "--tlsa", "3 1 1 8a1f", "[127.0.0.1]"])
        #expect(ConsoleWords.split("  domain   \"a b\" c\\ d ") == ["domain", "a b", "c d"])
        #expect(ConsoleWords.split("check ''") == ["check", ""])
        #expect(ConsoleWords.split("   ").isEmpty)
    }

    @Test func completionOfCommandsOptionsAndNames() {
        let completer = ConsoleCompleter(names: ["example.test", "mx1.example.test"])
        #expect(completer.complete("dom").insert == "ain ")
        #expect(completer.complete("d").candidates == ["debug", "dig", "dns_cache", "domain"])
        #expect(completer.complete("domain --js").insert == "on ")
        #expect(completer.complete("check --insecure").insert == "-mx ")
        #expect(completer.complete("domain ex").insert == "ample.test ")
        #expect(completer.complete("domain m").insert == "x1.example.test ")
        #expect(completer.complete("refresh ").insert == "domain ")
        #expect(completer.complete("refresh domain a").insert == "ll ")
        #expect(completer.complete("set tls").candidates == ["tls", "tls_verify", "tlsa_expire_interval"])
        #expect(completer.complete("zzz").candidates.isEmpty)
    }

    @Test func optionNamesFollowTheCommandTree() {
        #expect(ConsoleCompleter.options["probe"]?.contains("--tlsa-file") == true)
        #expect(ConsoleCompleter.options["check"]?.contains("--require-dane") == true)
        #expect(ConsoleCompleter.options["domain"]?.contains("--probe") == true)
    }

    @Test func settingsAreAddedUnlessTheCommandGivesThem() {
        var settings = ConsoleSettings()
        #expect(settings.set("resolver", "127.0.0.1,::1@5353") == nil)
        #expect(settings.set("timeout", "2") == nil)
        #expect(settings.set("use_dane", "off") == nil)
        // Checked as the command line checks the option, with its words.
        #expect(settings.set("tls", "sometimes") == "The value 'sometimes' is invalid for '--tls <mode>'. Please provide one of 'ifavailable', 'required' or 'disabled'.")
        #expect(settings.set("timeout", "0") == "--timeout must be more than 0 and at most 300 seconds, got 0.0")
        settings.debug.insert("dns")
        #expect(settings.apply(to: ["domain", "x.test"])
                == ["domain", "--resolver", "127.0.0.1", "--resolver", "::1@5353", "--timeout", "2", "--debug", "dns", "x.test"])
        #expect(settings.apply(to: ["check", "--resolver", "9.9.9.9", "x.test"])
                == ["check", "--timeout", "2", "--debug", "dns", "--no-use-dane", "--resolver", "9.9.9.9", "x.test"])
        // An option the user typed as --opt=value is theirs, and comes after the settings.
        #expect(settings.apply(to: ["domain", "--timeout=4", "x.test"])
                == ["domain", "--resolver", "127.0.0.1", "--resolver", "::1@5353", "--debug", "dns", "--timeout=4", "x.test"])
        #expect(settings.apply(to: ["domain", "--", "-x.test"]).suffix(2) == ["--", "-x.test"])
        #expect(settings.apply(to: ["help"]) == ["help"])
    }

    @Test func validationSettingsReachTheCommandsThatLookUp() {
        var settings = ConsoleSettings()
        #expect(settings.set("validation", "maybe") == "The value 'maybe' is invalid for '--validation <resolver|local>'. Please provide one of 'resolver' and 'local'.")
        #expect(settings.set("trust_anchor", "/nonexistent/anchor") == "--trust-anchor: cannot read trust anchor file /nonexistent/anchor")
        #expect(settings.set("validation", "local") == nil)
        #expect(settings.set("trust_anchor", TrustAnchorFile.defaultPath) == nil)
        #expect(settings.apply(to: ["chain", "x.test"])
                == ["chain", "--validation", "local", "--trust-anchor", TrustAnchorFile.defaultPath, "x.test"])
        #expect(settings.apply(to: ["domain", "--validation", "resolver", "x.test"])
                == ["domain", "--trust-anchor", TrustAnchorFile.defaultPath, "--validation", "resolver", "x.test"])
        #expect(settings.lines.contains("validation local"))
        #expect(ConsoleCompleter.options["chain"]?.contains("--trust-anchor") == true)
        #expect(settings.apply(to: ["tlsa", "create", "mx.test"])
                == ["tlsa", "create", "--validation", "local", "--trust-anchor", TrustAnchorFile.defaultPath, "mx.test"])
        #expect(ConsoleCompleter().complete("tlsa cr").insert == "eate ")
    }
}

@Suite struct RefreshNamesTests {
    @Test func everyNameOfTheWalkIsReached() {
        func name(_ text: String) -> DNSName { DNSName(dnsText: text) }
        let lookups = [
            Lookup(name: name("example.test"), type: .mx, status: .secure,
                   answer: .records([.mx(preference: 10, exchange: name("alias.example.test"))]), ttl: 60),
            Lookup(name: name("alias.example.test"), type: .a, owner: name("real.example.test"),
                   aliases: [name("real.example.test")], status: .secure,
                   answer: .records([.address(IPAddress("127.0.0.1")!)]), ttl: 60),
            Lookup(name: name("_25._tcp.real.example.test"), type: .tlsa, owner: name("_dane.example.test"),
                   aliases: [name("_dane.example.test")], status: .secure, answer: .noData, ttl: 60),
            Lookup(name: name("other.test"), type: .mx, status: .secure, answer: .noData, ttl: 60),
        ]
        let names = ConsoleCacheCommands.namesReachable(from: name("example.test"), in: lookups)
        #expect(names.map(\.text).sorted() == [
            "_25._tcp.alias.example.test", "_25._tcp.real.example.test", "_dane.example.test",
            "alias.example.test", "example.test", "real.example.test",
        ])
    }
}
