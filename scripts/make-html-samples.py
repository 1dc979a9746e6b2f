#!/usr/bin/env python3
"""Builds the HTML samples in Samples/ from the seeds' hand-checked numbers, and their gold.

Each page is one real report (a seed) re-served as a government web site would serve it: Word-export
markup, plain markup, a traditional-script switch with Taiwan wording, a GBK page, a page wrapped in
site chrome. The numbers come from the seed's gold (Tests/NianbaoCoreTests/Gold), the narrative from the
seed's text, so the new gold is the seed's gold with the page's own differences written down.

Tooling only (never run by the pipeline or CI). Needs the `opencc` command (apt-get install opencc).
usage: scripts/make-html-samples.py   (from the repository root)
"""
import copy
import html
import json
import os
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GOLD = os.path.join(ROOT, "Tests", "NianbaoCoreTests", "Gold")
SAMPLES = os.path.join(ROOT, "Samples")

APPLICANTS = ["natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total"]
T3_ROWS = [
    ("new_received", None, "一、本年新收政府信息公开申请数量"),
    ("carried_over", None, "二、上年结转政府信息公开申请数量"),
    ("granted", "三、本年度办理结果", "（一）予以公开"),
    ("partially_granted", None, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    ("withheld_state_secret", "（三）不予公开", "1.属于国家秘密"),
    ("withheld_prohibited_by_law", None, "2.其他法律行政法规禁止公开"),
    ("withheld_security_stability", None, "3.危及“三安全一稳定”"),
    ("withheld_third_party", None, "4.保护第三方合法权益"),
    ("withheld_internal_affairs", None, "5.属于三类内部事务信息"),
    ("withheld_process_info", None, "6.属于四类过程性信息"),
    ("withheld_enforcement_file", None, "7.属于行政执法案卷"),
    ("withheld_admin_query", None, "8.属于行政查询事项"),
    ("unavailable_not_held", "（四）无法提供", "1.本机关不掌握相关政府信息"),
    ("unavailable_needs_creation", None, "2.没有现成信息需要另行制作"),
    ("unavailable_unclear", None, "3.补正后申请内容仍不明确"),
    ("not_processed_petition", "（五）不予处理", "1.信访举报投诉类申请"),
    ("not_processed_duplicate", None, "2.重复申请"),
    ("not_processed_publication", None, "3.要求提供公开出版物"),
    ("not_processed_excessive", None, "4.无正当理由大量反复申请"),
    ("not_processed_reconfirm", None, "5.要求行政机关确认或重新出具已获取信息"),
    ("other_processing", None, "（六）其他处理"),
    ("total_processed", None, "（七）总计"),
    ("carried_forward", None, "四、结转下年度继续办理"),
]
GROUP_SPANS = {"三、本年度办理结果": 20, "（三）不予公开": 8, "（四）无法提供": 3, "（五）不予处理": 5}
T2_ITEMS = [
    ("art20_1", "第二十条第（一）项", ["本年新制作数量", "本年新公开数量", "对外公开总数量"],
     [("regulations", "规章"), ("normative_documents", "规范性文件")], ["made", "published", "total_published"]),
    ("art20_5", "第二十条第（五）项", ["上一年项目数量", "本年增/减", "处理决定数量"],
     [("licensing", "行政许可"), ("other_services", "其他对外管理服务事项")], ["prev_count", "change", "decisions"]),
    ("art20_6", "第二十条第（六）项", ["上一年项目数量", "本年增/减", "处理决定数量"],
     [("punishment", "行政处罚"), ("coercion", "行政强制")], ["prev_count", "change", "decisions"]),
    ("art20_8", "第二十条第（八）项", ["上一年项目数量", "本年增/减"], [("admin_fees", "行政事业性收费")], ["prev_count", "change"]),
    ("art20_9", "第二十条第（九）项", ["采购项目数量", "采购总金额"], [("central_procurement", "政府集中采购")],
     ["procurement_count", "procurement_amount"]),
]
PART_HEADINGS = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                 "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]


def load_gold(name):
    with open(os.path.join(GOLD, name), encoding="utf-8") as f:
        return json.load(f)


def narrative(seed, start, end):
    """The seed's paragraphs between two heading texts."""
    lines = [l.strip() for l in open(os.path.join(SAMPLES, seed), encoding="utf-8").read().splitlines()]
    lines = [l for l in lines if l]
    first = next(i for i, l in enumerate(lines) if l.endswith(start))
    last = next((i for i, l in enumerate(lines) if i > first and end and l.endswith(end)), len(lines))
    return lines[first + 1:last]


def fmt(value, raw=None):
    if raw is not None:
        return raw
    if isinstance(value, str):
        value = value.split("@")[0]
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


class Page:
    """One page's markup style."""

    def __init__(self, word=False):
        self.word = word

    def text(self, s):
        s = html.escape(s, quote=False)
        return f"<span style='font-family:仿宋_GB2312'>{s}</span>" if self.word else s

    def para(self, s, cls=""):
        if self.word:
            return f"<p class=MsoNormal style='text-indent:32.0pt'>{self.text(s)}<o:p></o:p></p>"
        return f"<p{cls}>{html.escape(s, quote=False)}</p>"

    def cell(self, content, colspan=1, rowspan=1, raw=False):
        attrs = (f" colspan={colspan}" if colspan > 1 else "") + (f" rowspan={rowspan}" if rowspan > 1 else "")
        inner = content if raw else self.text(content)
        if self.word:
            inner = f"<p class=MsoNormal align=center>{inner}<o:p></o:p></p>"
        return f"<td{attrs}>{inner}</td>"

    def empty(self, colspan=1, rowspan=1):
        attrs = (f" colspan={colspan}" if colspan > 1 else "") + (f" rowspan={rowspan}" if rowspan > 1 else "")
        return f"<td{attrs}><p class=MsoNormal><o:p>&nbsp;</o:p></p></td>" if self.word else f"<td{attrs}>&nbsp;</td>"


def table2(page, gold, values_raw):
    rows = []
    for item, caption, headers, categories, metrics in T2_ITEMS:
        rows.append("<tr>" + page.cell(caption, colspan=4) + "</tr>")
        header = [page.cell("信息内容")]
        for h in headers:
            if page.word and h == "本年新公开数量":
                header.append(page.cell("<span>本年新</span><br><span>公开数量</span>", raw=True))
            elif page.word and h == "采购总金额":
                header.append(page.cell(h, colspan=2))
            else:
                header.append(page.cell(h))
        if len(headers) == 2 and not (page.word and item == "art20_9"):
            header.append(page.empty())
        rows.append("<tr>" + "".join(header) + "</tr>")
        for code, label in categories:
            if page.word and label == "规章":
                cells = [page.cell("".join(f"<span>{c}</span>" for c in label), raw=True)]
            else:
                cells = [page.cell(label)]
            for metric in metrics:
                key = f"{item}/{code}/{metric}"
                value = gold["active_disclosure"][key]
                raw = values_raw.get(key)
                span = 2 if len(metrics) == 2 and metric == metrics[-1] else 1
                cells.append(page.cell(fmt(value, raw), colspan=span))
            rows.append("<tr>" + "".join(cells) + "</tr>")
    return "<table border=1 cellspacing=0 cellpadding=0 class=MsoNormalTable>" + "\n".join(rows) + "</table>"


def table3(page, gold, blanks=()):
    header = [
        "<tr>" + page.cell("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", colspan=3, rowspan=3)
        + page.cell("申请人情况", colspan=7) + "</tr>",
        "<tr>" + page.cell("自然人", rowspan=2) + page.cell("法人或其他组织", colspan=5) + page.cell("总计", rowspan=2) + "</tr>",
    ]
    if page.word:
        header.append("<tr>" + page.cell("<p class=MsoNormal><span>商业</span></p><p class=MsoNormal><span>企业</span></p>", raw=True)
                      + "".join(page.cell(x) for x in ["科研机构", "社会公益组织", "法律服务机构", "其他"]) + "</tr>")
    else:
        header.append("<tr>" + "".join(page.cell(x) for x in ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]) + "</tr>")
    rows = []
    for code, group, label in T3_ROWS:
        cells = []
        if code in ("new_received", "carried_over", "carried_forward"):
            if page.word and code == "new_received":
                cells.append(page.cell("<span>一</span><span>、本年新收政府信息公开申请数量</span>", colspan=3, raw=True))
            else:
                cells.append(page.cell(label, colspan=3))
        else:
            if group == "三、本年度办理结果":
                cells.append(page.cell(group, rowspan=GROUP_SPANS[group]))
            if group and group != "三、本年度办理结果":
                cells.append(page.cell(group, rowspan=GROUP_SPANS[group]))
            if code in ("granted", "partially_granted", "other_processing", "total_processed"):
                cells.append(page.cell(label, colspan=2))
            else:
                cells.append(page.cell(label))
        for applicant, value in zip(APPLICANTS, gold["applications"][code]):
            if value == "?":
                value = 0  # the text capture lost these cells; the page has them
            if (code, applicant) in blanks:
                cells.append(page.empty())
            else:
                cells.append(page.cell(fmt(value)))
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return "<table border=1 cellspacing=0 cellpadding=0>" + "\n".join(header + rows) + "</table>"


def table4(page, gold, values_raw):
    outcomes = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    rows = [
        "<tr>" + page.cell("行政复议", colspan=5) + page.cell("行政诉讼", colspan=10) + "</tr>",
        "<tr>" + "".join(page.cell(o, rowspan=2) for o in outcomes) + page.cell("未经复议直接起诉", colspan=5)
        + page.cell("复议后起诉", colspan=5) + "</tr>",
        "<tr>" + "".join(page.cell(o) for o in outcomes * 2) + "</tr>",
    ]
    values = []
    for proceeding in ["review", "litigation_direct", "litigation_after_review"]:
        for outcome, value in zip(["upheld", "corrected", "other", "pending", "total"], gold["reviews_litigation"][proceeding]):
            values.append(page.cell(fmt(value, values_raw.get(f"{proceeding}/{outcome}"))))
    rows.append("<tr>" + "".join(values) + "</tr>")
    return "<table border=1 cellspacing=0 cellpadding=0>" + "\n".join(rows) + "</table>"


def body(page, seed, gold, title_html, date_line, closing, values_raw=None, blanks=()):
    values_raw = values_raw or {}
    parts = []
    for number, heading in enumerate(PART_HEADINGS, 1):
        tag = "<h3>{}</h3>".format(html.escape(heading)) if not page.word else \
            f"<p class=MsoNormal><b><span style='font-family:黑体'>{html.escape(heading)}</span></b><o:p></o:p></p>"
        parts.append(tag)
        if number == 1:
            parts += [page.para(p) for p in narrative(seed, PART_HEADINGS[0][2:], "主动公开政府信息情况")[:6]]
        elif number == 2:
            parts.append(table2(page, gold, values_raw))
        elif number == 3:
            parts.append(table3(page, gold, blanks))
        elif number == 4:
            parts.append(table4(page, gold, values_raw))
        elif number == 5:
            parts += [page.para(p) for p in narrative(seed, "问题及改进情况", "其他需要报告的事项")[:4]]
        else:
            parts.append(page.para("无。"))
    return "\n".join([title_html, date_line] + parts + closing)


def write(name, markup, encoding="utf-8", bom=False):
    data = markup.encode(encoding)
    with open(os.path.join(SAMPLES, name), "wb") as f:
        f.write((b"\xef\xbb\xbf" if bom else b"") + data)


def write_gold(name, gold, source, script, changes=None):
    gold = copy.deepcopy(gold)
    gold["source_path"] = source
    gold["report"]["source_format"] = "html"
    gold["report"]["script"] = script
    for path, value in (changes or {}).items():
        table, row, index = path
        gold[table][row][index] = value
    with open(os.path.join(GOLD, name), "w", encoding="utf-8") as f:
        json.dump(gold, f, ensure_ascii=False, indent=1)
        f.write("\n")


def to_traditional(text):
    return subprocess.run(["opencc", "-c", "s2twp"], input=text, capture_output=True, text=True, check=True).stdout


def main():
    linyi, baicheng, yiyuan = (load_gold(n) for n in ["000_linyi_2020.gold.json", "001_baicheng_2019.gold.json",
                                                       "003_yiyuan_2020.gold.json"])
    linyi_raw = {"art20_9/central_procurement/procurement_amount": "188.64万元"}
    baicheng_raw = {"art20_5/licensing/change": "+118", "art20_6/coercion/change": "+29",
                    "litigation_direct/pending": "7(市自然资源局)"}

    # 101: Word export of seed 000 (Linyi 2020): runs, <o:p>, &nbsp;, a year split across runs, a label split
    # per character, a header broken by <br>, a header cell spanning two value cells.
    word = Page(word=True)
    title = ("<p class=MsoNormal align=center><b><span style='font-size:22pt'>临沂市人民政府办公室</span></b></p>\n"
             "<p class=MsoNormal align=center><b><span>20</span><span>20</span><span>年度政府信息公开工作年度报告</span></b></p>")
    markup = ("<html xmlns:o=\"urn:schemas-microsoft-com:office:office\" xmlns:w=\"urn:schemas-microsoft-com:office:word\">\n"
              "<head><meta http-equiv=Content-Type content=\"text/html; charset=utf-8\"><title>临沂市人民政府办公室2020年度政府信息公开工作年度报告</title>\n"
              "<style>p.MsoNormal{margin:0cm;font-size:10.5pt}</style></head>\n<body lang=ZH-CN><div class=WordSection1>\n"
              + body(word, "000_9f8b1ecbb5a393ce.txt", linyi, title,
                     "<p class=MsoNormal align=center><span>发布日期：2021-01-30</span><o:p></o:p></p>", [], linyi_raw)
              + "\n</div></body></html>\n")
    write("101_linyi_2020_word.html", markup)
    write_gold("101_linyi_2020_word.gold.json", linyi, "101_linyi_2020_word.html", "simplified")

    # 102: plain markup of seed 001 (Baicheng 2019); the row the text capture had short has its empty cell.
    plain = Page()
    markup = ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>白城市2019年政府信息公开工作年度报告</title></head>\n<body>\n"
              + body(plain, "001_ca6d36624542eac4.txt", baicheng, "<h1>白城市2019年政府信息公开工作年度报告</h1>",
                     "<p>发布日期:2020-03-09</p>", [], baicheng_raw, blanks={("carried_forward", "other_org")})
              + "\n</body></html>\n")
    write("102_baicheng_2019_plain.html", markup)
    carried = {("applications", "carried_forward", i): 0 for i in range(1, 5)}
    carried[("applications", "carried_forward", 5)] = "B"
    baicheng_gold = copy.deepcopy(baicheng)
    baicheng_gold["checks"] = []
    write_gold("102_baicheng_2019_plain.gold.json", baicheng_gold, "102_baicheng_2019_plain.html", "simplified", carried)

    # 103: seed 003 (Yiyuan 2020) through a site's traditional-script switch, Taiwan wording included.
    markup = ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>沂源县人民政府2020年政府信息公开工作年度报告</title></head>\n<body>\n"
              "<div class=\"lang-switch\"><a href=\"?s=1\">简体版</a> | <a href=\"?t=1\">繁體版</a></div>\n"
              + body(plain, "003_7023baa7cc861516.txt", yiyuan, "<h1>沂源县人民政府2020年政府信息公开工作年度报告</h1>", "",
                     ["<p style=\"text-align:right\">沂源县人民政府</p>", "<p style=\"text-align:right\">2021年2月19日</p>"])
              + "\n</body></html>\n")
    write("103_yiyuan_2020_traditional.html", to_traditional(markup))
    write_gold("103_yiyuan_2020_traditional.gold.json", yiyuan, "103_yiyuan_2020_traditional.html", "traditional")

    # 104: seed 000 (Linyi 2020) as a GBK page declared gb2312.
    markup = ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
              "<title>临沂市人民政府办公室2020年度政府信息公开工作年度报告</title></head>\n<body>\n"
              + body(plain, "000_9f8b1ecbb5a393ce.txt", linyi, "<h2>临沂市人民政府办公室2020年度政府信息公开工作年度报告</h2>",
                     "<p>发布时间：2021年01月30日</p>", [], linyi_raw)
              + "\n</body></html>\n")
    write("104_linyi_2020_gbk.html", markup, encoding="gbk")
    write_gold("104_linyi_2020_gbk.gold.json", linyi, "104_linyi_2020_gbk.html", "simplified")

    # 105: seed 001 (Baicheng 2019) inside a site's chrome, with the metadata table above the article.
    chrome_head = """<!-- crawled by sitecrawler 2.3 at 2024-05-01T02:13:00Z from http://www.baicheng.gov.cn/zwgk/ -->
<div class="crawler-header">URL: http://www.baicheng.gov.cn/zwgk/ndbg/202003/t20200309.html 抓取时间: 2024-05-01 02:13</div>
<div class="top-nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/hdjl/">互动交流</a></li></ul>
<a href="/big5/">繁體版</a> <a href="/wza/">无障碍</a></div>
<div class="breadcrumb">当前位置：首页 &gt; 政务公开 &gt; 政府信息公开年报</div>
<script>var _hmt = _hmt || []; document.write("统计代码");</script>
<style>.article{font-size:16px}</style>
<table class="xxgk-meta">
<tr><td>索引号：</td><td>11220800012345678X/2020-00012</td><td>主题分类：</td><td>政务公开</td></tr>
<tr><td>发布机构：</td><td>白城市人民政府办公室</td><td>公开日期：</td><td>2020-03-09</td></tr>
<tr><td>名称：</td><td colspan="3">白城市2019年政府信息公开工作年度报告</td></tr>
</table>
<div class="article">"""
    chrome_tail = """</div>
<div class="print-tools">【<a href="javascript:window.print()">打印</a>】【<a href="javascript:window.close()">关闭</a>】</div>
<div class="qrcode"><img src="qr.png">扫一扫在手机打开当前页</div>
<footer><p>主办：白城市人民政府办公室 吉ICP备05001234号</p><p>网站标识码：2208000001</p></footer>"""
    markup = ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>白城市2019年政府信息公开工作年度报告_白城市人民政府</title>"
              "<meta name=\"ArticleTitle\" content=\"白城市2019年政府信息公开工作年度报告\"><meta name=\"PubDate\" content=\"2020-03-09 10:21\">"
              "</head>\n<body>\n" + chrome_head + "\n"
              + body(plain, "001_ca6d36624542eac4.txt", baicheng, "<h1>白城市2019年政府信息公开工作年度报告</h1>", "", [], baicheng_raw,
                     blanks={("carried_forward", "other_org")})
              + "\n" + chrome_tail + "\n</body></html>\n")
    write("105_baicheng_2019_chrome.html", markup, bom=True)
    write_gold("105_baicheng_2019_chrome.gold.json", baicheng_gold, "105_baicheng_2019_chrome.html", "simplified", carried)


if __name__ == "__main__":
    main()
