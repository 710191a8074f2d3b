import ArgumentParser
import Foundation

/// `--color auto|never|always`: colour for verdict words and warnings. `auto` colours a terminal
/// only, and never when NO_COLOR is set to anything (no-color.org) or TERM is dumb; `always`
/// colours pipes too (less -R), over NO_COLOR.
public enum ColorChoice: String, ExpressibleByArgument, CaseIterable, Sendable {
    case auto, never, always

    public func colours(_ fd: Int32, environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        switch self {
        case .never: false
        case .always: true
        case .auto: isatty(fd) == 1 && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
        }
    }
}
