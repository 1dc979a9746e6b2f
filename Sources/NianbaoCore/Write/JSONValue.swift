/// A JSON document with ordered keys, printed deterministically (two-space indent, keys in the
/// order given): for datapackage.json, summaries and `nianbao inspect`.
public indirect enum JSONValue: Sendable, Equatable {
    case object([(String, JSONValue)])
    case array([JSONValue])
    case string(String)
    case integer(Int)
    /// A number already in its JSON form (`1886400`, `110119389.995`).
    case number(String)
    case bool(Bool)
    case null

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.pretty() == rhs.pretty()
    }

    public func pretty() -> String {
        var output = ""
        write(to: &output, indent: 0)
        return output + "\n"
    }

    private func write(to output: inout String, indent: Int) {
        let padding = String(repeating: "  ", count: indent + 1)
        let closing = String(repeating: "  ", count: indent)
        switch self {
        case .object(let members):
            guard !members.isEmpty else { output += "{}"; return }
            output += "{\n"
            for (index, (key, value)) in members.enumerated() {
                output += padding
                JSONText.appendString(key, to: &output)
                output += ": "
                value.write(to: &output, indent: indent + 1)
                output += index + 1 < members.count ? ",\n" : "\n"
            }
            output += closing + "}"
        case .array(let elements):
            guard !elements.isEmpty else { output += "[]"; return }
            output += "[\n"
            for (index, element) in elements.enumerated() {
                output += padding
                element.write(to: &output, indent: indent + 1)
                output += index + 1 < elements.count ? ",\n" : "\n"
            }
            output += closing + "]"
        case .string(let text): JSONText.appendString(text, to: &output)
        case .integer(let integer): output += String(integer)
        case .number(let number): output += number
        case .bool(let flag): output += flag ? "true" : "false"
        case .null: output += "null"
        }
    }
}
