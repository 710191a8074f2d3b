/// `check` summary's count per verdict: an object keyed by verdict word, in the order of
/// `Verdict.allCases` (a dictionary would come out in a different order every run).
public struct VerdictCountsJSON: Codable, Sendable, Equatable {
    public let counts: [(verdict: String, count: Int)]

    public init(_ verdicts: [Verdict]) {
        counts = Verdict.allCases.compactMap { verdict in
            let count = verdicts.filter { $0 == verdict }.count
            return count == 0 ? nil : (verdict.rawValue, count)
        }
    }

    /// The count for a word (0 when none).
    public subscript(_ word: String) -> Int { counts.first { $0.verdict == word }?.count ?? 0 }

    private struct Key: CodingKey {
        let stringValue: String
        init(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        for (verdict, count) in counts { try container.encode(count, forKey: Key(stringValue: verdict)) }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        let found = try container.allKeys.map { ($0.stringValue, try container.decode(Int.self, forKey: $0)) }
        let order = Verdict.allCases.map(\.rawValue)
        counts = found.sorted { (order.firstIndex(of: $0.0) ?? order.count) < (order.firstIndex(of: $1.0) ?? order.count) }
    }

    public static func == (left: Self, right: Self) -> Bool {
        left.counts.map(\.verdict) == right.counts.map(\.verdict) && left.counts.map(\.count) == right.counts.map(\.count)
    }
}
