import ArgumentParser
import Foundation

/// How a command prints its report: text (the default) or one JSON document.
public struct OutputOptions: ParsableArguments {
    @Flag(help: "Print one JSON document instead of text.")
    public var json = false

    @Option(help: ArgumentHelp("Colour verdict words and warnings: auto (on a terminal, unless NO_COLOR is set), never, always.",
                               valueName: "when"))
    public var color: ColorChoice = .auto

    /// Whether report lines on stdout, and danecheck's lines on stderr, are coloured.
    public var colorsOutput: Bool { color.colours(STDOUT_FILENO) }
    public var colorsErrors: Bool { color.colours(STDERR_FILENO) }

    public init() {}
}
