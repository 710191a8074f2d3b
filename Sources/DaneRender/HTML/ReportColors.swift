import DaneCore

/// The colours of the HTML report: verdicts and exit classes, severities (the chain graph's teal
/// for authenticated, its red for defer, its yellow for what cannot be known).
enum ReportColors {
    static func of(_ verdict: Verdict) -> String {
        switch verdict {
        case .authenticated: "#0a879a"
        case .verified: "#2e7d32"
        case .trusted: "#689f38"
        case .encrypted: "#9e9d24"
        case .opportunistic: "#9e9e9e"
        case .defer: "#be1515"
        case .undeliverable: "#6d4c41"
        case .unknown: "#f4b800"
        }
    }

    static func of(_ exitClass: ExitClass) -> String {
        switch exitClass {
        case .ok: "#0a879a"
        case .deferred: "#be1515"
        case .indeterminate: "#f4b800"
        case .noMail: "#6d4c41"
        }
    }

    static func of(_ severity: Severity) -> String {
        switch severity {
        case .notice: "#607d8b"
        case .warning: "#e08a00"
        case .critical: "#be1515"
        }
    }
}
