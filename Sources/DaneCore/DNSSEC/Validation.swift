/// Who decides +dnssec for a lookup service, with what it needs to decide: the resolver's AD bit
/// (RFC 4035 §3.2.3), with a validator to name the cause of a SERVFAIL when there are trust
/// anchors; or a validator that checks everything here (RFC 4035 §5). Local validation without
/// a validator cannot be asked for.
public enum Validation: Sendable {
    case resolver(explainer: LocalValidator?)
    case local(LocalValidator)

    public var mode: ValidationMode {
        switch self {
        case .resolver: .resolver
        case .local: .local
        }
    }

    /// The validator: the one that decides (local), or the one that explains SERVFAILs.
    public var validator: LocalValidator? {
        switch self {
        case .resolver(let explainer): explainer
        case .local(let validator): validator
        }
    }
}
