import Foundation

/// Record data in presentation format, for reports that list records as they are.
public enum RecordPresentation {
    public static func text(_ data: RecordData) -> String {
        switch data {
        case .address(let address): address.text
        case .mx(let preference, let exchange): "\(preference) \(exchange.absolute)"
        case .cname(let target): target.absolute
        case .tlsa(let record): record.description
        case .malformedTLSA(let rdata): TLSAEntry.generic(rdata)
        case .soa(let serial, let minimum): "(SOA, serial \(serial), minimum \(minimum))"
        case .other(let text): text
        }
    }
}
