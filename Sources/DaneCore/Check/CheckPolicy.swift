/// The local policy an MTA applies, after the Momentum DANE module: `use_dane` (look up TLSA, only
/// where the MX and address records are secure), `enable_dane` (apply DANE verification), `tls`,
/// `tls_verify` (used only where DANE does not apply), and what to do under an insecure MX RRset.
public struct CheckPolicy: Sendable, Hashable, CustomStringConvertible {
    public enum TLSMode: String, Sendable, CaseIterable { case ifavailable, required, disabled }
    public enum TLSVerify: String, Sendable, CaseIterable { case none, ca, host }
    public enum InsecureMX: String, Sendable, CaseIterable {
        /// Momentum: an insecure MX RRset means no DANE (RFC 7672 §2.2.1 "need not apply").
        case may
        /// Postfix's default: use the host's TLSA records anyway; success is "trusted".
        case dane
    }

    public var useDANE: Bool
    public var enableDANE: Bool
    public var tls: TLSMode
    public var tlsVerify: TLSVerify
    public var caFile: String?
    public var insecureMX: InsecureMX
    /// Apply the domain's MTA-STS policy (RFC 8461) beside DANE (Momentum's mta_sts).
    public var mtaSTS: Bool

    public init(useDANE: Bool = true, enableDANE: Bool = true, tls: TLSMode = .ifavailable,
                tlsVerify: TLSVerify = .none, caFile: String? = nil, insecureMX: InsecureMX = .may, mtaSTS: Bool = false) {
        self.useDANE = useDANE
        self.enableDANE = enableDANE
        self.tls = tls
        self.tlsVerify = tlsVerify
        self.caFile = caFile
        self.insecureMX = insecureMX
        self.mtaSTS = mtaSTS
    }

    /// The policy of every command and the console unless options change it (Momentum's
    /// defaults: use_dane and enable_dane on, tls ifavailable, tls_verify none, insecure_mx may).
    public static let `default` = CheckPolicy()

    /// "use_dane=yes enable_dane=yes tls=ifavailable tls_verify=none insecure_mx=may".
    public var description: String {
        "use_dane=\(useDANE ? "yes" : "no") enable_dane=\(enableDANE ? "yes" : "no") tls=\(tls.rawValue) "
            + "tls_verify=\(tlsVerify.rawValue)\(caFile.map { " ca_file=\($0)" } ?? "") insecure_mx=\(insecureMX.rawValue)"
            + (mtaSTS ? " mta_sts=on" : "")
    }

    /// What the DNS walk must do under this policy (`InsecureMXRule` reads `tlsaUnderInsecureMX`).
    public var inspection: InspectionOptions {
        InspectionOptions(lookUpTLSA: useDANE, tlsaUnderInsecureMX: insecureMX == .dane, speculativeTLSA: useDANE)
    }
}
