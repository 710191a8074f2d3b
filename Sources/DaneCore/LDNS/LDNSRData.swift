import CLDNS

/// Reads ldns rdata fields into Swift values.
enum LDNSRData {
    /// Presentation format of an rdf ("192.0.2.1", "mx.example.test.").
    static func text(_ rdf: UnsafeMutablePointer<ldns_rdf>?) -> String {
        guard let rdf, let cString = ldns_rdf2str(rdf) else { return "" }
        defer { cldns_free_string(cString) }
        return String(cString: cString)
    }

    static func bytes(_ rdf: UnsafeMutablePointer<ldns_rdf>?) -> [UInt8] {
        guard let rdf, let data = ldns_rdf_data(rdf) else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: ldns_rdf_size(rdf)))
    }

    static func uint8(_ rdf: UnsafeMutablePointer<ldns_rdf>?) -> UInt8? {
        guard let rdf, ldns_rdf_size(rdf) == 1 else { return nil }
        return ldns_rdf2native_int8(rdf)
    }

    static func uint16(_ rdf: UnsafeMutablePointer<ldns_rdf>?) -> UInt16? {
        guard let rdf, ldns_rdf_size(rdf) == 2 else { return nil }
        return ldns_rdf2native_int16(rdf)
    }

    static func uint32(_ rdf: UnsafeMutablePointer<ldns_rdf>?) -> UInt32? {
        guard let rdf, ldns_rdf_size(rdf) == 4 else { return nil }
        return ldns_rdf2native_int32(rdf)
    }
}
