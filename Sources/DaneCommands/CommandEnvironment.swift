import DaneCore
import Foundation
import Synchronization

/// What commands share when they run inside the console: one cache, honouring TTLs, for
/// everything looked up (whatever timeout or trace each command asks for), and the per-address
/// probe statistics. The one-shot CLI uses the defaults: a fresh service per command.
/// (Whether an interrupted command may still print is `OutputGate`.)
public final class CommandEnvironment: Sendable {
    public static let shared = CommandEnvironment()

    /// Per-address probe statistics: the session's in the console, this command's otherwise.
    public let addressHistory = AddressHistory()
    /// MTA-STS policies fetched: the session's in the console, this command's otherwise.
    public let mtaSTSCache = MTASTSPolicyCache()
    /// The DNS queries waiting for an answer now, every command's (the console's waiting line).
    public let pendingQueries = PendingQueries()

    private let base = Mutex<DNSLookupService?>(nil)

    /// Turns on sharing of one cache between commands (the console does).
    public func shareLookups() {
        base.withLock { base in
            if base == nil { base = DNSLookupService(transport: ResolverTransport(servers: [], timeout: 1)) }
        }
    }

    /// A lookup service over the shared cache that sends its queries as this configuration says;
    /// nil when commands should make their own.
    public func lookups(for configuration: ResolverConfiguration) -> DNSLookupService? {
        let transport = ResolverTransport(configuration: configuration)
        return base.withLock { base in
            base?.sharingCache(with: transport, validation: configuration.validation(over: transport))
        }
    }

    /// The shared cache (through a service that asks no resolver), for the console's cache commands.
    public var currentLookups: DNSLookupService? { base.withLock { $0 } }

    /// A DomainInspector for a command: shared lookups in the console, fresh ones otherwise.
    public func inspector(_ configuration: ResolverConfiguration, options: InspectionOptions = .report,
                          mtaSTS: MTASTSSettings? = nil) -> DomainInspector {
        DomainInspector(configuration: configuration, options: options, lookups: currentLookups, mtaSTS: mtaSTS)
    }
}
