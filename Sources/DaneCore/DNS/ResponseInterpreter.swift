/// Reads a resolver's response to one query: follows the CNAME chain in the answer section
/// (RFC 1034 §3.6.2), picks the RRset of the asked type and its TTL, or the kind of denial.
public enum ResponseInterpreter {
    public enum Reading: Sendable, Hashable {
        case answer(owner: DNSName, aliases: [DNSName], answer: LookupAnswer, ttl: UInt32?)
        /// The resolver could not answer (SERVFAIL): possibly bogus, to be checked with CD=1.
        case serverFailure
        /// Any other error rcode (REFUSED, FORMERR, NOTIMP, …).
        case error(ResponseCode)
    }

    /// Longest CNAME chain followed before giving up (loops included).
    static let maxChain = 16

    public static func read(_ response: DNSResponse, for query: DNSQuery) -> Reading {
        switch response.rcode {
        case .noError, .nxDomain:
            break
        case .servFail:
            return .serverFailure
        default:
            return .error(response.rcode)
        }
        var owner = query.name
        var aliases: [DNSName] = []
        while query.type != .cname,
              !response.answer.contains(where: { $0.owner == owner && $0.isType(query.type) }),
              aliases.count < maxChain,
              let cname = response.answer.first(where: { $0.owner == owner && $0.isType(.cname) }),
              case .cname(let target) = cname.data,
              !aliases.contains(target), target != query.name {
            aliases.append(target)
            owner = target
        }
        let rrset = response.answer.filter { $0.owner == owner && $0.isType(query.type) }
        if !rrset.isEmpty {
            return .answer(owner: owner, aliases: aliases, answer: .records(rrset.map(\.data)),
                           ttl: rrset.map(\.ttl).min())
        }
        let denial: LookupAnswer = response.rcode == .nxDomain ? .nxDomain : .noData
        return .answer(owner: owner, aliases: aliases, answer: denial, ttl: negativeTTL(response))
    }

    /// RFC 2308 §5: the SOA's own TTL, capped by its MINIMUM field.
    static func negativeTTL(_ response: DNSResponse) -> UInt32? {
        for record in response.authority {
            if case .soa(let minimum) = record.data { return min(record.ttl, minimum) }
        }
        return nil
    }
}
