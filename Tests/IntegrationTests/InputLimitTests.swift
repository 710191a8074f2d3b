import Foundation
import Testing

/// The limits of a domain list (README: more than 1,000,000 lines or 256 MiB stop the reading),
/// each at its boundary: the limit itself passes, one more line or octet stops it. Comment lines
/// only, so no domain is checked either way. Twice 256 MiB through a pipe keep a core busy for
/// seconds: these run alone, after the suite, where they slow no timed test.
@Suite(.sandbox, .alone) struct InputLimitTests {
    @Test(arguments: [
        ("yes '#' | head -n 1000000", ""),
        ("yes '#' | head -n 1000001", "danecheck: error: stdin:1000001: more than 1000000 lines: the rest is not read\n"),
        ("yes \"# $(head -c 4000 /dev/zero | tr '\\0' x)\" | head -c 268435456", ""),
        ("yes \"# $(head -c 4000 /dev/zero | tr '\\0' x)\" | head -c 268435457", "danecheck: error: stdin:67059: more than 256 MiB: the rest is not read\n"),
    ])
    func theLineAndSizeLimitsOfAListHoldAtTheirBoundary(input: String, limit: String) async throws {
        let result = try await CLI.tool("/bin/bash", ["-c", "{ \(input); } 2>/dev/null | \(CLI.executable.path) check --resolver 127.53.0.5 --file - 2>&1 >/dev/null; echo \"status $?\""], input: "")
        #expect(result.output == limit + "danecheck: error: no domain to check (stdin holds none)\nstatus 2\n")
    }

}
