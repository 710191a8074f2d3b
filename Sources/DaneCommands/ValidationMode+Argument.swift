import ArgumentParser
import DaneCore

extension ValidationMode: ExpressibleByArgument {}
