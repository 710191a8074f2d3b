import DaneCore
import Foundation

/// The console's `set` values, added to every command that takes them (unless the command line
/// gives the option itself), as Momentum's console settings apply to what it does next.
struct ConsoleSettings: Sendable {
    enum Key: String, CaseIterable {
        case resolver, timeout, validation, trust_anchor, use_dane, enable_dane, tls, tls_verify, insecure_mx, mta_sts, ca_file,
             tlsa_expire_interval
    }

    var resolvers: [String] = []
    var timeout: Double?
    var validation: ValidationMode = .resolver
    /// Trust anchor files (none: the default file).
    var trustAnchors: [String] = []
    var useDANE = true
    var enableDANE = true
    var tls: CheckPolicy.TLSMode = .ifavailable
    var tlsVerify: CheckPolicy.TLSVerify = .none
    var insecureMX: CheckPolicy.InsecureMX = .may
    /// Momentum's mta_sts: check applies MTA-STS policies.
    var mtaSTS = false
    /// CA file for MTA-STS HTTPS and for tls_verify.
    var caFile: String?
    /// Momentum's tlsa_expire_interval: how often expired TLSA answers leave the cache.
    var tlsaExpireInterval: Double = 3600
    var debug: Set<String> = []

    /// Applies `set KEY VALUE`; returns an error line, or nil.
    mutating func set(_ key: String, _ value: String) -> String? {
        guard let key = Key(rawValue: key) else {
            return "unknown setting '\(key)' (\(Key.allCases.map(\.rawValue).joined(separator: ", ")))"
        }
        func flag(_ text: String) -> Bool? { ["on", "yes", "true", "1"].contains(text) ? true : ["off", "no", "false", "0"].contains(text) ? false : nil }
        switch key {
        case .resolver:
            let list = value.split(separator: ",").map(String.init)
            for item in list {
                do { _ = try ResolverAddress(parsing: item) } catch { return error.description }
            }
            resolvers = list
        case .timeout:
            guard let seconds = Double(value), seconds > 0, seconds <= 300 else { return "timeout must be more than 0 and at most 300 seconds" }
            timeout = seconds
        case .validation:
            guard let mode = ValidationMode(rawValue: value) else { return "validation takes resolver or local" }
            validation = mode
        case .trust_anchor:
            let files = value.split(separator: ",").map(String.init)
            for file in files {
                do { _ = try TrustAnchorFile.load(file) } catch { return error.description }
            }
            trustAnchors = files
        case .use_dane, .enable_dane:
            guard let on = flag(value) else { return "\(key.rawValue) takes on or off" }
            if key == .use_dane { useDANE = on } else { enableDANE = on }
        case .tls:
            guard let mode = CheckPolicy.TLSMode(rawValue: value) else { return "tls takes ifavailable, required or disabled" }
            tls = mode
        case .tls_verify:
            guard let mode = CheckPolicy.TLSVerify(rawValue: value) else { return "tls_verify takes none, ca or host" }
            tlsVerify = mode
        case .insecure_mx:
            guard let mode = CheckPolicy.InsecureMX(rawValue: value) else { return "insecure_mx takes may or dane" }
            insecureMX = mode
        case .mta_sts:
            guard let on = flag(value) else { return "mta_sts takes on or off" }
            mtaSTS = on
        case .ca_file:
            guard FileManager.default.isReadableFile(atPath: value) else { return "cannot read \(value)" }
            caFile = value
        case .tlsa_expire_interval:
            guard let seconds = Double(value), seconds > 0 else { return "tlsa_expire_interval takes seconds" }
            tlsaExpireInterval = seconds
        }
        return nil
    }

    /// `show settings`.
    var lines: [String] {
        [
            "resolver \(resolvers.isEmpty ? "(from /etc/resolv.conf)" : resolvers.joined(separator: ","))",
            "timeout \(timeout.map { TimeFormat.seconds($0) } ?? "5s")",
            "validation \(validation.rawValue)",
            "trust_anchor \(trustAnchors.isEmpty ? "(\(TrustAnchorFile.defaultPath))" : trustAnchors.joined(separator: ","))",
            "use_dane \(useDANE ? "on" : "off")",
            "enable_dane \(enableDANE ? "on" : "off")",
            "tls \(tls.rawValue)",
            "tls_verify \(tlsVerify.rawValue)",
            "insecure_mx \(insecureMX.rawValue)",
            "mta_sts \(mtaSTS ? "on" : "off")",
            "ca_file \(caFile ?? "(system store)")",
            "tlsa_expire_interval \(Int(tlsaExpireInterval))s",
            "debug \(debug.isEmpty ? "off" : debug.sorted().joined(separator: ","))",
        ]
    }

    /// The command's words with the settings it does not give itself, placed right after the
    /// command name so that an option the user typed still comes later and wins.
    func apply(to words: [String]) -> [String] {
        guard let command = words.first, ["domain", "probe", "check", "chain", "tlsa"].contains(command) else { return words }
        // "tlsa create": the options belong to the subcommand, after its name.
        let head = command == "tlsa" ? Array(words.prefix(2)) : [command]
        guard command != "tlsa" || head.last == "create" else { return words }
        func gives(_ option: String) -> Bool { words.contains { $0 == option || $0.hasPrefix(option + "=") } }
        var extra: [String] = []
        if !gives("--resolver") { resolvers.forEach { extra += ["--resolver", $0] } }
        if !gives("--timeout"), let timeout { extra += ["--timeout", "\(timeout)"] }
        if !gives("--debug"), !debug.isEmpty { extra += ["--debug", debug.sorted().joined(separator: ",")] }
        if !gives("--validation"), validation != .resolver { extra += ["--validation", validation.rawValue] }
        if !gives("--trust-anchor") { trustAnchors.forEach { extra += ["--trust-anchor", $0] } }
        if command == "check" {
            if !useDANE && !gives("--no-use-dane") { extra.append("--no-use-dane") }
            if !enableDANE && !gives("--no-enable-dane") { extra.append("--no-enable-dane") }
            if tls != .ifavailable && !gives("--tls") { extra += ["--tls", tls.rawValue] }
            if tlsVerify != .none && !gives("--tls-verify") { extra += ["--tls-verify", tlsVerify.rawValue] }
            if insecureMX != .may && !gives("--insecure-mx") { extra += ["--insecure-mx", insecureMX.rawValue] }
            if mtaSTS && !gives("--mta-sts") { extra.append("--mta-sts") }
        }
        let caFileApplies = command == "domain" || (command == "check" && (mtaSTS || tlsVerify != .none || gives("--mta-sts")))
        if let caFile, caFileApplies, !gives("--ca-file") { extra += ["--ca-file", caFile] }
        return head + extra + words.dropFirst(head.count)
    }
}
