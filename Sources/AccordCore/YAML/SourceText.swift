public import Foundation

/// Turns the bytes of a tracker file into the text accord reads: UTF-8 without a
/// byte-order mark, `\n` line ends, NFC-normalised.
public enum SourceText {
    /// The normalised text, or a diagnostic naming the line of the first byte that is not
    /// UTF-8.
    public static func decode(_ data: Data, file: String) -> Result<String, Diagnostic> {
        // Most records: ASCII without a carriage return, already UTF-8, `\n`-ended and NFC.
        let (isASCII, carriageReturn) = data.withUnsafeBytes { bytes in
            var any: UInt8 = 0, carriageReturn = false
            for byte in bytes {
                any |= byte
                carriageReturn = carriageReturn || byte == 13
            }
            return (any < 0x80, carriageReturn)
        }
        if isASCII, !carriageReturn { return .success(String(decoding: data, as: UTF8.self)) }
        // Then text without a byte-order mark or a carriage return: validated in one pass.
        if !carriageReturn, !data.starts(with: [0xEF, 0xBB, 0xBF]),
           let text = data.withUnsafeBytes({ String(validating: $0.bindMemory(to: UInt8.self), as: UTF8.self) }) {
            return .success(ReadableText.nfc(text))
        }
        // The rest: a byte-order mark, carriage returns, or bytes that are not UTF-8.
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let ascii = bytes.allSatisfy { $0 < 0x80 }
        if !ascii, let offset = firstInvalidOffset(bytes) {
            let line = bytes[..<offset].reduce(1) { $1 == 10 ? $0 + 1 : $0 }
            return .failure(Diagnostic(
                file: file, line: line, field: "",
                message: L10n.english("the file is not UTF-8 text (byte {1})", offset + 1)))
        }
        if bytes.contains(13) {
            var text = String(decoding: bytes, as: UTF8.self)
            text = text.replacingOccurrences(of: "\r\n", with: "\n")
                .replacingOccurrences(of: "\r", with: "\n")
            bytes = Array(text.utf8)
        }
        let text = String(decoding: bytes, as: UTF8.self)
        // ICU's quick check answers most non-ASCII text (already NFC) without normalising.
        return .success(ascii ? text : ReadableText.nfc(text))
    }

    private static func firstInvalidOffset(_ bytes: [UInt8]) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .error: return offset
            case .emptyInput: return nil
            }
        }
    }
}
