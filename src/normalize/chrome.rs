//! Web-page chrome: whole lines outside the report (breadcrumbs, page metadata, page
//! tools, pagers, page numbers between PDF pages), recognized on normalized text.
//!
//! Recognition is by whole line and conservative: a line is chrome only when it *starts*
//! with a chrome marker (`当前位置`, `发布日期:`, `字号`, `扫一扫`, `上一页`, …) or consists
//! of nothing but chrome words (`【打印】【关闭】`, `大 中 小`, `- 3 -`). Words inside
//! report lines are never removed. A line that looks like a report title (it contains
//! `报告` and a year or `年度`) is never chrome, except a breadcrumb with `>` separators.
//!
//! Lines are compared with their spaces, tabs and surrounding `|` removed, so table-ish
//! metadata such as `索 引 号 | 014416330/2018-04736 | 分 类 | …` is recognized too.

use super::offsets::{Emitter, OffsetMap};
use super::{ChromeKind, ChromeLine};
use crate::span::Span;

/// Lines longer than this (in bytes) are never chrome.
const MAX_CHROME_LINE: usize = 600;

/// Page-metadata keys that make a line metadata on their own (when followed by `:` or a
/// `|` cell separator).
const STRONG_KEYS: &[&str] = &[
    "索引号",
    "发布日期",
    "发布时间",
    "发文日期",
    "成文日期",
    "印发日期",
    "更新日期",
    "更新时间",
    "生成日期",
    "公开日期",
    "公开时间",
    "公开方式",
    "公开时限",
    "公开范围",
    "公开形式",
    "发文机关",
    "发文机构",
    "发布机构",
    "发布单位",
    "发文单位",
    "文号",
    "发文字号",
    "有效性",
    "时效性",
    "信息来源",
    "发布来源",
    "文章来源",
    "浏览次数",
    "浏览量",
    "浏览",
    "访问次数",
    "访问量",
    "阅读次数",
    "阅读量",
    "点击率",
    "点击数",
    "点击量",
    "点击次数",
    "分类",
    "主题分类",
    "体裁分类",
    "组配分类",
    "信息分类",
    "信息类别",
    "所属主题",
    "所属机构",
    "主题词",
    "责任编辑",
    "实施日期",
    "废止日期",
];

/// Keys that make a line metadata only together with a date, another key, or page
/// tools.
const WEAK_KEYS: &[&str] = &[
    "来源", "时间", "日期", "作者", "编辑", "发布", "审核", "供稿", "录入",
];

/// Line starts that mark navigation.
const NAV_PREFIXES: &[&str] = &[
    "当前位置",
    "当前所在位置",
    "您现在的位置",
    "您当前的位置",
    "您的位置",
    "你现在的位置",
    "你的位置",
    "现在位置",
    "所在位置",
    "返回首页",
    "首页>",
    "首页»",
    "首页›",
    "网站首页>",
    "上一篇",
    "下一篇",
];

/// Whole lines that are navigation.
const NAV_LINES: &[&str] = &["首页", "返回", "返回列表", "返回上一页", "返回上页"];

/// Line starts that mark page tools.
const TOOL_PREFIXES: &[&str] = &[
    "字号:",
    "字体:",
    "【字体",
    "【字号",
    "[字体",
    "[字号",
    "扫一扫",
    "分享到",
    "分享至",
    "视力保护色",
    "打印本页",
    "收藏本页",
];

/// Words page-tool lines are made of. Those in the first group must occur for a line of
/// such words to be a tool line.
const TOOL_KEY_WORDS: &[&str] = &[
    "打印本页",
    "打印此页",
    "打印",
    "关闭窗口",
    "关闭此页",
    "关闭",
    "收藏本页",
    "加入收藏",
    "收藏",
    "分享到",
    "分享",
    "字号",
    "字体",
    "视力保护色",
    "保护色",
    "背景色",
    "繁体",
    "繁體",
    "简体",
    "复制链接",
];
const TOOL_FILLER: &[&str] = &[
    "【",
    "】",
    "[",
    "]",
    "(",
    ")",
    "|",
    ":",
    "/",
    "·",
    "大",
    "中",
    "小",
    "默认",
    "放大",
    "缩小",
    "保存",
    "A+",
    "A-",
    "微信",
    "微博",
    "扫一扫",
    "本页",
    "窗口",
];

/// Whole lines that are pager furniture.
const PAGER_LINES: &[&str] = &["返回顶部", "回到顶部", "顶部", "TOP", "top", "Top"];

/// Words pager lines are made of (`上一页 [1] [2]`, `首页 上一页 下一页 尾页`,
/// `第 3 页 共 10 页`).
const PAGER_KEY_WORDS: &[&str] = &["上一页", "下一页", "上页", "下页", "尾页", "末页"];
const PAGER_FILLER: &[&str] = &[
    "首页", "[", "]", "|", "/", ",", "共", "页", "跳转", "到", "GO", "go",
];

/// Whole lines that are other site furniture.
const OTHER_LINES: &[&str] = &[
    "最新下设单位",
    "欢迎咨询",
    "网站地图",
    "联系我们",
    "设为首页",
    "无障碍",
    "无障碍浏览",
    "关怀版",
    "相关链接",
    "相关文章",
    "相关阅读",
    "相关新闻",
    "相关稿件",
    "网站声明",
];

/// Classify one line of normalized text as page chrome, or `None` for report text.
pub fn classify_chrome(line: &str) -> Option<ChromeKind> {
    let s = line.trim();
    if s.is_empty() || s.len() > MAX_CHROME_LINE {
        return None;
    }
    // Cheap filter: chrome lines start with one of few characters.
    let head = s.trim_start_matches(['|', ' ', '\t', '(', '【', '[']);
    let first = head.chars().next().or_else(|| s.chars().next())?;
    if initials().binary_search(&first).is_err() {
        return None;
    }
    // A line starting with a digit can only be a pager (`1 2 3 下一页`).
    if first.is_ascii_digit() && !s.contains('页') {
        return None;
    }
    let squash = |c: char| matches!(c, ' ' | '\t' | '\u{3000}' | '\u{a0}');
    // Most lines have nothing to squash: they are compared as they are.
    let squashed: std::borrow::Cow<'_, str> = if s.contains(squash) {
        s.chars().filter(|c| !squash(*c)).collect::<String>().into()
    } else {
        s.into()
    };
    let q = squashed.trim_matches('|');
    if q.is_empty() {
        return None;
    }
    let kind = classify_squashed(s, q)?;
    let protect = match kind {
        ChromeKind::Navigation => !q.contains('>'),
        ChromeKind::Pager => false,
        _ => true,
    };
    if protect && looks_like_title(q) {
        return None;
    }
    Some(kind)
}

/// Every character a chrome line can start with (after `|`, spaces and an opening
/// bracket), sorted.
fn initials() -> &'static [char] {
    static CELL: std::sync::OnceLock<Vec<char>> = std::sync::OnceLock::new();
    CELL.get_or_init(|| {
        let tables: [&[&str]; 12] = [
            STRONG_KEYS,
            WEAK_KEYS,
            NAV_PREFIXES,
            NAV_LINES,
            TOOL_PREFIXES,
            TOOL_KEY_WORDS,
            TOOL_FILLER,
            PAGER_LINES,
            PAGER_KEY_WORDS,
            PAGER_FILLER,
            OTHER_LINES,
            &["第", "共", "Page", "大"],
        ];
        let mut v: Vec<char> = tables
            .iter()
            .flat_map(|t| t.iter().filter_map(|w| w.chars().next()))
            .chain('0'..='9')
            .chain(DASHES.iter().copied())
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    })
}

fn classify_squashed(s: &str, q: &str) -> Option<ChromeKind> {
    // Pager furniture and page numbers.
    if PAGER_LINES.contains(&q) || is_page_number(q) || is_flipbook_header(s) {
        return Some(ChromeKind::Pager);
    }
    if made_of(q, PAGER_KEY_WORDS, PAGER_FILLER, true) || is_page_count(q) {
        return Some(ChromeKind::Pager);
    }
    // Navigation.
    if NAV_LINES.contains(&q) || NAV_PREFIXES.iter().any(|p| q.starts_with(p)) {
        return Some(ChromeKind::Navigation);
    }
    // Page metadata.
    if is_page_meta(q) {
        return Some(ChromeKind::PageMeta);
    }
    // Page tools.
    if TOOL_PREFIXES.iter().any(|p| q.starts_with(p))
        || made_of(q, TOOL_KEY_WORDS, TOOL_FILLER, false)
        || is_font_size_widget(q)
    {
        return Some(ChromeKind::Tools);
    }
    if OTHER_LINES.contains(&q) {
        return Some(ChromeKind::Other);
    }
    None
}

/// Whether `a` can start with `b`, from their first two bytes: a cheap test before
/// comparing a word with the start of a line.
fn same_head(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    match (b.first(), b.get(1)) {
        (None, _) => true,
        (Some(b0), None) => a.first() == Some(b0),
        (Some(b0), Some(b1)) => a.first() == Some(b0) && a.get(1) == Some(b1),
    }
}

/// Whether `q` consists only of `keys` and `filler` words (and, for pagers, digits),
/// with at least one key.
fn made_of(q: &str, keys: &[&str], filler: &[&str], digits: bool) -> bool {
    let mut rest = q;
    let mut seen_key = false;
    while !rest.is_empty() {
        if let Some(k) = keys
            .iter()
            .find(|k| same_head(rest, k) && rest.starts_with(*k))
        {
            rest = rest.get(k.len()..).unwrap_or("");
            seen_key = true;
        } else if let Some(f) = filler
            .iter()
            .find(|f| same_head(rest, f) && rest.starts_with(*f))
        {
            rest = rest.get(f.len()..).unwrap_or("");
        } else if digits && rest.starts_with(|c: char| c.is_ascii_digit()) {
            rest = rest.get(1..).unwrap_or("");
        } else {
            return false;
        }
    }
    seen_key
}

/// Dashes around page numbers.
const DASHES: &[char] = &[
    '-', '‐', '‑', '‒', '–', '—', '―', '─', '━', '－', '﹣', '~', '〜',
];

fn is_dash(c: char) -> bool {
    DASHES.contains(&c)
}

/// `-1-`, `— 2 —`, `- 3 -` (spaces already removed): dashes, 1–4 digits, dashes.
fn is_page_number(q: &str) -> bool {
    let body = q.trim_start_matches(is_dash);
    let lead = q.len() - body.len();
    let digits = body.trim_end_matches(is_dash);
    let trail = body.len() - digits.len();
    lead > 0
        && trail > 0
        && (1..=4).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
}

/// `第3页`, `第3页共10页`, `共10页第3页`, `3/10页`.
fn is_page_count(q: &str) -> bool {
    let mut rest = q;
    let mut has_digit = false;
    let mut has_ye = false;
    while let Some(c) = rest.chars().next() {
        match c {
            '0'..='9' => has_digit = true,
            '页' => has_ye = true,
            '第' | '共' | '/' | ',' => {}
            _ => return false,
        }
        rest = rest.get(c.len_utf8()..).unwrap_or("");
    }
    has_digit && has_ye && q.starts_with(['第', '共'])
}

/// `Page 9 - 2020年报_审计局 P. 9` (flipbook page headers).
fn is_flipbook_header(s: &str) -> bool {
    s.strip_prefix("Page ")
        .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
}

/// `大 中 小` and `[大] [中] [小]` (spaces already removed).
fn is_font_size_widget(q: &str) -> bool {
    q.chars()
        .filter(|c| !matches!(c, '[' | ']' | '【' | '】' | '|'))
        .eq("大中小".chars())
}

/// Whether the line starts with a metadata key, and has enough metadata around it.
fn is_page_meta(q: &str) -> bool {
    let q = q.trim_start_matches(['(', '【', '[']);
    let key_at_start = |keys: &[&'static str]| -> Option<&'static str> {
        keys.iter().copied().find(|k| {
            same_head(q, k)
                && q.strip_prefix(*k)
                    .is_some_and(|r| r.starts_with([':', '|']))
        })
    };
    if let Some(k) = key_at_start(STRONG_KEYS) {
        if q.get(k.len()..).is_some_and(|r| r.starts_with(':')) {
            return true;
        }
        // A table row `key | value | key | value`: a table of the report can have a
        // header cell such as `信息分类` too, so ask for a second key cell.
        let key_cells = q
            .split('|')
            .map(|cell| cell.trim_end_matches(':'))
            .filter(|cell| STRONG_KEYS.contains(cell) || WEAK_KEYS.contains(cell))
            .count();
        return key_cells >= 2;
    }
    let Some(weak) = key_at_start(WEAK_KEYS) else {
        return false;
    };
    // Another key with a colon somewhere on the line?
    let keyed = |k: &&str| {
        q.match_indices(*k)
            .any(|(i, _)| q.get(i + k.len()..).is_some_and(|r| r.starts_with(':')))
    };
    let keys = STRONG_KEYS
        .iter()
        .chain(WEAK_KEYS)
        .filter(|k| keyed(k))
        .count();
    if keys >= 2 {
        return true;
    }
    // A date right after the key?
    let value = q
        .get(weak.len()..)
        .unwrap_or("")
        .trim_start_matches([':', '|']);
    if starts_with_date(value) {
        return true;
    }
    ["大中小", "打印", "关闭", "字体", "字号"]
        .iter()
        .any(|w| value.contains(w))
}

/// `2018-03-30`, `2019/12/14`, `2016.02.10`, `2020年1月` at the start.
fn starts_with_date(v: &str) -> bool {
    let b = v.as_bytes();
    b.len() >= 5
        && b.iter().take(4).all(u8::is_ascii_digit)
        && (matches!(b.get(4), Some(b'-' | b'/' | b'.'))
            || v.get(4..).is_some_and(|r| r.starts_with('年')))
}

/// A report title: `报告` together with a year (`2018年`) or `年度`.
fn looks_like_title(q: &str) -> bool {
    if !q.contains("报告") {
        return false;
    }
    if q.contains("年度") {
        return true;
    }
    let b = q.as_bytes();
    q.match_indices('年').any(|(i, _)| {
        i >= 4
            && b.get(i - 4..i)
                .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
    })
}

/// Run the line stage: trim trailing spaces and tabs (when `trim`), and take out chrome
/// lines (when `strip`). `None` when nothing changed.
pub(crate) fn run(
    text: &str,
    map: &OffsetMap,
    trim: bool,
    strip: bool,
    chrome: &mut Vec<ChromeLine>,
) -> Option<(String, OffsetMap)> {
    let mut em = Emitter::new(text, map);
    let mut start = 0;
    while start <= text.len() {
        let nl = text
            .get(start..)
            .and_then(|r| r.find('\n'))
            .map(|k| start + k);
        let end = nl.unwrap_or(text.len());
        let line = text.get(start..end).unwrap_or("");
        let content_end = if trim {
            let trimmed = line.trim_end_matches([' ', '\t']);
            // A tab-separated row keeps its trailing tabs: they end empty fields.
            if trimmed.contains('\t') {
                start + line.trim_end_matches(' ').len()
            } else {
                start + trimmed.len()
            }
        } else {
            end
        };
        let kind = if strip {
            classify_chrome(text.get(start..content_end).unwrap_or(""))
        } else {
            None
        };
        if let Some(kind) = kind {
            let content = text.get(start..content_end).unwrap_or("");
            let lead = content.len() - content.trim_start().len();
            let body = content.trim();
            let (a, b) = (start + lead, start + lead + body.len());
            chrome.push(ChromeLine {
                kind,
                text: body.to_string(),
                span: Span::new(map.start_of(a), map.end_of(b)),
            });
            em.delete(start..nl.map_or(end, |n| n + 1));
        } else if content_end < end {
            em.delete(content_end..end);
        }
        match nl {
            Some(n) => start = n + 1,
            None => break,
        }
    }
    em.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ChromeKind::*;

    #[test]
    fn recognizes_chrome() {
        let cases: &[(&str, ChromeKind)] = &[
            ("当前位置:首页 > 信息公开 > 年报", Navigation),
            ("当前位置 : 首页 |", Navigation),
            ("返回首页 > 您现在的位置: 我爱新乡 > 下设单位 > 正文", Navigation),
            ("下一篇:", Navigation),
            ("上一篇:关于印发某某的通知", Navigation),
            ("发布日期:2019/12/14 6:04:03 浏览:830", PageMeta),
            ("浏览:830", PageMeta),
            (
                "来源:德昌县人民政府办公室 时间:2018-03-30 14:54 点击率:【打印】【关闭】 |",
                PageMeta,
            ),
            ("时间:2016-03-05 00:00 大 中 小", PageMeta),
            ("更新日期:2021-01-20 信息来源:双塔区政务公开办 浏览:", PageMeta),
            ("发布来源:国家卫生健康委员会网站 发布时间:2025-01-24 16:55:49", PageMeta),
            ("发布时间: 2024-01-31 08:51 字体:[]", PageMeta),
            ("访问次数:", PageMeta),
            ("索 引 号:GCX0048/2020-00201", PageMeta),
            ("发文机关: 长桥乡", PageMeta),
            ("文 号:", PageMeta),
            ("成文日期: 2020-01-15", PageMeta),
            (
                "索 引 号 | 014416330/2018-04736 | 分 类 | 政府信息公开年报 综合政务,文秘工作 其他 |",
                PageMeta,
            ),
            ("发布机构 | 市政府办 | 发文日期 | 2018-02-28 |", PageMeta),
            ("文 号 | 有 效 性 |", PageMeta),
            ("索引号: | 1133068200259085XF/2015-28256 | 公开方式: | 主动公开 |", PageMeta),
            ("文号: | 公开日期: | 2015-07-27 16:32 | |", PageMeta),
            ("发布单位: | 下管镇 |", PageMeta),
            ("(责任编辑:郝焱)", PageMeta),
            ("生成日期:2021-01-01", PageMeta),
            ("字号:大 中 小", Tools),
            ("字号:", Tools),
            ("【打印】【关闭】", Tools),
            ("【字体:大 中 小】", Tools),
            ("视力保护色", Tools),
            ("扫一扫在手机打开当前页", Tools),
            ("扫一扫在手机上查看当前页面", Tools),
            ("分享到:", Tools),
            ("[打印本页] [关闭窗口]", Tools),
            ("大 中 小", Tools),
            ("上一页  [1] [2]", Pager),
            ("首页 上一页 1 2 3 下一页 尾页", Pager),
            ("返回顶部", Pager),
            ("-1-", Pager),
            ("— 2 —", Pager),
            ("- 3 -", Pager),
            ("－12－", Pager),
            ("第 3 页 共 10 页", Pager),
            ("Page 9 - 2020年报_审计局 P. 9", Pager),
            ("最新下设单位", Other),
            ("欢迎咨询", Other),
        ];
        for (line, kind) in cases {
            assert_eq!(classify_chrome(line), Some(*kind), "{line}");
        }
    }

    #[test]
    fn keeps_report_lines() {
        for line in [
            "新乡市2018年政府信息公开工作年度报告",
            "德昌县2017年政府信息公开工作年度报告 |",
            "标题: | 高青县人民政府办公室2015年政府信息公开工作年度报告 | ||",
            "2021年1月12日",
            "安溪县人民政府办公室",
            "(此件公开发布)",
            "上一年项目数量",
            "上一年项目数量 |",
            "0",
            "12",
            "|",
            "-",
            "—",
            "---|---|---|---|",
            "(一)主动公开政府信息情况",
            "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |",
            "2021年信息公开年报",
            "图1 政府信息主动公开情况表",
            "时间紧、任务重",
            "来源广泛",
            "分类推进政务公开",
            "信息分类 | 条数 |",
            "信息分类",
            "索引号",
            "一、总体情况",
            "中",
            "大",
            "第二十条第(一)项",
            "文号管理规范",
            "2020-2021",
            "-1",
        ] {
            assert_eq!(classify_chrome(line), None, "{line}");
        }
    }

    #[test]
    fn line_stage_removes_lines() {
        let text = "发布日期:2019/12/14 浏览:830\n标题\n正文  \n-1-\n结尾";
        let m = OffsetMap::identity(text.len());
        let mut chrome = Vec::new();
        let (t, m2) = run(text, &m, true, true, &mut chrome).unwrap();
        assert_eq!(t, "标题\n正文\n结尾");
        assert_eq!(chrome.len(), 2);
        assert_eq!(chrome[0].kind, PageMeta);
        assert_eq!(
            chrome[0].span.slice(text),
            Some("发布日期:2019/12/14 浏览:830")
        );
        assert_eq!(chrome[1].span.slice(text), Some("-1-"));
        assert_eq!(
            m2.start_of(t.find("结尾").unwrap()),
            text.find("结尾").unwrap()
        );
    }
}

#[cfg(test)]
mod examples {
    #[test]
    fn classify_chrome() {
        use super::classify_chrome;
        use crate::normalize::ChromeKind;
        assert_eq!(
            classify_chrome("当前位置:首页 > 信息公开"),
            Some(ChromeKind::Navigation)
        );
        assert_eq!(
            classify_chrome("发布日期:2019/12/14 6:04:03 浏览:830"),
            Some(ChromeKind::PageMeta)
        );
        assert_eq!(classify_chrome("字号:大 中 小"), Some(ChromeKind::Tools));
        assert_eq!(classify_chrome("— 2 —"), Some(ChromeKind::Pager));
        assert_eq!(
            classify_chrome("新乡市2018年政府信息公开工作年度报告"),
            None
        );
        assert_eq!(classify_chrome("0"), None);
    }
}
