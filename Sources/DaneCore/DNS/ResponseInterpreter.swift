/// Reads a resolver's response to one query: follows the CNAME chain in the answer section
/// (RFC 1034 §3.6.2), picks the RRset of the asked type and its TTL, or the kind of denial.
public enum ResponseInterpreter {
    public enum Reading: Sendable, Hashable {
        case answer(owner: DNSName, aliases: [DNSName], answer: LookupAnswer, ttl: UInt32?)
        /// The resolver could not answer (SERVFAIL): possibly bogus, to be checked with CD=1.
        case serverFailure
        /// Any other error rcode (REFUSED, FORMERR, NOTIMP, …).
        case error(ResponseCode)
        /// An answer no client can use: a CNAME loop, or a chain longer than `maxChain`.
        case broken(String)
    }

    /// Longest CNAME chain followed before giving up (RFC 1034 §3.6.2 asks for a limit).
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
              let cname = response.answer.first(where: { $0.owner == owner && $0.isType(.cname) }),
              case .cname(let target) = cname.data {
            if target == query.name || aliases.contains(target) {
                return .broken("CNAME loop: \(chain([query.name] + aliases + [target]))")
            }
            if aliases.count == maxChain {
                return .broken("CNAME chain longer than \(maxChain) aliases: \(chain([query.name] + aliases + [target]))")
            }
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

    /// "a → b → a", with the middle of a long chain left out.
    static func chain(_ names: [DNSName]) -> String {
        let shown = names.count > 6 ? names.prefix(3).map(\.text) + ["…"] + names.suffix(2).map(\.text) : names.map(\.text)
        return shown.map { BoundedText.prefix($0, limit: 60) }.joined(separator: " → ")
    }

    /// RFC 2308 §5: the SOA's own TTL, capped by its MINIMUM field.
    static func negativeTTL(_ response: DNSResponse) -> UInt32? {
        for record in response.authority {
            if case .soa(_, let minimum) = record.data { return min(record.ttl, minimum) }
        }
        return nil
    }
}
