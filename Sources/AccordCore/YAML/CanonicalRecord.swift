internal import Foundation

/// A flat record file laid out exactly as accord writes it, read straight into its fields.
///
/// A large tracker is mostly status reports and evidence, and a cold read parses every one
/// (a warm read parses the evidence again). Their files are usually one `key: value` line
/// per field, in the written order. This reader takes such a file by its ``Layout``: each
/// key at most once and in order, the required ones first, every value on its line (plain,
/// double-quoted, or a bracketed list in the layout's list field). Anything else (another
/// key, a nested field, a comment, a second document) makes it answer nil and the general
/// reader reads the file. A record's reader built on it must give what the general reader
/// gives, or answer nil where that reader names a problem (a test holds each to that).
struct CanonicalRecord {
    /// The keys of one kind of record in the written order, the first `required` of them
    /// required; the field at `list`, when there is one, is a bracketed list of ids.
    final class Layout: @unchecked Sendable {
        let keys: [[UInt8]]
        let names: [String]
        let required: Int
        let list: Int?
        /// The field-line tables made so far (see ``lines(listCount:)``); behind `lock`.
        private var tables: [UInt64: [String: Int]] = [:]
        private let lock = NSLock()

        init(_ names: [String], required: Int, list: String? = nil) {
            self.names = names
            keys = names.map { Array($0.utf8) }
            self.required = required
            self.list = list.flatMap(names.firstIndex(of:))
        }

        /// The field-line table of a file with its fields on `lines` (nil: absent) and
        /// `listCount` items in the list: what the general reader records (the root on line
        /// 1, each field on its line, each item on the list's line). Files laid out alike
        /// share one table, made once: it depends on nothing else.
        func table(_ lines: [Int?], listCount: Int) -> [String: Int] {
            // Sixteen bits the count, four each field's line, when that fits in 64.
            var key = UInt64(listCount)
            var fits = listCount < 1 << 16 && 16 + 4 * lines.count <= 64
            for (slot, line) in lines.enumerated() where fits {
                let line = line ?? 0
                fits = line < 16
                key |= UInt64(line & 0xF) << (16 + 4 * slot)
            }
            guard fits else { return make(lines, listCount: listCount) }
            lock.lock()
            defer { lock.unlock() }
            if let table = tables[key] { return table }
            let table = make(lines, listCount: listCount)
            tables[key] = table
            return table
        }

        private func make(_ lines: [Int?], listCount: Int) -> [String: Int] {
            var table: [String: Int] = ["": 1]
            for (slot, line) in lines.enumerated() {
                guard let line else { continue }
                table[names[slot]] = line
            }
            if let list, let line = lines[list] {
                for index in 0..<listCount { table["\(names[list])[\(index + 1)]"] = line }
            }
            return table
        }
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let layout: Layout
    /// Each field's value (start and end offsets) and line, by its place in the layout.
    private(set) var values: [(start: Int, end: Int, line: Int)?]

    /// The fields of `bytes` when they are `key: value` lines in `layout`'s order; nil otherwise.
    init?(_ bytes: UnsafeBufferPointer<UInt8>, layout: Layout) {
        guard CanonicalYAML.allowedCharacters(bytes) else { return nil }
        self.bytes = bytes
        self.layout = layout
        values = Array(repeating: nil, count: layout.keys.count)
        let keys = layout.keys
        var next = 0, offset = 0, line = 0
        let count = bytes.count
        while offset < count {
            var end = offset
            while end < count, bytes[end] != 0x0A { end += 1 }
            line += 1
            // The key of this line among those still allowed; required ones may not be skipped.
            var found: Int?
            for slot in next..<keys.count where Self.hasKey(keys[slot], bytes, at: offset, end: end) {
                found = slot
                break
            }
            guard let slot = found, slot == next || next >= layout.required && slot >= layout.required else { return nil }
            let start = offset + keys[slot].count + 2
            guard start < end else { return nil }
            values[slot] = (start, end, line)
            next = slot + 1
            offset = end + 1
        }
        guard next >= layout.required else { return nil }
    }

    /// What `body` makes of the fields of `text` in `layout`; nil when they are not in it.
    static func read<Value>(_ text: String, layout: Layout, _ body: (CanonicalRecord) -> Value?) -> Value? {
        var text = text
        return text.withUTF8 { bytes in CanonicalRecord(bytes, layout: layout).flatMap(body) }
    }

    /// Whether the line from `offset` starts with `key` and `": "`.
    private static func hasKey(_ key: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, end: Int) -> Bool {
        guard offset + key.count + 2 <= end else { return false }
        for (index, byte) in key.enumerated() where bytes[offset + index] != byte { return false }
        return bytes[offset + key.count] == UInt8(ascii: ":") && bytes[offset + key.count + 1] == 0x20
    }

    /// Whether the field at `slot` is in the file.
    func has(_ slot: Int) -> Bool { values[slot] != nil }

    /// The field's plain text; nil when absent, not plain, or a word YAML reads as null (the
    /// general reader says what that means for the field).
    func plain(_ slot: Int) -> String? {
        guard let (start, end, _) = values[slot], CanonicalYAML.isPlainText(bytes, start, end, inFlow: false) else { return nil }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        return YAMLValue.nullWords.contains(text) ? nil : text
    }

    /// The field's plain or double-quoted text; `.some(nil)` when the field is absent, nil
    /// when it is neither (or null).
    func text(_ slot: Int) -> String?? {
        guard let (start, end, _) = values[slot] else { return .some(nil) }
        if bytes[start] == UInt8(ascii: "\"") {
            guard let (text, after) = CanonicalYAML.quoted(bytes, from: start, end: end), after == end else { return nil }
            return .some(text)
        }
        return plain(slot).map { .some($0) }
    }

    /// The field's text when it is not blank (`YAMLValue.nonEmptyText`); `.some(nil)` when
    /// absent, nil otherwise.
    func nonBlankText(_ slot: Int) -> String?? {
        guard case .some(let text) = text(slot) else { return nil }
        if let text, YAMLValue.isBlank(text) { return nil }
        return .some(text)
    }

    /// The items of the bracketed list at `slot`, each read by `each`; empty when the field is
    /// absent, nil when it is not a list as accord writes it or an item is not read.
    func list<T>(_ slot: Int, _ each: (String) -> T?) -> [T]? {
        guard let (start, end, _) = values[slot] else { return [] }
        guard bytes[start] == UInt8(ascii: "["), let items = CanonicalYAML.flowItems(bytes, from: start, end: end) else { return nil }
        var result: [T] = []
        result.reserveCapacity(items.count)
        for item in items {
            guard let value = each(item.text) else { return nil }
            result.append(value)
        }
        return result
    }

    /// The field-line table of this file, its list holding `listCount` items.
    func lines(listCount: Int) -> [String: Int] {
        layout.table(values.map { $0?.line }, listCount: listCount)
    }
}
