import DaneCommands
import DaneCore
import Foundation

/// The maildir an MTA delivers `rua=mailto:` reports into: every --tlsrpt-maildir-interval
/// seconds each message in new/ is read (bounded, `TLSReportFiles`), its reports stored, and
/// only then moved to cur/ (a crash in between reads it again: stored once). A message that
/// holds no readable report is named on stderr and moved too, so it is not read again.
public struct MaildirIngest: Sendable {
    let receiver: TLSRPTReceiver
    let folder: String

    public init(receiver: TLSRPTReceiver, folder: String) {
        self.receiver = receiver
        self.folder = folder
    }

    /// Runs until the task is cancelled.
    public func run(every seconds: Double) async {
        while !Task.isCancelled {
            await pass()
            try? await Task.sleep(for: .seconds(seconds))
        }
    }

    /// One look at new/: the number of messages moved to cur/.
    @discardableResult
    public func pass() async -> Int {
        let new = (folder as NSString).appendingPathComponent("new")
        let cur = (folder as NSString).appendingPathComponent("cur")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: new) else { return 0 }
        var moved = 0
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = (new as NSString).appendingPathComponent(name)
            var items: [TLSReportItem] = []
            TLSReportFiles(paths: [path]).forEach { items.append($0) }
            var keep = false
            for item in items {
                switch item {
                case .problem(let problem):
                    receiver.counters.rejected("not-a-report")
                    StandardError.line("danecheck-exporter: tlsrpt: \(problem)")
                case .report(let report, let json, _):
                    let response = await receiver.stored(report, json: json, channel: "mail")
                    // The database failed: leave the message in new/ for the next pass.
                    if response.status == .serviceUnavailable { keep = true }
                }
            }
            if keep { continue }
            let target = (cur as NSString).appendingPathComponent(name.contains(":2,") ? name : name + ":2,S")
            if rename(path, target) == 0 { moved += 1 }
        }
        return moved
    }
}
