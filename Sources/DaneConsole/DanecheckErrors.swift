import ArgumentParser
import DaneCore

extension Danecheck {
    /// The one line an error prints, the same in the CLI and in the console:
    /// "danecheck: error: Missing expected argument '<domain>'".
    public static func errorLine(for error: any Error) -> String {
        let message = Danecheck.message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
        // ArgumentParser quotes arguments whole: a 10 MB argument must not become a 10 MB line.
        return "danecheck: error: \(BoundedText.prefix(message, limit: 400))"
    }
}
