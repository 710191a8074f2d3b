import Foundation

/// Reads one report's JSON (RFC 8460 §4.4) into a `TLSReport`, or says which field breaks the
/// RFC's schema. Required: organization-name, date-range (start-datetime, end-datetime: RFC 3339
/// date-time), contact-info, report-id, policies; in each policy, policy.policy-type and
/// policy.policy-domain and the two summary counts; in each failure, result-type and
/// failed-session-count. Counts are integers from 0 to `maxCount`; strings are at most
/// `maxString` octets; the sizes are bounded so that a hostile report costs bounded memory.
public enum TLSReportParser {
    /// Octets of JSON read at most (decompressed).
    public static let maxJSONBytes = 32 << 20
    /// A count larger than any real day of mail (sums of many reports cannot overflow).
    public static let maxCount = 1_000_000_000_000
    public static let maxString = 16_384
    public static let maxPolicies = 10_000
    public static let maxFailureDetails = 100_000

    public static func parse(_ json: [UInt8]) throws(TLSReportError) -> TLSReport {
        guard json.count <= maxJSONBytes else { throw TLSReportError("", "\(json.count) octets of JSON, more than \(maxJSONBytes)") }
        let value: Any
        do {
            value = try JSONSerialization.jsonObject(with: Data(json), options: [])
        } catch {
            throw TLSReportError("", "not JSON (\(Self.jsonProblem(error)))")
        }
        var reader = Reader()
        return try reader.report(value)
    }

    static func jsonProblem(_ error: any Error) -> String {
        let text = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
        return BoundedText.prefix(text, limit: 120)
    }

    /// Walks the JSON value with a path for its errors, counting failure details across policies.
    struct Reader {
        var details = 0

        mutating func report(_ value: Any) throws(TLSReportError) -> TLSReport {
            let top = try object(value, "")
            let range = try object(top["date-range"], "date-range", required: true)
            let start = try date(range["start-datetime"], "date-range.start-datetime")
            let end = try date(range["end-datetime"], "date-range.end-datetime")
            guard end >= start else { throw TLSReportError("date-range", "end-datetime is before start-datetime") }
            let list = try array(top["policies"], "policies")
            guard list.count <= TLSReportParser.maxPolicies else {
                throw TLSReportError("policies", "\(list.count) policies, more than \(TLSReportParser.maxPolicies)")
            }
            var policies: [TLSReportPolicy] = []
            for (index, item) in list.enumerated() { policies.append(try policy(item, "policies[\(index)]")) }
            return TLSReport(organizationName: try string(top["organization-name"], "organization-name"), start: start, end: end,
                             contactInfo: try string(top["contact-info"], "contact-info"),
                             reportID: try string(top["report-id"], "report-id"), policies: policies)
        }

        mutating func policy(_ value: Any, _ path: String) throws(TLSReportError) -> TLSReportPolicy {
            let item = try object(value, path)
            let policy = try object(item["policy"], path + ".policy", required: true)
            let typeName = try string(policy["policy-type"], path + ".policy.policy-type")
            guard let type = TLSPolicyType(rawValue: typeName) else {
                throw TLSReportError(path + ".policy.policy-type", "\(BoundedText.quoted(typeName)) is not tlsa, sts or no-policy-found")
            }
            let summary = try object(item["summary"], path + ".summary", required: true)
            var failures: [TLSFailureDetail] = []
            if let list = item["failure-details"] {
                let entries = try array(list, path + ".failure-details")
                details += entries.count
                guard details <= TLSReportParser.maxFailureDetails else {
                    throw TLSReportError(path + ".failure-details", "more than \(TLSReportParser.maxFailureDetails) failure details in the report")
                }
                for (index, entry) in entries.enumerated() { failures.append(try failure(entry, path + ".failure-details[\(index)]")) }
            }
            return TLSReportPolicy(policyType: type, policyStrings: try strings(policy["policy-string"], path + ".policy.policy-string"),
                                   policyDomain: try string(policy["policy-domain"], path + ".policy.policy-domain"),
                                   mxHosts: try strings(policy["mx-host"], path + ".policy.mx-host"),
                                   successfulSessions: try count(summary["total-successful-session-count"], path + ".summary.total-successful-session-count"),
                                   failedSessions: try count(summary["total-failure-session-count"], path + ".summary.total-failure-session-count"),
                                   failures: failures)
        }

        func failure(_ value: Any, _ path: String) throws(TLSReportError) -> TLSFailureDetail {
            let item = try object(value, path)
            return TLSFailureDetail(resultType: TLSResultType(name: try string(item["result-type"], path + ".result-type")),
                                    sendingMTAIP: try optionalString(item["sending-mta-ip"], path + ".sending-mta-ip"),
                                    receivingMXHostname: try optionalString(item["receiving-mx-hostname"], path + ".receiving-mx-hostname"),
                                    receivingMXHelo: try optionalString(item["receiving-mx-helo"], path + ".receiving-mx-helo"),
                                    receivingIP: try optionalString(item["receiving-ip"], path + ".receiving-ip"),
                                    failedSessionCount: try count(item["failed-session-count"], path + ".failed-session-count"),
                                    additionalInformation: try optionalString(item["additional-information"], path + ".additional-information"),
                                    failureReasonCode: try optionalString(item["failure-reason-code"], path + ".failure-reason-code"))
        }

        func object(_ value: Any?, _ path: String, required: Bool = true) throws(TLSReportError) -> [String: Any] {
            guard let value else { throw TLSReportError(path, "missing") }
            guard let object = value as? [String: Any] else { throw TLSReportError(path, "not an object (\(Self.kind(value)))") }
            return object
        }

        func array(_ value: Any?, _ path: String) throws(TLSReportError) -> [Any] {
            guard let value else { throw TLSReportError(path, "missing") }
            guard let array = value as? [Any] else { throw TLSReportError(path, "not a list (\(Self.kind(value)))") }
            return array
        }

        func string(_ value: Any?, _ path: String) throws(TLSReportError) -> String {
            guard let value else { throw TLSReportError(path, "missing") }
            guard let text = value as? String else { throw TLSReportError(path, "not a string (\(Self.kind(value)))") }
            guard text.utf8.count <= TLSReportParser.maxString else {
                throw TLSReportError(path, "\(text.utf8.count) octets, more than \(TLSReportParser.maxString)")
            }
            return text
        }

        func optionalString(_ value: Any?, _ path: String) throws(TLSReportError) -> String? {
            guard let value, !(value is NSNull) else { return nil }
            return try string(value, path)
        }

        /// A list of strings; a single string is taken as a list of one ("mx-host" is one in RFC
        /// 8460's example, a list in its schema).
        func strings(_ value: Any?, _ path: String) throws(TLSReportError) -> [String] {
            guard let value, !(value is NSNull) else { return [] }
            if value is String { return [try string(value, path)] }
            let list = try array(value, path)
            guard list.count <= TLSReportParser.maxPolicies else { throw TLSReportError(path, "\(list.count) entries, more than \(TLSReportParser.maxPolicies)") }
            var result: [String] = []
            for (index, item) in list.enumerated() { result.append(try string(item, "\(path)[\(index)]")) }
            return result
        }

        func count(_ value: Any?, _ path: String) throws(TLSReportError) -> Int {
            guard let value else { throw TLSReportError(path, "missing") }
            guard !Self.isBool(value), let number = value as? NSNumber else { throw TLSReportError(path, "not a number (\(Self.kind(value)))") }
            let double = number.doubleValue
            guard double.isFinite, double == double.rounded(), double >= 0, double <= Double(TLSReportParser.maxCount) else {
                throw TLSReportError(path, "\(number) is not a count (a whole number from 0 to \(TLSReportParser.maxCount))")
            }
            return Int(double)
        }

        func date(_ value: Any?, _ path: String) throws(TLSReportError) -> Date {
            let text = try string(value, path)
            guard let date = RFC3339.date(text) else { throw TLSReportError(path, "\(BoundedText.quoted(text)) is not an RFC 3339 date-time") }
            return date
        }

        static func isBool(_ value: Any) -> Bool {
            if value is Bool, !(value is NSNumber) { return true }
            if let number = value as? NSNumber { return String(cString: number.objCType) == "c" && (number == true || number == false) && type(of: value) != type(of: NSNumber(value: 1)) }
            return false
        }

        static func kind(_ value: Any) -> String {
            switch value {
            case is NSNull: "null"
            case is String: "a string"
            case is [Any]: "a list"
            case is [String: Any]: "an object"
            case _ where isBool(value): "true/false"
            case is NSNumber: "a number"
            default: "\(type(of: value))"
            }
        }
    }
}
