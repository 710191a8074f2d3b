import ArgumentParser
import DaneCore
import Foundation

/// TLSA records typed on the command line (`probe --tlsa`, `tlsa verify --record`) or read from a
/// file of them: a record typed wrong, or one whose data cannot be a record of its kind (a digest
/// of the wrong length), is a usage error, not an unusable record of the server's.
enum GivenTLSARecords {
    /// nil when none are given; `option` names the file option in messages.
    static func parse(_ texts: [String], file: String?, option: String) throws -> [TLSARecord]? {
        guard !texts.isEmpty || file != nil else { return nil }
        do {
            var records = try texts.map { text throws(TLSARecordParser.Failure) in try TLSARecordParser.parse(text) }
            if let file {
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw ValidationError("cannot read \(option) \(BoundedText.prefix(file))")
                }
                records += try TLSARecordParser.parseFile(String(decoding: data, as: UTF8.self))
            }
            if records.isEmpty { throw ValidationError("no TLSA record in \(option) \(BoundedText.prefix(file ?? ""))") }
            if let bad = records.first(where: { SMTPTLSAUsabilityRule.malformation($0) != nil }) {
                throw ValidationError("TLSA record \(BoundedText.quoted(bad.description)): \(SMTPTLSAUsabilityRule.malformation(bad)!)")
            }
            return records
        } catch let error as TLSARecordParser.Failure {
            throw ValidationError(error.description)
        }
    }
}
