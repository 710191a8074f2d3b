import Testing
@testable import DaneCore

@Suite struct TLSABaseDomainRuleTests {
    let host = DNSName(dnsText: "alias.example.test")
    let target = DNSName(dnsText: "real.example.test")

    func address(_ type: RecordType, _ status: SecurityStatus, via aliases: [DNSName] = [],
                 _ answer: LookupAnswer = .records([.address(IPAddress("127.0.0.1")!)])) -> Lookup {
        Lookup(name: host, type: type, owner: aliases.last ?? host, aliases: aliases, status: status, answer: answer, ttl: 60)
    }

    @Test func secureAddressesWithoutCNAMEUseTheHostName() {
        let decision = TLSABaseDomainRule.evaluate(host: host, addresses: [address(.a, .secure), address(.aaaa, .secure, .noData)], cname: nil)
        #expect(decision == .lookUp(candidates: [host], note: nil))
    }

    @Test func secureCNAMEChainLooksAtTheExpandedNameFirst() {
        let decision = TLSABaseDomainRule.evaluate(
            host: host, addresses: [address(.a, .secure, via: [target]), address(.aaaa, .secure, via: [target], .noData)], cname: nil)
        guard case .lookUp(let candidates, let note) = decision else {
            Issue.record("expected a lookup, got \(decision)")
            return
        }
        #expect(candidates == [target, host])
        #expect(note?.contains("expanded name first") == true)
    }

    @Test func insecureAddressesWithoutCNAMEAreNotLookedUp() {
        #expect(TLSABaseDomainRule.evaluate(host: host, addresses: [address(.a, .insecure), address(.aaaa, .insecure, .noData)], cname: nil)
                == .skip(reason: "address records of alias.example.test are insecure"))
    }

    @Test func insecureChainNeedsTheCNAMEItself() {
        let addresses = [address(.a, .insecure, via: [target])]
        #expect(TLSABaseDomainRule.evaluate(host: host, addresses: addresses, cname: nil) == .checkCNAME)
        let secureHop = Lookup(name: host, type: .cname, status: .secure, answer: .records([.cname(target)]), ttl: 60)
        guard case .lookUp(let candidates, _) = TLSABaseDomainRule.evaluate(host: host, addresses: addresses, cname: secureHop) else {
            Issue.record("a secure first hop allows TLSA at the original name")
            return
        }
        #expect(candidates == [host])
        let insecureHop = Lookup(name: host, type: .cname, status: .insecure, answer: .records([.cname(target)]), ttl: 60)
        #expect(TLSABaseDomainRule.evaluate(host: host, addresses: addresses, cname: insecureHop)
                == .skip(reason: "address records of alias.example.test are insecure (CNAME insecure)"))
    }

    @Test func failedAddressLookupsMakeTheHostUnusable() {
        let bogus = address(.a, .bogus, .failed(reason: "resolver SERVFAIL; data present with CD=1"))
        let timeout = address(.aaaa, .indeterminate, .failed(reason: "timeout"))
        #expect(TLSABaseDomainRule.evaluate(host: host, addresses: [bogus, timeout], cname: nil)
                == .skip(reason: "address lookups of alias.example.test failed (A bogus, AAAA indeterminate)"))
    }

    @Test func failedFamilyBesideAnEmptyOneIsAFailureNotNoAddresses() {
        let bogus = address(.a, .bogus, .failed(reason: "resolver SERVFAIL; data present with CD=1"))
        #expect(TLSABaseDomainRule.evaluate(host: host, addresses: [bogus, address(.aaaa, .secure, .noData)], cname: nil)
                == .skip(reason: "address lookups of alias.example.test failed (A bogus)"))
    }

    @Test func oneFailedFamilyDoesNotHideTheSecureOne() {
        let timeout = address(.aaaa, .indeterminate, .failed(reason: "timeout"))
        #expect(TLSABaseDomainRule.evaluate(host: host, addresses: [address(.a, .secure), timeout], cname: nil)
                == .lookUp(candidates: [host], note: nil))
    }

    @Test func hostWithoutAddressesIsNotLookedUp() {
        #expect(TLSABaseDomainRule.evaluate(host: host, addresses: [address(.a, .secure, .noData), address(.aaaa, .secure, .noData)], cname: nil)
                == .skip(reason: "alias.example.test has no address records"))
    }
}
