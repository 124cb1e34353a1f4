//! Integration tests of the normalization layer: golden conversions, pinyin glosses,
//! page chrome on real seeds and excerpts, and the offset map.
//!
//! Real documents are read from `../shared` (relative to the crate root); tests that
//! need them print a notice and pass when it is absent.

mod common;

use proptest::prelude::*;
use zfxxgk::__internal::{builtin_converter, classify_chrome, normalize_with, Converter};
use zfxxgk::normalize::{normalize, ChromeKind, NormalizeOptions, Normalized};

use common::{seed, shared};
const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/normalize");

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{FIXTURES}/{name}")).expect("fixture")
}

fn norm(s: &str) -> Normalized {
    normalize(s, &NormalizeOptions::default())
}

fn no_conversion() -> NormalizeOptions {
    NormalizeOptions::default().with_to_simplified(false)
}

fn chrome_texts(n: &Normalized) -> Vec<(ChromeKind, &str)> {
    n.chrome()
        .iter()
        .map(|c| (c.kind, c.text.as_str()))
        .collect()
}

fn lines(n: &Normalized) -> Vec<&str> {
    n.text().lines().collect()
}

// ---------------------------------------------------------------------------------
// Traditional → simplified

const GOLDEN: &[(&str, &str)] = &[
    ("乾淨", "干净"),
    ("乾隆", "乾隆"),
    ("著作權", "著作权"),
    ("答覆", "答复"),
    ("於", "于"),
    ("徵求", "征求"),
    ("祕密", "秘密"),
    ("夥伴", "伙伴"),
    ("諮詢", "咨询"),
    ("羣眾", "群众"),
    ("後", "后"),
    ("製定", "制定"),
    ("坏", "坏"),
    ("壞", "坏"),
    ("規範性文件", "规范性文件"),
    ("依申請公開", "依申请公开"),
    ("予以答覆。", "予以答复。"),
];

#[test]
fn golden_conversions_default_backend() {
    for (t, s) in GOLDEN {
        let n = norm(t);
        assert_eq!(n.text(), *s, "{t}");
        assert_eq!(n.converted(), t != s, "{t}");
    }
    // Inside longer text, next to ASCII and punctuation.
    let n = norm("第1條:乾淨、答覆(2021)");
    assert_eq!(n.text(), "第1条:干净、答复(2021)");
}

#[test]
fn golden_conversions_builtin_backend() {
    let Some(c) = builtin_converter() else {
        panic!("the builtin converter must build");
    };
    for (t, s) in GOLDEN {
        let n = normalize_with(t, &NormalizeOptions::default(), c);
        assert_eq!(n.text(), *s, "{t}");
    }
}

#[cfg_attr(
    zfxxgk_no_shared,
    ignore = "needs the shared corpus (../shared or ZFXXGK_SHARED)"
)]
#[test]
fn simplified_seeds_are_identity() {
    for num in ["000", "004"] {
        let Some(s) = seed(num) else { return };
        let with = norm(&s);
        let without = normalize(&s, &no_conversion());
        assert_eq!(with.text(), without.text(), "seed {num}");
        assert!(!with.converted(), "seed {num}");
    }
    let s = fixture("simplified.txt");
    let n = norm(&s);
    assert!(!n.converted());
    assert_eq!(n.text(), normalize(&s, &no_conversion()).text());
}

#[cfg_attr(
    zfxxgk_no_shared,
    ignore = "needs the shared corpus (../shared or ZFXXGK_SHARED)"
)]
#[test]
fn simplified_excerpts_are_identity() {
    let Some(manifest) = shared("corpus/excerpts/MANIFEST.tsv") else {
        return;
    };
    for row in manifest.lines().skip(1) {
        let cols: Vec<&str> = row.split('\t').collect();
        let (Some(id), Some(script)) = (cols.first(), cols.get(5)) else {
            continue;
        };
        if *script != "simplified" {
            continue;
        }
        let Some(s) = shared(&format!("corpus/excerpts/{id}.txt")) else {
            return;
        };
        let n = norm(&s);
        assert!(!n.converted(), "excerpt {id}");
        assert_eq!(
            n.text(),
            normalize(&s, &no_conversion()).text(),
            "excerpt {id}"
        );
    }
}

#[test]
fn traditional_fixture_matches_simplified_fixture() {
    let t = norm(&fixture("traditional.txt"));
    let s = norm(&fixture("simplified.txt"));
    assert!(t.converted());
    assert_eq!(t.glosses_removed(), 11);
    let tl: Vec<&str> = t.text().lines().map(str::trim_start).collect();
    let sl: Vec<&str> = s.text().lines().map(str::trim_start).collect();
    assert_eq!(tl, sl);
    assert_eq!(chrome_texts(&t), chrome_texts(&s));
}

#[cfg_attr(
    zfxxgk_no_shared,
    ignore = "needs the shared corpus (../shared or ZFXXGK_SHARED)"
)]
#[test]
fn seed_003_traditional_pinyin() {
    let Some(s) = seed("003") else { return };
    let n = norm(&s);
    assert!(n.converted());
    assert!(n.glosses_removed() > 100);
    let text = n.text();
    assert!(text.starts_with("五原县和胜乡2021年政府信息公开工作年度报告\n"));
    for label in [
        "信息内容",
        "本年制发件数",
        "本年废止件数",
        "现行有效件数",
        "规范性文件",
        "行政许可",
        "一、总体情况",
        "二、主动公开政府信息情况",
        "其他需要报告的事项",
    ] {
        assert!(text.contains(label), "{label}");
    }
    // No gloss is left.
    for gloss in ["(xiāng)", "(bào)", "(nèi)", "(guī)", "(qū)"] {
        assert!(!text.contains(gloss), "{gloss}");
    }
    assert!(!zfxxgk::__internal::needs_conversion(text));
}

#[cfg_attr(
    zfxxgk_no_shared,
    ignore = "needs the shared corpus (../shared or ZFXXGK_SHARED)"
)]
#[test]
fn seed_003_digit_spans() {
    let Some(s) = seed("003") else { return };
    let n = norm(&s);
    let mut count = 0;
    for (i, c) in n.text().char_indices() {
        if c.is_ascii_digit() {
            let span = n.original_span(i..i + 1);
            assert_eq!(span.slice(&s), Some(c.to_string().as_str()), "at {i}");
            assert_eq!(n.original_offset(i), span.start);
            count += 1;
        }
    }
    assert!(count > 50);
    // A converted, glossed character covers its gloss.
    let at = n.text().find("乡").expect("乡");
    assert_eq!(
        n.original_span(at..at + "乡".len()).slice(&s),
        Some("鄉(xiāng)")
    );
    let title = "五原县和胜乡2021年政府信息公开工作年度报告";
    let span = n.original_span(0..title.len());
    assert_eq!(
        span.slice(&s),
        Some("五原縣和勝鄉(xiāng)2021年政府信息公開工作年度報(bào)告")
    );
}

#[cfg_attr(
    zfxxgk_no_shared,
    ignore = "needs the shared corpus (../shared or ZFXXGK_SHARED)"
)]
#[test]
fn traditional_excerpts_convert() {
    for (id, expect) in [
        ("005", "2009年度下管镇政府信息公开年度报告"),
        ("057", "现公布广东省人民政府2022年政府信息公开工作年度报告"),
        ("065", "信息内容"),
        (
            "007",
            "公开透明是服务政府、责任政府、法治政府和廉洁政府的重要标志",
        ),
    ] {
        let Some(s) = shared(&format!("corpus/excerpts/{id}.txt")) else {
            return;
        };
        let n = norm(&s);
        assert!(n.converted(), "{id}");
        assert!(n.text().contains(expect), "{id}: {expect}");
    }
}

/// A converter that hides its table, so every run goes through `convert`.
struct Plain(&'static dyn Converter);

impl Converter for Plain {
    fn convert(&self, text: &str) -> String {
        self.0.convert(text)
    }
    fn name(&self) -> &str {
        "plain"
    }
}

fn traditional_docs() -> Vec<String> {
    let mut docs = vec![fixture("traditional.txt"), fixture("simplified.txt")];
    if let Some(s) = seed("003") {
        docs.push(s);
    }
    for id in ["005", "007", "057", "065"] {
        if let Some(s) = shared(&format!("corpus/excerpts/{id}.txt")) {
            docs.push(s);
        }
    }
    docs.push(
        GOLDEN
            .iter()
            .map(|(t, _)| *t)
            .collect::<Vec<_>>()
            .join("、"),
    );
    // Context characters inside and outside their phrases.
    docs.push("乾隆年間乾淨於是關於答覆反覆沈默瞭解藉口計畫徵求鍾錶麼".to_string());
    docs
}

/// Converting runs from the backend's character table gives exactly what the
/// converter gives.
#[test]
fn table_path_matches_converter() {
    let Some(builtin) = builtin_converter() else {
        panic!("the builtin converter must build");
    };
    let opts = NormalizeOptions::default();
    for doc in traditional_docs() {
        let fast = normalize_with(&doc, &opts, builtin);
        let slow = normalize_with(&doc, &opts, &Plain(builtin));
        assert_eq!(fast.text(), slow.text());
    }
    #[cfg(feature = "opencc")]
    if let Some(sys) = zfxxgk::__internal::system_converter() {
        for doc in traditional_docs() {
            let fast = normalize_with(&doc, &opts, sys);
            let slow = normalize_with(&doc, &opts, &Plain(sys));
            assert_eq!(fast.text(), slow.text());
        }
    }
}

/// The `opencc` backend agrees with the default one on every fixture.
#[cfg(feature = "opencc")]
#[test]
fn backends_agree() {
    use zfxxgk::__internal::system_converter;
    let Some(sys) = system_converter() else {
        panic!("system OpenCC (t2s.json) must open with the opencc feature");
    };
    let Some(builtin) = builtin_converter() else {
        panic!("the builtin converter must build");
    };
    let opts = NormalizeOptions::default();
    for (t, s) in GOLDEN {
        assert_eq!(normalize_with(t, &opts, sys).text(), *s, "{t}");
    }
    for doc in &traditional_docs() {
        let a = normalize_with(doc, &opts, builtin);
        let b = normalize_with(doc, &opts, sys);
        assert_eq!(a.text(), b.text());
        assert_eq!(a.chrome(), b.chrome());
    }
}

// ---------------------------------------------------------------------------------
// Pinyin glosses

#[test]
fn pinyin_removed() {
    let opts = no_conversion();
    for (input, expect) in [
        ("五原縣和勝鄉(xiāng)", "五原縣和勝鄉"),
        ("報(bào)告", "報告"),
        ("公(gong)開(kai)", "公開"),
        ("新(xin)(xin)(xin)(xin)", "新"),
        ("內(nèi)容", "內容"),
        ("規(guī)定 區(qū)域", "規定 區域"),
        ("內（nèi）容", "內容"),
        ("綠(lǜ)化 綠(lv)化", "綠化 綠化"),
        ("文(wen)章(zhang)", "文章"),
    ] {
        assert_eq!(normalize(input, &opts).text(), expect, "{input}");
    }
}

#[test]
fn pinyin_kept() {
    let opts = no_conversion();
    for input in [
        "(一)总体情况",
        "第二十条第(一)项",
        "收到申请(2021)",
        "(单位:万元)",
        "邮箱(xxx@126.com)",
        "北京(Beijing)",
        "附件(PDF)",
        "附件(pdf)",
        "面积(ha)",
        "项目(a)",
        "用时(min)",
        "2021(nián)",
        "报告 (bào)",
        "(bào)告",
    ] {
        assert_eq!(normalize(input, &opts).text(), input, "{input}");
    }
}

// ---------------------------------------------------------------------------------
// Page chrome

#[cfg_attr(
    zfxxgk_no_shared,
    ignore = "needs the shared corpus (../shared or ZFXXGK_SHARED)"
)]
#[test]
fn chrome_seed_001() {
    let Some(s) = seed("001") else { return };
    let n = norm(&s);
    assert_eq!(
        chrome_texts(&n),
        vec![
            (
                ChromeKind::Navigation,
                "返回首页 > 您现在的位置: 我爱新乡 > 下设单位 > 正文"
            ),
            (ChromeKind::PageMeta, "发布日期:2019/12/14 6:04:03 浏览:830"),
            (ChromeKind::Pager, "上一页  [1] [2]"),
            (ChromeKind::Other, "最新下设单位"),
            (ChromeKind::Other, "欢迎咨询"),
            (ChromeKind::Pager, "返回顶部"),
        ]
    );
    let l = lines(&n);
    assert!(l.contains(&"新乡市2018年政府信息公开工作年度报告"));
    assert!(l.contains(&"暂无其他需要说明的事项。"));
    let keep_chrome = NormalizeOptions::default().with_strip_chrome(false);
    for c in n.chrome() {
        let original = c.span.slice(&s).expect("chrome span");
        assert_eq!(normalize(original, &keep_chrome).text().trim(), c.text);
    }
}

#[cfg_attr(
    zfxxgk_no_shared,
    ignore = "needs the shared corpus (../shared or ZFXXGK_SHARED)"
)]
#[test]
fn chrome_seed_002() {
    let Some(s) = seed("002") else { return };
    let n = norm(&s);
    assert_eq!(
        chrome_texts(&n),
        vec![
            (
                ChromeKind::PageMeta,
                "来源:德昌县人民政府办公室 时间:2018-03-30 14:54 点击率:【打印】【关闭】 |"
            ),
            (ChromeKind::Navigation, "下一篇:"),
        ]
    );
    let l = lines(&n);
    assert_eq!(l.first(), Some(&"德昌县2017年政府信息公开工作年度报告 |"));
    assert_eq!(l.get(1), Some(&"|"));
    assert!(l.get(2).is_some_and(|x| x.starts_with("本报告根据")));
}

#[cfg_attr(
    zfxxgk_no_shared,
    ignore = "needs the shared corpus (../shared or ZFXXGK_SHARED)"
)]
#[test]
fn chrome_seed_004() {
    let Some(s) = seed("004") else { return };
    let n = norm(&s);
    assert_eq!(
        chrome_texts(&n),
        vec![(ChromeKind::Tools, "扫一扫在手机上查看当前页面")]
    );
    let l = lines(&n);
    let tail: Vec<&str> = l.iter().rev().take(3).rev().copied().collect();
    assert_eq!(
        tail,
        vec!["安溪县人民政府办公室", "2021年1月12日", "(此件公开发布)"]
    );
}

#[cfg_attr(
    zfxxgk_no_shared,
    ignore = "needs the shared corpus (../shared or ZFXXGK_SHARED)"
)]
#[test]
fn chrome_excerpts() {
    use ChromeKind::*;
    /// Excerpt id, the chrome lines it loses, lines it keeps.
    type Case = (
        &'static str,
        &'static [(ChromeKind, &'static str)],
        &'static [&'static str],
    );
    let cases: &[Case] = &[
        (
            "005",
            &[
                (Navigation, "当前位置 : 首页 |"),
                (
                    PageMeta,
                    "索引号: | 1133068200259085XF/2015-28256 | 公开方式: | 主动公开 |",
                ),
                (PageMeta, "文号: | 公开日期: | 2015-07-27 16:32 | |"),
                (PageMeta, "发布单位: | 下管镇 |"),
            ],
            &["|", "2009年度下管镇政府信息公开年度报告 | ||"],
        ),
        ("009", &[(PageMeta, "发布时间:2011-03-14 18:20:44")], &["唐村镇2010年政府信息公开工作年度报告"]),
        ("015", &[(PageMeta, "(责任编辑:郝焱)")], &[]),
        (
            "017",
            &[
                (
                    PageMeta,
                    "索引号: | 11370322004222241N/2016-5112365 | 文号: | 无文号 |",
                ),
                (
                    PageMeta,
                    "发文日期: | 2016-02-10 | 发布机构: | 高青县人民政府办公室 |",
                ),
            ],
            &[
                "标题: | 高青县人民政府办公室2015年政府信息公开工作年度报告 | ||",
                "---|---|---|---|",
            ],
        ),
        (
            "019",
            &[(PageMeta, "时间:2016-03-05 00:00 大 中 小")],
            &["2015年兴县人民政府信息公开年度报告"],
        ),
        (
            "025",
            &[
                (
                    PageMeta,
                    "索 引 号 | 014416330/2018-04736 | 分 类 | 政府信息公开年报 综合政务,文秘工作 其他 |",
                ),
                (PageMeta, "发布机构 | 市政府办 | 发文日期 | 2018-02-28 |"),
                (PageMeta, "文 号 | 有 效 性 |"),
            ],
            &[],
        ),
        (
            "035",
            &[
                (PageMeta, "索 引 号:GCX0048/2020-00201"),
                (PageMeta, "发文机关: 长桥乡"),
                (PageMeta, "文 号:"),
                (PageMeta, "成文日期: 2020-01-15"),
            ],
            &["长桥乡2019年政府信息公开年度工作报告", "报 告"],
        ),
        (
            "043",
            &[(PageMeta, "更新日期:2021-01-20 信息来源:双塔区政务公开办 浏览:")],
            &["双塔区前进街道2020年政府信息公开工作年度报告"],
        ),
        (
            "059",
            &[(Tools, "字号:")],
            &["2022年上海市政府信息公开工作年度报告"],
        ),
        (
            "063",
            &[(PageMeta, "发布时间: 2024-01-31 08:51 字体:[]")],
            &["桐梓县夜郎镇2023年政府信息公开工作年度报告"],
        ),
        (
            "071",
            &[(
                PageMeta,
                "发布来源:国家卫生健康委员会网站 发布时间:2025-01-24 16:55:49",
            )],
            &["国家卫生健康委2024年政府信息公开工作年度报告"],
        ),
        (
            "073",
            &[(PageMeta, "发布日期:2025-01-22 08:59"), (PageMeta, "访问次数:")],
            &["舟山市卫生健康委2024年政府信息公开工作年度报告"],
        ),
        ("049", &[], &["2021年信息公开年报"]),
        ("041", &[], &["图1 政府信息主动公开情况表"]),
        ("021", &[], &["宿州市人民政府办公室", "2017年3月"]),
    ];
    for (id, removed, kept) in cases {
        let Some(s) = shared(&format!("corpus/excerpts/{id}.txt")) else {
            return;
        };
        let n = norm(&s);
        assert_eq!(chrome_texts(&n), removed.to_vec(), "excerpt {id}");
        let l = lines(&n);
        for k in *kept {
            assert!(l.contains(k), "excerpt {id} keeps {k:?}");
        }
    }
}

#[cfg_attr(
    zfxxgk_no_shared,
    ignore = "needs the shared corpus (../shared or ZFXXGK_SHARED)"
)]
#[test]
fn chrome_none_in_plain_excerpts() {
    // Excerpts without page chrome lose no line.
    for id in [
        "001", "003", "011", "013", "023", "027", "029", "031", "033", "037", "039",
    ] {
        let Some(s) = shared(&format!("corpus/excerpts/{id}.txt")) else {
            return;
        };
        let n = norm(&s);
        assert!(
            n.chrome().is_empty(),
            "excerpt {id}: {:?}",
            chrome_texts(&n)
        );
    }
}

#[test]
fn page_numbers_between_pages() {
    let s = "第一页的最后一句\n-1-\n第二页\n— 2 —\n- 3 -\n结尾 - 3 - 不删\n";
    let n = norm(s);
    assert_eq!(n.text(), "第一页的最后一句\n第二页\n结尾 - 3 - 不删\n");
    assert_eq!(n.chrome().len(), 3);
    assert!(n.chrome().iter().all(|c| c.kind == ChromeKind::Pager));
    assert_eq!(
        classify_chrome("Page 9 - 2020年报_审计局 P. 9"),
        Some(ChromeKind::Pager)
    );
}

#[test]
fn chrome_kept_when_disabled() {
    let s = "当前位置:首页\n正文";
    let opts = NormalizeOptions::default().with_strip_chrome(false);
    let n = normalize(s, &opts);
    assert_eq!(n.text(), s);
    assert!(n.chrome().is_empty());
}

// ---------------------------------------------------------------------------------
// Whitespace, robustness

#[test]
fn whitespace_folding() {
    let n = norm("　　一、总体情况　\r\n规章  |  0 |\t\r\n\u{200B}收到\u{00A0}申请&nbsp;46件\r");
    assert_eq!(n.text(), "  一、总体情况\n规章  |  0 |\n收到 申请 46件\n");
}

#[test]
fn pathological_inputs_are_linear() {
    let start = std::time::Instant::now();
    let big = "公开".repeat(1_000_000) + "後";
    let n = norm(&big);
    assert_eq!(n.text().len(), big.len());
    let parens = "(".repeat(1 << 20);
    assert_eq!(norm(&parens).text(), parens);
    let full = "（".repeat(1 << 18);
    assert_eq!(norm(&full).text(), "(".repeat(1 << 18));
    let glosses = format!("新{}", "(xin)".repeat(200_000));
    assert_eq!(norm(&glosses).text(), "新");
    let crlf = "a\r\n".repeat(500_000);
    let n = norm(&crlf);
    assert_eq!(n.text(), "a\n".repeat(500_000));
    assert_eq!(n.original_offset(n.text().len() - 2), crlf.len() - 3);
    let spaces = " ".repeat(1 << 20);
    assert_eq!(norm(&spaces).text(), "");
    let amp = "&".repeat(1 << 20);
    assert_eq!(norm(&amp).text(), amp);
    let marks = format!("a{}", "\u{0304}".repeat(100_000));
    let _ = norm(&marks);
    // Generous bound for debug builds on a slow machine.
    assert!(start.elapsed().as_secs() < 120);
}

#[test]
fn ten_megabyte_line() {
    let line: String = "本年新制作数量 | 12 | （三）不予公开　".repeat(250_000);
    assert!(line.len() > 10_000_000);
    let n = norm(&line);
    assert!(n
        .text()
        .starts_with("本年新制作数量 | 12 | (三)不予公开 本年"));
    let end = n.text().len();
    assert_eq!(n.original_offset(end), line.len());
}

// ---------------------------------------------------------------------------------
// The offset map

fn fragment() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "a",
        "Z",
        "7",
        "  ",
        " ",
        "\t",
        "-",
        "(",
        ")",
        ":",
        ",",
        "（",
        "）",
        "１",
        "２",
        "：",
        "Ａ",
        "，",
        "⑴",
        "﹝",
        "…",
        "ﬁ",
        "公",
        "开",
        "信息",
        "报告",
        "2021年",
        "報",
        "鄉",
        "後",
        "答覆",
        "乾淨",
        "規範",
        "內",
        "(xiāng)",
        "(bào)",
        "(xin)",
        "(nèi)",
        "（guī）",
        "(a)",
        "(Beijing)",
        "\r\n",
        "\r",
        "\n",
        "\u{3000}",
        "\u{00A0}",
        "\u{200B}",
        "\u{FEFF}",
        "&nbsp;",
        "\u{0304}",
        "ｶ",
        "ﾞ",
        "\n-1-\n",
        "\n字号:大 中 小\n",
        "\n当前位置:首页\n",
        "\n发布日期:2021-01-01\n",
        "𠀀",
        "豈",
        "乾隆",
        "新",
        "u\u{0308}",
        "(xin)(xin)",
        "〇",
        "\u{000C}",
        "ｶﾞ",
        "Ａ\u{0301}",
    ])
}

fn input() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..40).prop_map(|v| v.concat())
}

fn check_map(s: &str, n: &Normalized) {
    let t = n.text();
    let mut prev = 0;
    let mut boundaries: Vec<usize> = t.char_indices().map(|(i, _)| i).collect();
    boundaries.push(t.len());
    for &b in &boundaries {
        let o = n.original_offset(b);
        assert!(
            s.is_char_boundary(o),
            "offset {o} of {b} not a boundary in {s:?}"
        );
        assert!(o >= prev, "not monotonic at {b} in {s:?}");
        prev = o;
    }
    assert_eq!(n.original_offset(t.len()), s.len());
    let mut last: Option<zfxxgk::Span> = None;
    for (i, c) in t.char_indices() {
        let span = n.original_span(i..i + c.len_utf8());
        assert_eq!(span.start, n.original_offset(i));
        let slice = span.slice(s).expect("span on char boundaries");
        assert!(!slice.is_empty(), "char {c:?} at {i} from nothing in {s:?}");
        // Spans of successive characters are the same unit or in order.
        if let Some(l) = last {
            assert!(
                l.range() == span.range() || l.end <= span.start,
                "overlap {:?} {:?} in {s:?}",
                l.range(),
                span.range()
            );
        }
        last = Some(span);
        // The original slice accounts for the character.
        if c.is_ascii_alphanumeric() && slice.len() == 1 {
            assert_eq!(slice, c.to_string());
        }
        if c.is_whitespace() {
            continue;
        }
        let alone = normalize(slice, &NormalizeOptions::default().with_strip_chrome(false));
        let phrase_context =
            c >= '\u{3400}' && slice.chars().next().is_some_and(|d| d >= '\u{3400}');
        assert!(
            alone.text().contains(c) || phrase_context,
            "{c:?} at {i} not produced by {slice:?} in {s:?}"
        );
    }
    // A range's span covers the spans of its characters.
    if !t.is_empty() {
        let whole = n.original_span(0..t.len());
        for c in n.chrome() {
            let r = c.span.range();
            assert!(r.start <= r.end && r.end <= s.len());
        }
        assert!(whole.end <= s.len());
    }
}

/// Inputs the property tests once shrank to.
#[test]
fn offset_map_regressions() {
    for s in [
        "公(xiāng)\u{ff9e}",
        "公(xiāng)（guī）Ａ\u{304}",
        "公(xin)(xin)\u{304}\u{ff9e}",
        "公(xiāng)\u{304}\u{ff9e}",
        "信息（guī）\u{ff9e}\n-1-\n公",
        "\nｶﾞ\r\n⑴…ﬁ",
    ] {
        check_map(s, &norm(s));
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 4096,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn offset_map_properties(s in input()) {
        let n = norm(&s);
        check_map(&s, &n);
    }

    #[test]
    fn offset_map_properties_without_chrome(s in input()) {
        let opts = NormalizeOptions::default().with_strip_chrome(false);
        let n = normalize(&s, &opts);
        check_map(&s, &n);
    }

    #[test]
    fn never_panics_on_arbitrary_text(s in "\\PC{0,200}") {
        let n = norm(&s);
        let t = n.text();
        let _ = n.original_span(0..t.len());
        for i in 0..=t.len() + 2 {
            let o = n.original_offset(i);
            prop_assert!(o <= s.len());
            prop_assert!(s.is_char_boundary(o));
        }
    }
}

/// Some converters are not the default; `normalize_with` uses whichever it is given.
#[test]
fn custom_converter() {
    struct Upper;
    impl Converter for Upper {
        fn convert(&self, text: &str) -> String {
            text.replace('後', "后来")
        }
        fn name(&self) -> &str {
            "test"
        }
    }
    let s = "之後,12";
    let n = normalize_with(s, &NormalizeOptions::default(), &Upper);
    assert_eq!(n.text(), "之后来,12");
    assert_eq!(n.converter(), Some("test"));
    let at = n.text().find("12").unwrap();
    assert_eq!(n.original_span(at..at + 2).slice(s), Some("12"));
    let at = n.text().find("后").unwrap();
    assert_eq!(n.original_span(at..at + 6).slice(s), Some("後"));
}
