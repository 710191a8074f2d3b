/// Encodes report JSON the same way everywhere (`OrderedJSONEncoder`): keys in the order the
/// types declare them, what a reader looks for first coming first; absent values left out;
/// nothing in a string that could act on a terminal. The schema is schema/danecheck.schema.json.
public enum JSONOutput {
    /// The version of schema/danecheck.schema.json that every document and JSON Lines record
    /// names in its `schema_version`.
    public static let schemaVersion = 1

    public static func encode<T: Encodable>(_ value: T) throws -> String {
        try OrderedJSONEncoder(pretty: true).encode(value) + "\n"
    }

    /// One line, for JSON Lines output.
    public static func line<T: Encodable>(_ value: T) throws -> String {
        try OrderedJSONEncoder(pretty: false).encode(value) + "\n"
    }
}
