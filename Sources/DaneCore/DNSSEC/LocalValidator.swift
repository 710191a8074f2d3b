import CLDNS
import Foundation

/// Validates answers here, from trust anchors, the way a validating resolver does (RFC 4035 §5):
/// every RRset's RRSIG is checked with its zone's DNSKEYs, each zone's DNSKEY RRset with a DS
/// from its parent (or an anchor), each DS with the parent's keys, up to an anchor; NSEC/NSEC3
/// records prove absence and unsigned delegations. Each link of a CNAME chain is checked with
/// the keys of the zone that holds it, and its proofs with them (RFC 4035 §5.4); a CNAME
/// synthesised from a DNAME by the DNAME's signature (RFC 6672 §5.3.1). The statuses agree with
/// Unbound's on every shape of the sandbox's proof zones (DifferentialValidationTests); where
/// the RFCs leave a choice, Unbound's is taken. Data, DNSKEY and DS are fetched with CD=1
/// through the configured resolver, which need not validate. ldns does the cryptography; the
/// clock that judges validity windows is injectable. Zone keys are cached for the validator's
/// life (one run): a batch under one TLD validates the TLD once.
public final class LocalValidator: Sendable {
    let transport: any DNSTransport
    public let anchors: [TrustAnchor]
    /// The anchors in use (those of unknown algorithms ignored) and which covers a name.
    let selection: TrustAnchorSelection
    let now: @Sendable () -> Date
    let fetches = TaskMemo<DNSQuery, Fetched>("fetch")
    let zones = TaskMemo<DNSName, ZoneTrust>("zone")
    let enclosing = TaskMemo<DNSName, ZoneTrust>("enclosing")

    public init(transport: any DNSTransport, anchors: [TrustAnchor], now: @escaping @Sendable () -> Date = { Date() }) {
        self.transport = transport
        self.anchors = anchors
        selection = TrustAnchorSelection(anchors)
        self.now = now
    }

    /// Validates a response (asked with CD=1) to `query`: the CNAMEs followed and the RRset or
    /// the denial at the end.
    public func validate(_ query: DNSQuery, _ response: DNSResponse) async -> ValidationOutcome {
        guard let wire = response.wire, let packet = try? LDNSPacket(wire: wire) else {
            return ValidationOutcome(status: .indeterminate, reason: "the response could not be read for validation", steps: [])
        }
        let reading = ResponseInterpreter.read(response, for: query)
        guard case .answer(let owner, let aliases, let answer, _) = reading else {
            if case .broken(let reason) = reading { return ValidationOutcome(status: .indeterminate, reason: reason, steps: []) }
            return ValidationOutcome(status: .indeterminate, reason: "resolver answered \(response.rcode)", steps: [])
        }
        // Everything that answers a DS question is the parent side's (RFC 4035 §2.4), the links of
        // a CNAME chain too: the answer is as strong as its weakest link (an opt-out span at the
        // end makes it insecure).
        let parentSide = query.type == .ds
        var parts: [ValidationOutcome] = []
        var current = query.name
        for alias in aliases {
            parts.append(await checkAlias(packet, owner: current, target: alias, parentSide: parentSide))
            current = alias
        }
        switch answer {
        case .records:
            parts.append(await checkRRset(packet, owner: owner, type: query.type, parentSide: parentSide))
        case .noData, .nxDomain:
            parts.append(await checkDenial(packet, owner: owner, type: query.type, nxDomain: answer == .nxDomain,
                                           parentSide: parentSide))
        case .failed(let reason):
            parts.append(ValidationOutcome(status: .indeterminate, reason: reason, steps: []))
        }
        return ValidationOutcome.combine(parts)
    }

    /// Fetches `type` at `name` with CD=1 and validates it, keeping every step (`danecheck chain`).
    public func chain(_ name: DNSName, _ type: RecordType) async -> ChainReport {
        let query = DNSQuery(name: name, type: type, checkingDisabled: true)
        let fetched = await fetch(query)
        let reading = fetched.message.map { ResponseInterpreter.read($0, for: query) }
        guard let response = fetched.message, case .answer(let owner, let aliases, let answer, let ttl)? = reading else {
            var reason = fetched.failure ?? "no answer"
            if case .broken(let why)? = reading { reason = why }
            let lookup = Lookup(name: name, type: type, status: .indeterminate, answer: .failed(reason: reason), ttl: nil)
            return ChainReport(name: name, type: type, lookup: lookup, status: .indeterminate, reason: reason, steps: [], anchors: anchors)
        }
        let outcome = await validate(query, response)
        let lookup = Lookup(name: name, type: type, owner: owner, aliases: aliases, status: outcome.status, answer: answer, ttl: ttl,
                            signatureExpiry: response.earliestSignatureExpiry(near: now()))
        return ChainReport(name: name, type: type, lookup: lookup, status: outcome.status, reason: outcome.reason,
                           steps: outcome.steps, anchors: anchors)
    }

    // MARK: Fetching

    func fetch(_ query: DNSQuery) async -> Fetched {
        await fetches.value(for: query, onLoop: .failure("validation loop")) { [transport] in
            let exchange = await transport.exchange(query)
            switch exchange.outcome {
            case .failure(let failure): return .failure(failure.description)
            case .response(let response):
                if response.rcode != .noError, response.rcode != .nxDomain {
                    // Keys and DS records are what validating here needs from the resolver.
                    let keys = query.type == .dnskey || query.type == .ds
                    return .failure("resolver answered \(response.rcode) with CD=1"
                                    + (keys ? " (validating here needs a resolver that answers DNSKEY and DS queries)" : ""),
                                    rcode: response.rcode)
                }
                guard let wire = response.wire else { return .failure("the response could not be read for validation") }
                do throws(LDNSError) { return .message(response, try LDNSPacket(wire: wire)) } catch {
                    return .failure("the response could not be read for validation: \(LDNSStatus.messageProblem(error.status))")
                }
            }
        }
    }
}
