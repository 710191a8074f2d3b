import DaneCore
import Foundation

/// What commands share when they run inside the console: one lookup service (and its cache,
/// honouring TTLs) for everything looked up, and whether a command may print (a command the
/// user interrupted with Ctrl-C must not print when it finally returns). The one-shot CLI uses
/// the defaults: a fresh service per command.
public final class CommandEnvironment: @unchecked Sendable {
    public static let shared = CommandEnvironment()

    /// Per-address probe statistics: the session's in the console, this command's otherwise.
    public let addressHistory = AddressHistory()

    private let lock = NSLock()
    private var service: (key: String, service: DNSLookupService)?
    private var sharing = false

    /// Turns on sharing of one lookup service between commands (the console does).
    public func shareLookups() { lock.withLock { sharing = true } }

    /// The shared service for this configuration (one per resolver list, timeout and retries),
    /// nil when commands should make their own.
    public func lookups(for configuration: ResolverConfiguration) -> DNSLookupService? {
        lock.withLock {
            guard sharing else { return nil }
            let key = "\(configuration.servers) \(configuration.timeout) \(configuration.retries) \(configuration.trace != nil)"
            if let service, service.key == key { return service.service }
            let created = DNSLookupService(transport: LDNSTransport(configuration: configuration))
            service = (key, created)
            return created
        }
    }

    /// The service the console's cache commands look at (the last one made), if any.
    public var currentLookups: DNSLookupService? { lock.withLock { service?.service } }

    /// A DomainInspector for a command: shared lookups in the console, fresh ones otherwise.
    public func inspector(_ configuration: ResolverConfiguration, options: InspectionOptions = .report) -> DomainInspector {
        DomainInspector(configuration: configuration, options: options, lookups: lookups(for: configuration))
    }
}
