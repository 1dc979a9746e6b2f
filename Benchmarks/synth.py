#!/usr/bin/env python3
"""Writes a corpus of N distinct, realistic disclosure reports for benchmarks, deterministic from a seed.

Reports mix both formats (raw-text captures and HTML pages), both national templates (gb2019, gb2021),
both scripts (a share re-served in traditional script with Taiwan wording), Word-export and plain markup,
and the seeds' quirks: headers broken over lines, tab-indented cells, full-width digits, `—、` for `一、`,
spaces inside labels, signed changes, money in 万元, a value with a note, a short row, a page-break repeat
of a row group, pages with GBK bytes. Sizes run from about 10 KB to 150 KB through the amount of narrative,
which is taken from the seeds. Numbers are random but keep the form's identities, except in a few reports
whose arithmetic is deliberately off.

usage: Benchmarks/synth.py --count 3000 --seed 1 --output /tmp/corpus
Needs the `opencc` command for traditional-script reports (apt-get install opencc); without it they stay
simplified.
"""
import argparse
import html
import os
import random
import shutil
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLES = os.path.join(ROOT, "Samples")

PLACES = ["临沂市", "白城市", "太原市", "沂源县", "淮北市", "济南市", "青岛市", "潍坊市", "长春市", "吉林市", "大同市", "晋中市",
          "淄博市", "烟台市", "威海市", "日照市", "合肥市", "芜湖市", "蚌埠市", "阜阳市", "宿州市", "六安市", "亳州市", "滁州市"]
BODIES = ["人民政府", "人民政府办公室", "发展和改革委员会", "教育局", "公安局", "民政局", "司法局", "财政局", "人力资源和社会保障局",
          "自然资源局", "生态环境局", "住房和城乡建设局", "交通运输局", "水利局", "农业农村局", "商务局", "文化和旅游局", "卫生健康委员会",
          "市场监督管理局", "医疗保障局"]

APPLICANTS = 7
T3_GROUPS_2019 = [
    ("一、本年新收政府信息公开申请数量", None), ("二、上年结转政府信息公开申请数量", None),
    ("（一）予以公开", "三、本年度办理结果"), ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", None),
    ("1.属于国家秘密", "（三）不予公开"), ("2.其他法律行政法规禁止公开", None), ("3.危及“三安全一稳定”", None),
    ("4.保护第三方合法权益", None), ("5.属于三类内部事务信息", None), ("6.属于四类过程性信息", None), ("7.属于行政执法案卷", None),
    ("8.属于行政查询事项", None), ("1.本机关不掌握相关政府信息", "（四）无法提供"), ("2.没有现成信息需要另行制作", None),
    ("3.补正后申请内容仍不明确", None), ("1.信访举报投诉类申请", "（五）不予处理"), ("2.重复申请", None), ("3.要求提供公开出版物", None),
    ("4.无正当理由大量反复申请", None), ("5.要求行政机关确认或重新出具已获取信息", None),
]
OTHER_2019 = [("（六）其他处理", None)]
OTHER_2021 = [("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "（六）其他处理"),
              ("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", None), ("3.其他", None)]
TAIL = [("（七）总计", None), ("四、结转下年度继续办理", None)]
HEADINGS = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况",
            "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]


def seed_paragraphs():
    """Long narrative lines of the seeds, to fill reports to size."""
    lines = []
    for name in sorted(os.listdir(SAMPLES)):
        if name.endswith(".txt") and not name.startswith("002"):
            for line in open(os.path.join(SAMPLES, name), encoding="utf-8"):
                line = line.strip()
                if len(line) > 60 and "|" not in line:
                    lines.append(line)
    return lines


def t3_values(rng, template, broken):
    """Table 3 rows × 7 columns keeping the form's identities (unless broken)."""
    result_rows = len(T3_GROUPS_2019) - 2 + (1 if template == "gb2019" else 3)
    columns = []
    for _ in range(6):
        scale = rng.choice([0, 0, 1, 3, 20, 150])
        results = [rng.randint(0, scale) if rng.random() < 0.4 else 0 for _ in range(result_rows)]
        processed = sum(results)
        carried_over = rng.randint(0, max(1, scale // 10))
        carried_forward = rng.randint(0, max(1, scale // 10))
        new = processed + carried_forward - carried_over
        if new < 0:
            carried_over = processed + carried_forward
            new = 0
        columns.append([new, carried_over] + results + [processed, carried_forward])
    rows = [list(r) + [sum(r)] for r in zip(*columns)]
    if broken:
        rows[-2][0] += rng.randint(1, 5)
    return rows


def t2_values(rng, template):
    r = rng.randint
    if template == "gb2019":
        return {
            "art20_1": [("规章", [r(0, 3), r(0, 3), r(0, 40)]), ("规范性文件", [r(0, 60), r(0, 60), r(0, 500)])],
            "art20_5": [("行政许可", [r(0, 900), r(-90, 120), r(0, 400000)]), ("其他对外管理服务事项", [r(0, 900), r(-300, 90), r(0, 50000)])],
            "art20_6": [("行政处罚", [r(0, 3000), r(-200, 400), r(0, 150000)]), ("行政强制", [r(0, 200), r(-20, 30), r(0, 5000)])],
            "art20_8": [("行政事业性收费", [r(0, 60), r(-5, 5)])],
            "art20_9": [("政府集中采购", [r(0, 900), round(rng.uniform(10, 20000), 2)])],
        }
    return {
        "art20_1": [("规章", [r(0, 3), r(0, 2), r(0, 40)]), ("行政规范性文件", [r(0, 60), r(0, 20), r(0, 500)])],
        "art20_5": [("行政许可", [r(0, 400000)])],
        "art20_6": [("行政处罚", [r(0, 150000)]), ("行政强制", [r(0, 5000)])],
        "art20_8": [("行政事业性收费", [round(rng.uniform(0, 5000), 2)])],
    }


T2_HEADERS = {
    "gb2019": {"art20_1": ["本年新制作数量", "本年新公开数量", "对外公开总数量"], "art20_5": ["上一年项目数量", "本年增/减", "处理决定数量"],
               "art20_6": ["上一年项目数量", "本年增/减", "处理决定数量"], "art20_8": ["上一年项目数量", "本年增/减"],
               "art20_9": ["采购项目数量", "采购总金额"]},
    "gb2021": {"art20_1": ["本年制发件数", "本年废止件数", "现行有效件数"], "art20_5": ["本年处理决定数量"],
               "art20_6": ["本年处理决定数量"], "art20_8": ["本年收费金额（单位：万元）"]},
}
CAPTIONS = {"art20_1": "第二十条第（一）项", "art20_5": "第二十条第（五）项", "art20_6": "第二十条第（六）项",
            "art20_8": "第二十条第（八）项", "art20_9": "第二十条第（九）项"}


def money(template, item, value):
    if template == "gb2019" and item == "art20_9":
        return f"{value}万元"
    return str(value)


def signed(template, headers, index, value):
    return f"+{value}" if headers[index] == "本年增/减" and value > 0 else str(value)


class Report:
    def __init__(self, rng, index, paragraphs):
        self.rng = rng
        self.index = index
        self.template = rng.choice(["gb2019", "gb2019", "gb2021", "gb2021", "gb2021"])
        self.year = rng.choice([2019, 2020]) if self.template == "gb2019" else rng.choice([2021, 2022, 2023, 2024])
        self.organ = rng.choice(PLACES) + rng.choice(BODIES)
        self.title = f"{self.organ}{self.year}年度政府信息公开工作年度报告"
        self.published = f"{self.year + 1}-{rng.randint(1, 3):02d}-{rng.randint(1, 28):02d}"
        self.t2 = t2_values(rng, self.template)
        self.t3 = t3_values(rng, self.template, broken=rng.random() < 0.05)
        self.t4 = []
        for _ in range(3):
            parts = [rng.choice([0, 0, 0, 1, 2]) for _ in range(4)]
            self.t4.append(parts + [sum(parts)])
        target = rng.choice([8_000, 15_000, 30_000, 60_000, 100_000, 140_000])
        self.narrative = []
        size = 0
        while size < target:
            paragraph = rng.choice(paragraphs).replace("2020年", f"{self.year}年").replace("2019年", f"{self.year}年")
            self.narrative.append(paragraph)
            size += len(paragraph.encode("utf-8"))
        self.t3_rows = T3_GROUPS_2019 + (OTHER_2019 if self.template == "gb2019" else OTHER_2021) + TAIL

    def parts(self, number):
        share = len(self.narrative) // 3
        if number == 1:
            return self.narrative[: share * 2]
        if number == 5:
            return self.narrative[share * 2:]
        return ["无。"] if number == 6 else []

    # Raw text: cells one per line, the crawler's way.
    def text(self):
        rng = self.rng
        quirks = rng.random() < 0.5
        out = [self.title, f"发布日期：{self.published.replace('-', '/')}", ""]
        for number, heading in enumerate(HEADINGS, 1):
            out.append(("—、总体情况" if quirks and number == 1 else heading))
            out += self.parts(number)
            tab = "\t" if quirks else ""
            if number == 2:
                for item, rows in self.t2.items():
                    headers = T2_HEADERS[self.template][item]
                    out += [tab + CAPTIONS[item], tab + "信息内容"]
                    for header in headers:
                        out += [tab + "本年新", tab + "公开数量"] if header == "本年新公开数量" else [tab + header]
                    for label, values in rows:
                        out.append(tab + label)
                        out += [tab + (money(self.template, item, v) if j == len(values) - 1 and item in ("art20_9",)
                                       else signed(self.template, headers, j, v)) for j, v in enumerate(values)]
            elif number == 3:
                out += [tab + "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", tab + "申请人情况", tab + "自然人",
                        tab + "法人或其他组织", tab + "总计"]
                out += [tab + (" ".join(x) if quirks else x) for x in ["商业企业", "科研机构", "社会公益组织", "法律服务机构"]] + [tab + "其他"]
                for (label, group), values in zip(self.t3_rows, self.t3):
                    if group:
                        out.append(tab + group)
                    out.append(tab + label)
                    out += [tab + (str(v).translate(FULLWIDTH) if quirks and rng.random() < 0.05 else str(v)) for v in values]
            elif number == 4:
                out += [tab + x for x in ["行政复议", "行政诉讼", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计",
                                          "未经复议直接起诉", "复议后起诉"] + ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2]
                out += [tab + str(v) for row in self.t4 for v in row]
        out += ["", self.organ, f"{self.published[:4]}年{int(self.published[5:7])}月{int(self.published[8:])}日"]
        return "\n\n".join(out) + "\n"

    # HTML: a page as a government site serves it.
    def html(self, word):
        def cell(text, colspan=1, rowspan=1):
            attrs = (f" colspan={colspan}" if colspan > 1 else "") + (f" rowspan={rowspan}" if rowspan > 1 else "")
            inner = html.escape(text)
            if word:
                inner = f"<p class=MsoNormal align=center><span style='font-family:仿宋_GB2312'>{inner}</span><o:p></o:p></p>"
            return f"<td{attrs}>{inner}</td>"

        def para(text):
            if word:
                return f"<p class=MsoNormal style='text-indent:32pt'><span style='font-size:16pt'>{html.escape(text)}</span><o:p></o:p></p>"
            return f"<p>{html.escape(text)}</p>"

        body = [f"<h1>{html.escape(self.title)}</h1>", f"<div class=\"info\">发布日期：{self.published}</div>"]
        for number, heading in enumerate(HEADINGS, 1):
            body.append(f"<h3>{heading}</h3>")
            body += [para(p) for p in self.parts(number)]
            if number == 2:
                rows = []
                for item, values_rows in self.t2.items():
                    headers = T2_HEADERS[self.template][item]
                    width = len(headers) + 1
                    rows.append("<tr>" + cell(CAPTIONS[item], colspan=4) + "</tr>")
                    rows.append("<tr>" + cell("信息内容") + "".join(cell(h, colspan=(4 - width + 1) if i == len(headers) - 1 else 1)
                                                                for i, h in enumerate(headers)) + "</tr>")
                    for label, values in values_rows:
                        rows.append("<tr>" + cell(label) + "".join(
                            cell(money(self.template, item, v) if item == "art20_9" and j == len(values) - 1
                                 else signed(self.template, headers, j, v), colspan=(4 - width + 1) if j == len(values) - 1 else 1)
                            for j, v in enumerate(values)) + "</tr>")
                body.append("<table border=1>" + "".join(rows) + "</table>")
            elif number == 3:
                rows = ["<tr>" + cell("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", colspan=3, rowspan=3)
                        + cell("申请人情况", colspan=7) + "</tr>",
                        "<tr>" + cell("自然人", rowspan=2) + cell("法人或其他组织", colspan=5) + cell("总计", rowspan=2) + "</tr>",
                        "<tr>" + "".join(cell(x) for x in ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]) + "</tr>"]
                for (label, group), values in zip(self.t3_rows, self.t3):
                    label_cells = (cell(group) if group else "") + cell(label, colspan=3 if not group else 2)
                    rows.append("<tr>" + label_cells + "".join(cell(str(v)) for v in values) + "</tr>")
                body.append("<table border=1>" + "".join(rows) + "</table>")
            elif number == 4:
                outcomes = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
                rows = ["<tr>" + cell("行政复议", colspan=5) + cell("行政诉讼", colspan=10) + "</tr>",
                        "<tr>" + "".join(cell(o, rowspan=2) for o in outcomes) + cell("未经复议直接起诉", colspan=5)
                        + cell("复议后起诉", colspan=5) + "</tr>",
                        "<tr>" + "".join(cell(o) for o in outcomes * 2) + "</tr>",
                        "<tr>" + "".join(cell(str(v)) for row in self.t4 for v in row) + "</tr>"]
                body.append("<table border=1>" + "".join(rows) + "</table>")
        body += [f"<p align=right>{self.organ}</p>"]
        chrome = ("<div class=\"breadcrumb\">当前位置：首页 &gt; 政务公开 &gt; 年度报告</div>"
                  "<div class=\"nav\"><a href=\"/\">首页</a><a href=\"/big5\">繁體版</a></div>")
        footer = "<div class=\"print\">【打印】【关闭】</div><footer>主办单位：" + html.escape(self.organ) + "</footer>"
        head = f"<meta charset=\"utf-8\"><title>{html.escape(self.title)}</title><style>td{{border:1px solid}}</style>"
        return f"<!DOCTYPE html><html><head>{head}</head><body>{chrome}<div class=\"article\">" + "\n".join(body) + f"</div>{footer}</body></html>\n"


FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def traditional(text):
    try:
        return subprocess.run(["opencc", "-c", "s2twp"], input=text, capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return text


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--output", required=True)
    parser.add_argument("--html-share", type=float, default=0.6, help="share of reports written as HTML pages")
    args = parser.parse_args()

    if os.path.exists(args.output):
        shutil.rmtree(args.output)
    os.makedirs(args.output)
    paragraphs = seed_paragraphs()
    use_opencc = shutil.which("opencc") is not None
    for index in range(args.count):
        rng = random.Random(args.seed * 1_000_003 + index)
        report = Report(rng, index, paragraphs)
        folder = os.path.join(args.output, f"{index // 1000:03d}")
        os.makedirs(folder, exist_ok=True)
        if rng.random() < args.html_share:
            page = report.html(word=rng.random() < 0.4)
            if use_opencc and rng.random() < 0.15:
                page = traditional(page)
            encoding = "gbk" if rng.random() < 0.15 else "utf-8"
            if encoding == "gbk":
                page = page.replace("charset=\"utf-8\"", "charset=\"gbk\"")
            data = page.encode(encoding, errors="xmlcharrefreplace")
            name = f"{index:06d}.html"
        else:
            text = report.text()
            if use_opencc and rng.random() < 0.1:
                text = traditional(text)
            data = text.encode("utf-8")
            name = f"{index:06d}.txt"
        with open(os.path.join(folder, name), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
