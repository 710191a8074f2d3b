/// Quoted-printable (RFC 2045 §6.7): "=XX" is the octet XX, "=" at a line's end joins it to the
/// next; anything else is itself. A malformed escape is kept as written.
enum QuotedPrintable {
    static func decode(_ input: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var index = input.startIndex
        func hex(_ byte: UInt8) -> UInt8? {
            switch byte {
            case 0x30...0x39: byte - 0x30
            case 0x41...0x46: byte - 0x41 + 10
            case 0x61...0x66: byte - 0x61 + 10
            default: nil
            }
        }
        while index < input.endIndex {
            let byte = input[index]
            guard byte == UInt8(ascii: "=") else { output.append(byte); index += 1; continue }
            let next = input.index(after: index)
            if next < input.endIndex, input[next] == UInt8(ascii: "\n") { index = next + 1; continue }
            if next + 1 < input.endIndex, input[next] == UInt8(ascii: "\r"), input[next + 1] == UInt8(ascii: "\n") { index = next + 2; continue }
            if next + 1 < input.endIndex, let high = hex(input[next]), let low = hex(input[next + 1]) {
                output.append(high << 4 | low)
                index = next + 2
                continue
            }
            output.append(byte)
            index += 1
        }
        return output
    }
}
