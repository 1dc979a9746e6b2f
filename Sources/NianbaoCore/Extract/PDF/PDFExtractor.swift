import Foundation

/// Reads a text PDF through poppler-utils: `pdfinfo` for what the file says of itself (title, page
/// count, encryption), `pdftotext -layout` for its words placed on lines by their positions, which
/// poppler's layout analysis keeps in columns. The layout text then goes through the same reader as a
/// layout capture (`TextExtractor`: page furniture dropped, tables read by proven columns), and every
/// location becomes `page P line L` of the PDF. What cannot be read is a reject with its reason.
enum PDFExtractor {
    /// More pages than this are not read: no annual report has them, a hostile file claims them.
    static let maximumPages = 500
    /// The longest a poppler program may run on one file, whatever the per-file limit leaves.
    static let toolSeconds = 60.0

    static func extract(_ bytes: [UInt8]) -> DocumentFormats.Outcome {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-pdf-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            return .reject("a PDF document: no temporary folder to read it in (\(error.localizedDescription))")
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("input.pdf")
        guard FileManager.default.createFile(atPath: input.path, contents: Data(bytes)) else {
            return .reject("a PDF document: could not be written to the temporary folder to be read")
        }
        do {
            let info = try PDFInfo.read(input, in: folder, seconds: seconds())
            if let problem = info.problem { return .reject(problem) }
            guard info.pages <= maximumPages else {
                return .reject("a PDF document that claims \(info.pages) pages, more than the \(maximumPages) a report may have: not read")
            }
            let text: String
            switch try PDFText.layout(input, pages: info.pages, in: folder, seconds: seconds()) {
            case .success(let layout): text = layout
            case .failure(let problem): return .reject(problem.reason)
            }
            guard text.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) else {
                return .reject("a PDF without a text layer (\(info.pages) page(s) of images, a scan): it needs OCR first, "
                               + "e.g. `ocrmypdf -l chi_sim FILE OUT.pdf`, then put the result in the input")
            }
            let lines = TextExtractor.lines(of: text)
            // The words' boxes: where running text's lines end, and the places of a table's header
            // cells, which alone prove the columns of rows that leave cells empty.
            let boxes = try PDFWordBoxes.read(input, pages: info.pages, in: folder, seconds: seconds())
            let words = boxes.isEmpty ? [] : PDFLinePositions.words(layoutLines: lines, pages: boxes)
            let reflowed = ProseReflow.reflowed(lines, edges: words.map { $0.flatMap(PDFLinePositions.edge) })
            var document = TextExtractor.extract(reflowed.joined(separator: "\n"), encoding: "")
            if !words.isEmpty { document = PDFLinePositions.attach(document, words: words) { reflowed[$0] == lines[$0] } }
            document = PDFPages.relocated(document, lines: lines)
            document.format = .pdf
            if let title = info.title, document.pageFields["title"] == nil { document.pageFields["title"] = title }
            return .document(document)
        } catch ExternalTool.Failure.notInstalled(let program) {
            return .reject("a PDF document: reading it needs `\(program)` from poppler-utils, which is not installed "
                           + "(`apt-get install poppler-utils`)")
        } catch ExternalTool.Failure.timedOut(let limit) {
            return .reject("a PDF document whose text could not be extracted within \(PlainNumber.seconds(limit)) s: not read")
        } catch {
            return .reject("a PDF document that could not be read: \(error)")
        }
    }

    /// What the tool may take: its own limit, or less when the file's time limit ends sooner.
    private static func seconds() -> Double {
        guard let deadline = FileDeadline.current else { return toolSeconds }
        let left = ContinuousClock.now.duration(to: deadline)
        let leftSeconds = Double(left.components.seconds) + Double(left.components.attoseconds) / 1e18
        return max(0.1, min(toolSeconds, leftSeconds))
    }
}

/// `pdfinfo`'s account of a file: its title, its pages, and why it cannot be read, if it cannot.
struct PDFInfo {
    var title: String?
    var pages = 0
    var problem: String?

    static func read(_ input: URL, in folder: URL, seconds: Double) throws -> PDFInfo {
        let result = try ExternalTool(program: "pdfinfo", seconds: seconds).run(["-enc", "UTF-8", input.path], in: folder)
        var info = PDFInfo()
        let stderr = result.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        if result.status != 0 {
            if stderr.localizedCaseInsensitiveContains("password") {
                info.problem = "an encrypted PDF (it needs a password to be opened): not read; ask for an open copy"
            } else {
                info.problem = "a damaged or truncated PDF (pdfinfo: \(PDFInfo.complaint(stderr, status: result.status))): not read"
            }
            return info
        }
        for line in String(decoding: result.stdout, as: UTF8.self).split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon], value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "Title" where !value.isEmpty: info.title = value
            case "Pages": info.pages = Int(value) ?? 0
            default: break
            }
        }
        if info.pages == 0 { info.problem = "a PDF with no pages (pdfinfo found none): not read" }
        return info
    }

    /// What poppler says is wrong with a file: its last syntax error (`Page count (1000000) larger
    /// than number of objects (4)`, `Couldn't read xref table`), else its last line.
    static func complaint(_ stderr: String, status: Int32) -> String {
        let lines = stderr.split(separator: "\n").map(String.init)
        if let syntax = lines.last(where: { $0.hasPrefix("Syntax Error: ") }) { return String(syntax.dropFirst("Syntax Error: ".count)) }
        return lines.last ?? "exit status \(status)"
    }
}

/// `pdftotext -layout` of the first pages of a file.
enum PDFText {
    struct Problem: Error {
        var reason: String
    }

    static func layout(_ input: URL, pages: Int, in folder: URL, seconds: Double) throws -> Result<String, Problem> {
        let result = try ExternalTool(program: "pdftotext", seconds: seconds)
            .run(["-layout", "-enc", "UTF-8", "-l", String(min(pages, PDFExtractor.maximumPages)), input.path, "-"], in: folder)
        // pdftotext reports a broken object and goes on: only a run that gave nothing is a failure.
        if result.status != 0 && result.stdout.isEmpty {
            let complaint = PDFInfo.complaint(result.stderr, status: result.status)
            return .failure(Problem(reason: "a damaged PDF whose text could not be extracted (pdftotext: \(complaint)): not read"))
        }
        return .success(String(decoding: result.stdout, as: UTF8.self))
    }
}

/// Lines of the layout text as pages of the PDF: pdftotext ends every page with a form feed.
enum PDFPages {
    /// The document with every `line N` of the layout text made `page P line L` of the PDF.
    static func relocated(_ document: ExtractedDocument, lines: [String]) -> ExtractedDocument {
        var pageOfLine: [(page: Int, line: Int)] = [(0, 0)]
        var page = 1, line = 0
        for textLine in lines {
            // pdftotext writes the form feed before the next page's first line.
            if textLine.containsByte(0x0C) {
                page += 1
                line = 0
            }
            line += 1
            pageOfLine.append((page, line))
        }
        func place(_ location: SourceLocation) -> SourceLocation {
            guard case .line(let number) = location, number > 0, number < pageOfLine.count else { return location }
            return .pageLine(page: pageOfLine[number].page, line: pageOfLine[number].line)
        }
        var document = document
        document.blocks = document.blocks.map { block in
            switch block {
            case .paragraph(var paragraph):
                paragraph.location = place(paragraph.location)
                return .paragraph(paragraph)
            case .table(var table):
                table.rows = table.rows.map { row in row.map { cell in var cell = cell; cell.location = place(cell.location); return cell } }
                return .table(table)
            }
        }
        return document
    }
}
