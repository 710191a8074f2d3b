import Foundation

/// A reported failure beside today's check of its domain: still there (today's cause is the
/// same result type), gone (the host delivers as the policy asks), different (it fails today
/// for another reason), or the host is no longer an MX host. Decided here from the domain's
/// `Assessment` (its hosts' verdicts and causes are not judged again); faces print
/// `description`.
public enum TLSReportToday: Sendable, Hashable, CustomStringConvertible {
    case stillFailing(TLSTodayCause)
    case different(TLSTodayCause)
    /// The host (or the domain, when the report names no host) delivers today: its verdict and why.
    case gone(host: DNSName?, Verdict, String)
    case noLongerMX(String)
    /// Nothing can be said (the resolver does not validate; MTA-STS was not looked up).
    case unknown(String)

    /// The JSON word: still-failing, different, gone, no-longer-mx, unknown.
    public var word: String {
        switch self {
        case .stillFailing: "still-failing"
        case .different: "different"
        case .gone: "gone"
        case .noLongerMX: "no-longer-mx"
        case .unknown: "unknown"
        }
    }

    public var cause: TLSTodayCause? {
        switch self {
        case .stillFailing(let cause), .different(let cause): cause
        default: nil
        }
    }

    public var description: String {
        switch self {
        case .stillFailing(let cause): "still failing: \(cause)"
        case .different(let cause): "different: now \(cause.resultType?.name ?? "no TLS failure"): \(cause)"
        case .gone(let host, let verdict, let why): "gone: " + (host.map { "\($0.text) " } ?? "") + "\(verdict.rawValue) (\(why))"
        case .noLongerMX(let host): "gone: \(TerminalText.escape(BoundedText.prefix(host))) is no longer an MX host of the domain"
        case .unknown(let why): "not known: \(why)"
        }
    }

    /// Today's answer for one reported failure, from the assessment of its policy domain.
    public static func judge(_ failure: TLSReportSummary.FailureLine, _ assessment: Assessment) -> TLSReportToday {
        let check = assessment.check
        if assessment.verdict == .unknown { return .unknown(assessment.reason.description) }
        if failure.resultType.isSTSPolicy {
            guard let sts = check.report.mtaSTS else { return .unknown("MTA-STS was not looked up (add --mta-sts)") }
            if let problem = sts.failure { return compare(failure, .mtaSTS("\(problem)", resultType: failure.resultType)) }
            return .gone(host: nil, assessment.verdict, "the MTA-STS policy is fetched and valid")
        }
        let pairs = Array(zip(check.report.hosts, check.hosts))
        let host: (HostReport, HostProbeReport)?
        if let mx = failure.receivingMX {
            host = pairs.first { TLSReportSummary.normalized($0.0.name.text) == mx }
            if host == nil, !pairs.isEmpty { return .noLongerMX(mx) }
        } else if let ip = failure.receivingIP {
            host = pairs.first { $0.1.addresses.contains { "\($0.probe.address)" == ip } }
        } else {
            host = nil
        }
        guard let (dns, probe) = host else { return domainToday(failure, assessment) }
        // The address the sender failed at, when the report names it and the host still has it.
        let address = failure.receivingIP.flatMap { ip in probe.addresses.first { "\($0.probe.address)" == ip } }
        let (verdict, hostCause) = probe.judged
        let judgedVerdict = address?.verdict ?? verdict
        if judgedVerdict.delivers {
            if failure.resultType == .daneRequired, judgedVerdict != .authenticated {
                let cause = TLSTodayCause.host(dns.name, hostCause, resultType: .daneRequired, records: [], certificateSince: nil)
                return compare(failure, cause)
            }
            let why = address.map { "via [\($0.probe.address)]: \($0.reason)" } ?? hostCause.description
            return .gone(host: dns.name, judgedVerdict, why)
        }
        let cause: HostCause = address.map { .deferred($0) } ?? hostCause
        return compare(failure, today(dns, probe, cause, policyType: failure.type))
    }

    /// A failure that names no host (or a host the domain no longer has, with no MX at all).
    static func domainToday(_ failure: TLSReportSummary.FailureLine, _ assessment: Assessment) -> TLSReportToday {
        if assessment.verdict.delivers { return .gone(host: assessment.via, assessment.verdict, assessment.reason.description) }
        var type: TLSResultType?
        if case .everyHostDefers(let hosts) = assessment.reason, let first = hosts.first,
           let (dns, probe) = zip(assessment.check.report.hosts, assessment.check.hosts).first(where: { $0.0.name == first.host }) {
            type = today(dns, probe, first.cause, policyType: failure.type).resultType
        }
        return compare(failure, .domain(assessment.reason, resultType: type))
    }

    static func compare(_ failure: TLSReportSummary.FailureLine, _ cause: TLSTodayCause) -> TLSReportToday {
        cause.resultType == failure.resultType ? .stillFailing(cause) : .different(cause)
    }

    /// Today's cause of a host that does not deliver, with the result type a sender would report.
    static func today(_ dns: HostReport, _ probe: HostProbeReport, _ cause: HostCause, policyType: TLSPolicyType) -> TLSTodayCause {
        let tlsaBogus = dns.tlsa.final?.status == .bogus
        switch cause {
        case .deferred(let address):
            let type = resultType(address.cause, tls: address.probe.tls, policyType: policyType, tlsaBogus: tlsaBogus)
            let records = type == .tlsaInvalid ? probe.policy.expectation?.records ?? probe.records : []
            return .host(dns.name, cause, resultType: type, records: records,
                         certificateSince: type == .tlsaInvalid ? address.probe.tls?.chain.first?.notBefore : nil)
        case .unusable:
            return .host(dns.name, cause, resultType: tlsaBogus ? .dnssecInvalid : .validationFailure, records: [], certificateSince: nil)
        case .unvalidated, .doesNotExist, .noAddress, .delivers:
            return .host(dns.name, cause, resultType: nil, records: [], certificateSince: nil)
        }
    }

    // X509_V_ERR_* (openssl/x509_vfy.h).
    static let notYetValid = 9, expired = 10, hostnameMismatch = 62

    /// The RFC 8460 result type of an address's failure (§4.3.2); nil when it is no TLS failure
    /// (no connection, a failure after TLS).
    static func resultType(_ cause: AddressCause, tls: TLSSummary?, policyType: TLSPolicyType, tlsaBogus: Bool) -> TLSResultType? {
        switch cause {
        case .noMatch:
            switch tls?.verifyCode {
            case expired?, notYetValid?: return .certificateExpired
            case hostnameMismatch?: return .certificateHostMismatch
            default: return .tlsaInvalid
            }
        case .pkixFailed:
            if policyType == .sts { return .stsWebPKIInvalid }
            switch tls?.verifyCode {
            case expired?, notYetValid?: return .certificateExpired
            case hostnameMismatch?: return .certificateHostMismatch
            default: return .certificateNotTrusted
            }
        case .withoutTLS(.notOffered, _, _), .withoutTLS(.refused, _, _): return .starttlsNotSupported
        case .withoutTLS(.handshake(let failure), _, _), .withoutTLS(.starttls(let failure), _, _):
            switch failure {
            case .tls, .tlsSession: return .validationFailure
            default: return nil
            }
        case .hostUnusable: return tlsaBogus ? .dnssecInvalid : .validationFailure
        case .afterTLS, .noSession, .matched, .pkixVerified, .unauthenticated, .plaintext, .opportunistic: return nil
        }
    }
}
