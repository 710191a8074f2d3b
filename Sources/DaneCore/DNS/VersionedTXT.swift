/// The one TXT record of an RRset that starts with a version tag, as MTA-STS (RFC 8461 §3.1,
/// "v=STSv1") and TLSRPT (RFC 8460 §3, "v=TLSRPTv1") select it: records not starting with the
/// tag (followed by nothing, white space or ";") are discarded; not exactly one left is none.
enum VersionedTXT {
    /// The record, or why there is none ("no TXT record starts with v=STSv1").
    static func single(_ texts: [String], version: String) -> Result<String, VersionedTXTProblem> {
        let candidates = texts.filter { text in
            guard text.hasPrefix(version) else { return false }
            let rest = text.dropFirst(version.count).drop { $0 == " " || $0 == "\t" }
            return rest.isEmpty || rest.hasPrefix(";")
        }
        guard candidates.count == 1, let text = candidates.first else {
            return .failure(VersionedTXTProblem(text: candidates.isEmpty ? "no TXT record starts with \(version)"
                                                : "\(candidates.count) TXT records start with \(version) (one is allowed)"))
        }
        return .success(text)
    }
}

/// Why no single versioned TXT record was found, in words.
struct VersionedTXTProblem: Error {
    let text: String
}
