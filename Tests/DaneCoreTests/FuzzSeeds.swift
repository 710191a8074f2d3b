import Foundation
@testable import DaneCore

/// Writes the answers the proof-shape tests validate into the fuzz corpus when
/// DANECHECK_FUZZ_SEEDS names a directory (scripts/record-fixtures.sh sets it to
/// Fuzz/corpus/denial-proof): the seeds of the validator's fuzz targets, one file per shape.
enum FuzzSeeds {
    static let directory = ProcessInfo.processInfo.environment["DANECHECK_FUZZ_SEEDS"]

    static func write(_ name: String, _ query: DNSQuery, over transport: any DNSTransport) async throws {
        guard let directory else { return }
        let exchange = await transport.exchange(query)
        guard case .response(let response) = exchange.outcome, let wire = response.wire else { return }
        try Data(wire).write(to: URL(fileURLWithPath: directory).appendingPathComponent(name))
    }
}
