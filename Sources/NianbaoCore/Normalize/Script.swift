/// The script a report is written in, judged by how much of its Han text a traditional-to-simplified
/// conversion changes.
public enum Script: String, Sendable {
    case simplified
    case traditional
    case mixed

    /// `original` and its character-level simplified conversion (`t2s`).
    static func judge(original: String, converted: String) -> Script {
        var han = 0, changed = 0
        var convertedScalars = converted.unicodeScalars.makeIterator()
        for scalar in original.unicodeScalars {
            let twin = convertedScalars.next()
            guard TextScanning.isHan(scalar.value) else { continue }
            han += 1
            if twin != scalar { changed += 1 }
        }
        guard han > 0 else { return .simplified }
        let share = Double(changed) / Double(han)
        if share >= 0.06 { return .traditional }
        if share >= 0.01 && changed >= 5 { return .mixed }
        return .simplified
    }
}
