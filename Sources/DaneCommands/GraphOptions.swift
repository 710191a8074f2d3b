import ArgumentParser

/// `--format dot|svg|png` of `chain` and `domain`: the answer as a graph. danecheck writes the
/// DOT itself; svg and png are drawn by Graphviz's `dot`, when it is installed.
public struct GraphOptions: ParsableArguments {
    public enum Format: String, ExpressibleByArgument, CaseIterable, Sendable {
        case dot, svg, png
    }

    @Option(help: ArgumentHelp("Print a graph instead of text: dot (Graphviz DOT), or svg or png drawn by Graphviz's dot (Debian: graphviz).",
                               valueName: "dot|svg|png"))
    public var format: Format?

    public init() {}
}
