import COpenCC
import Foundation

/// One OpenCC converter (libopencc). A handle is not documented as thread-safe, so each worker
/// opens its own converters once and uses them for every report it normalises.
public final class ScriptConverter {
    public enum Configuration: String, Sendable {
        /// Traditional with Taiwan phrases to mainland simplified (資訊→信息, 入口網站→门户网站, 檔案→文件):
        /// used to match labels and headings and to give titles and organs.
        case taiwanToSimplifiedPhrases = "tw2sp.json"
        /// Character-level traditional to simplified: conservative, used for running text.
        case traditionalToSimplified = "t2s.json"
    }

    public struct OpenError: Error, CustomStringConvertible {
        public var configuration: String
        public var reason: String
        public var description: String { "cannot open OpenCC configuration \(configuration): \(reason)" }
    }

    private let handle: opencc_t
    /// The configuration file opened.
    let configurationPath: String

    public init(_ configuration: Configuration) throws {
        configurationPath = Self.path(of: configuration)
        let handle = opencc_open(configurationPath)
        guard let handle, Int(bitPattern: handle) != -1 else {
            throw OpenError(configuration: configuration.rawValue, reason: String(cString: opencc_error()))
        }
        self.handle = handle
    }

    deinit {
        opencc_close(handle)
    }

    public func convert(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        return text.withCString { input in
            guard let output = opencc_convert_utf8(handle, input, strlen(input)) else { return text }
            defer { opencc_convert_utf8_free(output) }
            return String(cString: output)
        }
    }

    /// OpenCC resolves a bare file name against its build-time data folder; an absolute path
    /// under the usual Debian location is tried first so that relocated builds still find it.
    private static func path(of configuration: Configuration) -> String {
        for folder in ["/usr/share/opencc", "/usr/local/share/opencc", "/opt/homebrew/share/opencc"] {
            let candidate = folder + "/" + configuration.rawValue
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
        }
        return configuration.rawValue
    }
}

/// The converters one worker needs, opened together.
public final class ScriptConverters {
    public let phrases: ScriptConverter
    public let characters: ScriptConverter
    /// What `characters` changes, for judging a report's script without converting it.
    public let traditional: TraditionalCharacters
    /// `characters` tabled (see `ConversionTable`); nil when OpenCC's dictionaries could not be listed,
    /// and then every text goes through OpenCC itself, with the same result.
    let characterTable: ConversionTable?

    public init() throws {
        phrases = try ScriptConverter(.taiwanToSimplifiedPhrases)
        characters = try ScriptConverter(.traditionalToSimplified)
        characterTable = Self.learntCharacterTable
        traditional = characterTable.map(TraditionalCharacters.init) ?? TraditionalCharacters(learningFrom: characters)
    }

    /// `tw2sp` answers by text, bounded: a set of converters belongs to one worker, and a text
    /// converts the same alone as among others (no dictionary key spans a line).
    private let phraseForms = TextMemo<String>()

    func knownPhraseForm(of text: String) -> String? {
        phraseForms[text]
    }

    func remember(phraseForm: String, of text: String) {
        phraseForms.remember(phraseForm, for: text)
    }

    /// `text` in simplified characters, exactly as OpenCC's `t2s` gives it.
    public func simplified(_ text: String) -> String {
        characterTable?.convert(text, with: characters) ?? characters.convert(text)
    }

    /// Learnt once per process: the table is the same for every converter of the same OpenCC data.
    static let learntCharacterTable: ConversionTable? = {
        guard let converter = try? ScriptConverter(.traditionalToSimplified),
              let keys = try? OpenCCDictionaries.keys(ofConfiguration: converter.configurationPath) else { return nil }
        return try? ConversionTable(converter: converter, keys: keys)
    }()
}
