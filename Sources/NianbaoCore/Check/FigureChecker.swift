import Foundation

/// The arithmetic the harmonised figures must obey (SPEC §5, `figure_sum`): findings, never fixes.
/// A rule is tested on the reported figures of one period; parts not stated are left out of a sum
/// that may only not exceed its whole, and an equality is tested only when every part is stated.
enum FigureChecker {
    struct Rule {
        var whole: String
        var parts: [String]
        /// The parts must add up to the whole (all stated), else only not exceed it.
        var equal: Bool
        var meaning: String
    }

    static let rules: [Rule] = [
        Rule(whole: "applications_received",
             parts: ["applications_in_person", "applications_fax", "applications_email", "applications_online", "applications_letter",
                     "applications_other"],
             equal: true, meaning: "the application channels"),
        Rule(whole: "responses", parts: ["granted", "partially_granted", "withheld", "not_held", "outside_remit"], equal: false,
             meaning: "granted + partially granted + withheld + not held + outside the remit"),
        Rule(whole: "active_disclosed", parts: ["active_via_website", "active_via_gazette"], equal: false,
             meaning: "website + gazette"),
    ]

    static func check(_ figures: [Figure]) -> [Finding] {
        var findings: [Finding] = []
        for period in ["year", "cumulative"] {
            var values: [String: Decimal] = [:]
            for figure in figures where figure.period == period && figure.status == .reported {
                if let value = figure.value { values[figure.figure] = value }
            }
            for rule in rules {
                guard let whole = values[rule.whole] else { continue }
                let stated = rule.parts.filter { values[$0] != nil }
                guard !stated.isEmpty else { continue }
                let sum = stated.reduce(Decimal(0)) { $0 + values[$1]! }
                let complete = stated.count == rule.parts.count
                guard sum > whole || (rule.equal && complete && sum != whole) else { continue }
                let listed = stated.map { "\($0) \(values[$0]!)" }.joined(separator: " + ")
                let relation = sum > whole ? "exceed" : "fall short of"
                findings.append(Finding(check: "figure_sum", scope: period == "year" ? rule.whole : "\(rule.whole)/\(period)",
                                        expected: whole, actual: sum,
                                        message: "\(rule.meaning) (\(listed) = \(sum)) \(relation) \(rule.whole) \(whole)"))
            }
        }
        return findings
    }
}
