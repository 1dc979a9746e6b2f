/// The comparable form of a label: width-folded, numbering dropped, and without spaces, quotes and
/// punctuation, so `（三）不予公开`, `(三)不予公开` and `不予 公开` are one key. Expects simplified script.
public enum LabelKey {
    public static func make(_ text: String) -> String {
        let folded = WidthFolding.fold(text)
        let body = Numbering.read(folded)?.rest ?? Substring(folded)
        var key = String.UnicodeScalarView()
        for scalar in body.unicodeScalars where !TextScanning.isSpace(scalar.value) && !ignored.contains(scalar) {
            key.append(scalar)
        }
        return String(key)
    }

    private static let ignored: Set<Unicode.Scalar> = Set(
        "“”‘’\"'「」『』()[]【】《》<>〈〉,.:;!?、。·•/\\|-—–_~*#".unicodeScalars
    )
}
