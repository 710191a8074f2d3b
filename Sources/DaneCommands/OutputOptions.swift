import ArgumentParser

/// How a command prints its report: text (the default) or one JSON document.
public struct OutputOptions: ParsableArguments {
    @Flag(help: "Print one JSON document instead of text.")
    public var json = false

    public init() {}
}
