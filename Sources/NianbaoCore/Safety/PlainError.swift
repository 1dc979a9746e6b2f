import Foundation

/// The system's reason for a failed file operation in a few plain words ("permission denied"),
/// instead of the dump of an NSError, so that a cron log says what to fix in one line.
public enum PlainError {
    public static func reason(_ error: Error) -> String {
        if let failure = error as? FileBytes.Failure { return String(cString: strerror(failure.code)).lowercased() }
        if let posix = error as? POSIXError { return String(cString: strerror(posix.code.rawValue)).lowercased() }
        let object = error as NSError
        if let underlying = object.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code))).lowercased()
        }
        if object.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(object.code))).lowercased() }
        switch CocoaError.Code(rawValue: object.code) {
        case .fileWriteNoPermission, .fileReadNoPermission: return "permission denied"
        case .fileWriteOutOfSpace: return "no space left on device"
        case .fileWriteVolumeReadOnly: return "read-only file system"
        case .fileNoSuchFile, .fileReadNoSuchFile: return "no such file or folder"
        case .fileWriteFileExists: return "a file is in the way"
        default: return "the system refused (\(object.domain) \(object.code))"
        }
    }
}

/// The output folder (or the folder beside it that holds the lock and the staging copy) cannot be
/// written: one sentence naming the folder and the system's reason.
public struct OutputUnwritable: Error, CustomStringConvertible {
    public var folder: String
    public var reason: String

    public var description: String {
        "cannot write the output folder \(folder) (\(reason)); check that its parent folder exists and is writable"
    }
}
