import Foundation
import Testing
import TestSupport

/// Resolvers that refuse or lie, decided from evidence: the sandbox's sinkhole (127.53.0.7:
/// NXDOMAIN for the root name and under example.test, the rest forwarded to the validating
/// resolver), the refusing server (127.53.0.6) used as a resolver, and an Unbound that validates
/// but holds dane.test insecure (127.53.0.8: signed answers with AD=0).
@Suite(.sandbox) struct ResolverTrustTests {
    static let sinkhole = "127.53.0.7", refusing = "127.53.0.6", partial = "127.53.0.8"

    @Test func anNXDOMAINFromASinkholeIsNotTrusted() async throws {
        let result = try await CLI.run(["domain", "example.test", "--resolver", Self.sinkhole, "--timeout", Sandbox.timeout])
        #expect(result.stdout == """
            Domain 'example.test' does not exist (NXDOMAIN)
              warning: the NXDOMAIN for example.test cannot be trusted: it came from resolver 127.53.0.7, which answers NXDOMAIN for the root zone too

            """)
        #expect(result.stderr.contains("danecheck: warning: resolver 127.53.0.7 answered NXDOMAIN for the root zone: it is not a working recursive resolver"))
        #expect(result.status == 3, "indeterminate, not 'no mail' (4)")
        let check = try await CLI.run(["check", "example.test", "--resolver", Self.sinkhole, "--timeout", Sandbox.timeout])
        #expect(check.lines.first == "example.test: unknown: the NXDOMAIN for example.test cannot be trusted: it came from resolver 127.53.0.7, which answers NXDOMAIN for the root zone too")
        #expect(check.status == 3)
    }

    @Test func whatASinkholePassesThroughStillCounts() async throws {
        let result = try await CLI.run(["check", "ee311.mx.dane.test", "--resolver", Self.sinkhole, "--timeout", Sandbox.timeout, "--json"])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let domain = try #require((json["domains"] as? [[String: Any]])?.first)
        #expect(domain["verdict"] as? String == "authenticated")
        let resolvers = (domain["details"] as? [String: Any])?["resolvers"] as? [[String: Any]]
        #expect(resolvers?.first?["root_rcode"] as? String == "NXDOMAIN")
        #expect((domain["warnings"] as? [[String: Any]])?.compactMap { $0["kind"] as? String }.contains("resolver-denies-root") == true)
        #expect(try await JSONSchemaTests.validate(result.stdout, definition: "check").status == 0)
    }

    @Test func localValidationThroughASinkholeSaysWhyItCannot() async throws {
        let result = try await CLI.run(["domain", "ee311.mx.dane.test", "--resolver", Self.sinkhole, "--timeout", Sandbox.timeout,
                                        "--validation", "local", "--trust-anchor", LocalValidationTests.anchorFile])
        #expect(result.lines.first == "Domain 'ee311.mx.dane.test' MX lookup failed: bogus (DNSKEY .: resolver answered NXDOMAIN for a zone "
                + "the trust anchor vouches for; validating here needs a resolver that answers DNSKEY and DS queries (a filtering or sinkhole resolver does not))")
        #expect(result.status == 1)
    }

    @Test func aResolverThatRefusesTheRootIsNamed() async throws {
        let result = try await CLI.run(["domain", "example.test", "--resolver", Self.refusing, "--timeout", Sandbox.timeout])
        #expect(result.stderr.contains("danecheck: warning: resolver 127.53.0.6 answered REFUSED for the root zone: it does not resolve the whole tree"),
                "\(result.stderr)")
        #expect(result.status == 3)
    }

    @Test func signedAnswersWithoutADAreNamedAndLocalValidationDecides() async throws {
        let result = try await CLI.run(["check", "ee311.mx.dane.test", "--resolver", Self.partial, "--timeout", Sandbox.timeout])
        #expect(result.lines.first?.hasPrefix("ee311.mx.dane.test: opportunistic via ee311.dane.test: ") == true, "\(result.stdout)")
        #expect(result.stdout.contains("  note: resolver 127.53.0.8 answered signed data without validating it (RRSIGs, AD=0): ee311.mx.dane.test MX, "))
        let domain = try await CLI.run(["domain", "ee311.mx.dane.test", "--resolver", Self.partial, "--timeout", Sandbox.timeout])
        #expect(!domain.stdout.contains("+dnssec"))
        #expect(domain.stderr.contains("danecheck: warning: resolver 127.53.0.8 answered signed data without validating it"))
        // Through the same resolver, validated here: the evidence is secure after all.
        let local = try await CLI.run(["check", "ee311.mx.dane.test", "--resolver", Self.partial, "--timeout", Sandbox.timeout,
                                       "--validation", "local", "--trust-anchor", LocalValidationTests.anchorFile])
        #expect(local.lines.first == "ee311.mx.dane.test: authenticated via ee311.dane.test: 3 1 1 at depth 0")
        #expect(!local.stdout.contains("without validating"))
        // The resolver that validates everything: no such warning.
        let validating = try await CLI.run(["check", "ee311.mx.dane.test", "--resolver", Sandbox.validating, "--timeout", Sandbox.timeout])
        #expect(!validating.stdout.contains("without validating"))
    }
}
