import DaneCommands
import DaneCore
@testable import DaneExporterConfig
import Foundation
import Testing
import TestSupport

/// Every key of the exporter's module file arrives at the option it stands for, with its value
/// (a key mapped to the wrong option, or a flag the wrong way round, fails here); and the file's
/// own errors are named.
struct ModuleFileKeyTests {
    /// The options of module "m" of a file holding `body` as its settings.
    static func options(_ body: String) throws -> ModuleOptions {
        let modules = try ModuleFile.words("modules:\n  m: { \(body) }\n", source: "test.yml")
        return try ModuleOptions.parse(try #require(modules["m"]))
    }

    /// A one-certificate CA file (the system bundle's 140 take seconds to load in a debug build).
    static func caFile() async throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ca-\(UUID()).pem").path
        let made = try await CLI.tool("/usr/bin/openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                                                           "-keyout", "/dev/null", "-subj", "/CN=module file test", "-days", "1", "-out", path], input: "")
        try #require(made.status == 0, "\(made.output)")
        return path
    }

    /// Every key set at once away from its default, then the flags the other way, then nothing:
    /// three parses (ArgumentParser checks its option tree on each parse of a debug build, a
    /// fifth of a second each), on a thread of their own.
    @Test func everyKeyReachesItsOption() async throws {
        let ca = try await Self.caFile()
        defer { try? FileManager.default.removeItem(atPath: ca) }
        let every = """
            resolver: [127.0.0.9, 127.0.0.10], timeout: 7, retries: 0, validation: local, \
            trust_anchor: [/usr/share/dns/root.key, /usr/share/dns/root.ds], use_dane: false, enable_dane: false, \
            tls: required, tls_verify: host, ca_file: \(ca), insecure_mx: dane, mta_sts: true, ehlo: probe.example.org, \
            warn_days: 9, public_ca_file: \(ca), require_dane: true, allowed_domains: ["*.example.org", example.net], \
            allow_private_addresses: true
            """
        let other = "use_dane: true, enable_dane: true, mta_sts: false, require_dane: false, allow_private_addresses: false"
        let parsed = try await OwnThread.run { try Parsed([every, other, ""].map(Self.options)) }
        let (o, flags, none) = (parsed.options[0], parsed.options[1], parsed.options[2])
        #expect(o.resolverOptions.resolvers == ["127.0.0.9", "127.0.0.10"])
        #expect(o.resolverOptions.timeout == 7)
        #expect(o.resolverOptions.retries == 0)
        #expect(o.resolverOptions.validation == .local)
        #expect(o.resolverOptions.trustAnchorFiles == ["/usr/share/dns/root.key", "/usr/share/dns/root.ds"])
        #expect(o.policyOptions.noUseDANE && !flags.policyOptions.noUseDANE)
        #expect(o.policyOptions.noEnableDANE && !flags.policyOptions.noEnableDANE)
        #expect(o.policyOptions.tls == .required)
        #expect(o.policyOptions.tlsVerify == .host)
        #expect(o.policyOptions.mtaSTSOptions.caFile == ca)
        #expect(o.policyOptions.insecureMX == .dane)
        #expect(o.policyOptions.mtaSTS && !flags.policyOptions.mtaSTS)
        #expect(o.probeOptions.ehlo == "probe.example.org")
        #expect(o.rolloverOptions.warnDays == 9)
        #expect(o.rolloverOptions.publicCAFile == ca)
        #expect(o.requireDANE && !flags.requireDANE)
        #expect(o.allowedDomains == ["*.example.org", "example.net"])
        #expect(o.allowPrivateAddresses && !flags.allowPrivateAddresses && !none.allowPrivateAddresses)
        // Each key of the table is set above (a key added without a test fails here).
        #expect(ModuleFile.keys.keys.sorted() == ["allow_private_addresses", "allowed_domains", "ca_file", "ehlo", "enable_dane", "insecure_mx", "mta_sts", "public_ca_file",
                                                   "require_dane", "resolver", "retries", "timeout", "tls", "tls_verify",
                                                   "trust_anchor", "use_dane", "validation", "warn_days"])
        // Nothing set: the command line's defaults.
        #expect(none.resolverOptions.retries == ResolverConfiguration.defaultRetries && none.policyOptions.insecureMX == .may)
        #expect(!none.policyOptions.noUseDANE && !none.policyOptions.mtaSTS && !none.requireDANE && none.policyOptions.tls == .ifavailable)
    }

    final class Parsed: @unchecked Sendable {
        let options: [ModuleOptions]
        init(_ options: [ModuleOptions]) { self.options = options }
    }

    /// Each error names the file, the line and the key (what --config.check and a reload print).
    @Test(arguments: [
        ("modules:\n  m: { mta_sts: yes please }\n", "test.yml:2: modules.m.mta_sts: must be true or false"),
        ("other: 1\nmodules:\n  m: {}\n", "test.yml:1: other: unknown key (keys here: modules)"),
        ("modules: {}\n", "test.yml:1: modules: must map module names to their settings"),
        ("modules:\n  'a b': {}\n", "test.yml:2: modules: module name 'a b' must be letters, digits, '-' or '_'"),
        ("modules:\n  m: [1, 2]\n", "test.yml:2: modules.m: must map keys to values"),
        ("modules:\n  m: { timeout: x }\n", "test.yml:2: modules.m: The value 'x' is invalid for '--timeout <seconds>'"),
        ("modules:\n  m:\n    timeout: 5\n    resolvr: [1.2.3.4]\n", "test.yml:4: modules.m.resolvr: unknown key"),
        ("modules:\n  m: { allowed_domains: [\"a..b\"] }\n", "test.yml:2: modules.m: --allowed-domain 'a..b': invalid domain name"),
        ("modules:\n  m: { timeout: [5 }\n", "test.yml:2: not YAML: "),
        ("- just a list\n", "test.yml:1: expected a mapping with 'modules'"),
        // Keys that are not text (Yams.load traps on these; the fuzz target found it).
        ("modules:\n  default: {[127.0.0.1]: resolver, reane: true }\n", "test.yml:2: modules.default: a key must be a string"),
        ("{a: 1}: 2\n", "test.yml:1: a key must be a string"),
        ("modules:\n  [m]: {}\n", "test.yml:2: modules: a key must be a string"),
        ("modules:\n  m: { timeout: [1, 2] }\n", "test.yml:2: modules.m.timeout: must be a single value"),
        ("modules:\n  m: { resolver: [[127.0.0.1]] }\n", "test.yml:2: modules.m.resolver: must be a single value"),
    ])
    func badFilesAreNamed(text: String, message: String) {
        #expect {
            _ = try ModuleFile.parse(text, source: "test.yml")
        } throws: { error in
            let text = (error as? ModuleFile.Failure)?.description ?? "\(error)"
            if !text.hasPrefix(message) { Issue.record("\(text)") }
            return text.hasPrefix(message)
        }
    }
}
