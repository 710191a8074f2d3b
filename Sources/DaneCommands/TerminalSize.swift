import Foundation

/// The width of the terminal on a descriptor (TIOCGWINSZ), 80 when it does not say.
enum TerminalSize {
    static func columns(_ fd: Int32) -> Int {
        var size = winsize()
        guard ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }
}
