import ArgumentParser
import DaneCore

/// Rollover-health options shared by the commands that probe (probe, domain --probe, check).
public struct RolloverOptions: ParsableArguments {
    @Option(parsing: .unconditional,
            help: ArgumentHelp("Warn when a certificate or DANE-TA trust anchor expires within this many days (0-3650).",
                               valueName: "days"))
    public var warnDays: Int = RolloverSettings.defaultWarnDays

    @Option(help: ArgumentHelp("CA file whose CAs count as public for the DANE-TA-only warning (default: the system's CA store).",
                               valueName: "file"))
    public var publicCAFile: String?

    /// The CA file, loaded by `validate()`.
    public private(set) var publicCAs: PublicCAStore?

    enum CodingKeys: String, CodingKey {
        case warnDays, publicCAFile
    }

    public init() {}

    public mutating func validate() throws {
        guard (0...3650).contains(warnDays) else { throw ValidationError("--warn-days must be from 0 to 3650, got \(warnDays)") }
        guard let publicCAFile else { return }
        guard FileManagerCheck.isReadable(publicCAFile) else {
            throw ValidationError("cannot read --public-ca-file \(BoundedText.prefix(publicCAFile))")
        }
        do { publicCAs = try PublicCAStore(caFile: publicCAFile) } catch { throw ValidationError("--public-ca-file: \(error)") }
    }

    public var settings: RolloverSettings { RolloverSettings(warnDays: warnDays, publicCAs: publicCAs) }
}
