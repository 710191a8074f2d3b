/// RFC 4034 §3.1.3: an RRSIG's Labels field counts the owner's labels, "not including the null
/// (root) label and any initial "*" label": an RRSIG over the RRset at "*.example.com" counts 2,
/// like one over an RRset expanded from it at "www.example.com" counts fewer than the owner's 3.
extension DNSName {
    var rrsigLabelCount: Int { labelCount - (absolute.hasPrefix("*.") ? 1 : 0) }
}
