public import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file given to `accord evidence add --file`, checked and read.
///
/// Only a regular file is taken, and only up to the tracker's size limit: a folder, a
/// symbolic link (whose target could change or leave the tracker), a device or fifo (whose
/// reading may never end) are refused before a byte is read.
public struct AttachmentFile: Sendable {
    /// The file's name as given, kept as the attachment's display name.
    public let name: String
    /// Its bytes.
    public let data: Data

    /// Checks and reads the file at `path`. Missing or not openable: exit 66; opened but
    /// not readable to its end: exit 74; not a regular file, or over `maxBytes`: exit 65.
    public init(path: String, maxBytes: Int) throws(AccordError) {
        // FileManager reads the file's own attributes (lstat): a link is not followed. The C
        // `stat` fields are not used here, as which module owns them varies between builds.
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: path)
        } catch {
            let cause = ((error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError).map { String(cString: strerror(Int32($0.code))) }
            throw AccordError(.notFound, L10n.t("cannot read attachment {1}: {2}", path, cause ?? "no such file or not readable"))
        }
        switch attributes[.type] as? FileAttributeType {
        case .typeRegular?: break
        case .typeDirectory?: throw AccordError(.data, L10n.t("cannot attach {1}: it is a folder; attach one file (an archive of the folder, say)", path))
        case .typeSymbolicLink?: throw AccordError(.data, L10n.t("cannot attach {1}: it is a symbolic link; give the file it points to", path))
        default: throw AccordError(.data, L10n.t("cannot attach {1}: it is not a regular file (a device, fifo or socket)", path))
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        if size > maxBytes {
            throw AccordError(.data, L10n.t("cannot attach {1}: it is {2} MB, over the limit of {3} MB (thresholds.attachment-max-mb in accord.yaml)", path, Self.megabytes(size), Self.megabytes(maxBytes)))
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw AccordError(.notFound, L10n.t("cannot read attachment {1}: {2}", path, String(cString: strerror(errno))))
        }
        defer { try? handle.close() }
        // Read at most one byte past the limit: the file may have grown since lstat.
        let data: Data
        do {
            data = try handle.read(upToCount: maxBytes + 1) ?? Data()
        } catch {
            // Opened but not readable to its end (a disk error, or a file like /proc/self/mem).
            let cause = ((error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError).map { String(cString: strerror(Int32($0.code))) }
            throw AccordError(.io, L10n.t("cannot read attachment {1}: {2}", path, cause ?? "reading failed"))
        }
        if data.count > maxBytes {
            throw AccordError(.data, L10n.t("cannot attach {1}: it grew past the limit of {2} MB while being read", path, Self.megabytes(maxBytes)))
        }
        name = URL(fileURLWithPath: path).lastPathComponent
        self.data = data
    }

    private static func megabytes(_ bytes: Int) -> String {
        let value = Double(bytes) / 1_048_576
        return value >= 10 || value == value.rounded() ? String(Int(value.rounded())) : String(format: "%.1f", value)
    }
}
