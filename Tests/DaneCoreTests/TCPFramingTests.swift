import Testing
@testable import DaneCore

/// DNS over TCP: two octets of length, then the message, whatever chunks the socket gives.
struct TCPFramingTests {
    @Test func messagesComeWholeWhateverTheChunks() {
        let one: [UInt8] = [1, 2, 3], two: [UInt8] = Array(repeating: 7, count: 300), empty: [UInt8] = []
        let stream = TCPFraming.frame(one) + TCPFraming.frame(empty) + TCPFraming.frame(two)
        #expect(TCPFraming.frame(two).prefix(2) == [1, 44])  // 300 in network order
        for size in [1, 2, 3, 5, 64, stream.count] {
            var framing = TCPFraming()
            var messages: [[UInt8]] = []
            for start in stride(from: 0, to: stream.count, by: size) {
                messages += framing.append(Array(stream[start..<min(start + size, stream.count)]))
            }
            #expect(messages == [one, empty, two], "chunks of \(size)")
            #expect(framing.pending == 0)
        }
    }

    @Test func aCutMessageWaitsAndIsCounted() {
        var framing = TCPFraming()
        #expect(framing.append([0]).isEmpty)
        #expect(framing.append([5, 1, 2]).isEmpty)
        #expect(framing.pending == 4)
        #expect(framing.append([3, 4, 5, 0]) == [[1, 2, 3, 4, 5]])
        #expect(framing.pending == 1, "the next message's first length octet")
    }
}
