/// The document formats read by an extractor of their own, known by their first bytes: a PDF
/// (poppler) and a Word document (.docx). Everything else is text or HTML, or a binary format that
/// `BinaryFormats` names in a reject.
enum DocumentFormats {
    enum Outcome {
        case document(ExtractedDocument)
        case reject(String)
    }

    /// The document read, or why it cannot be; nil when the bytes are not a PDF or a Word document.
    static func extract(_ bytes: [UInt8]) -> Outcome? {
        if bytes.starts(with: BinaryFormats.pdf) {
            return PDFExtractor.extract(bytes)
        }
        if bytes.starts(with: BinaryFormats.zip), BinaryFormats.holds(bytes, member: BinaryFormats.wordMember) {
            return DOCXExtractor.extract(bytes)
        }
        return nil
    }
}
