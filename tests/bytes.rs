//! Reports as users have them: bytes in the encodings of Chinese portals, whole web
//! pages, PDFs and broken files.

mod common;

use common::*;
use encoding_rs::{Encoding, GB18030, GBK};
use zfxxgk::catalogue::{Edition, Topic};
use zfxxgk::{parse_bytes, parse_report, InputFormat, ParseError, Report, WarningKind};

fn encode(text: &str, enc: &'static Encoding) -> Vec<u8> {
    let (bytes, _, unmappable) = enc.encode(text);
    assert!(!unmappable, "{} cannot encode the text", enc.name());
    bytes.into_owned()
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for u in text.encode_utf16() {
        out.extend(if big_endian {
            u.to_be_bytes()
        } else {
            u.to_le_bytes()
        });
    }
    out
}

/// The seeds, read from the shared folder (a notice and nothing when absent).
fn seeds() -> Vec<(String, String)> {
    seed_names()
        .into_iter()
        .filter_map(|name| {
            let text = shared(&format!("seeds/{name}"))?;
            Some((name, text))
        })
        .collect()
}

#[test]
#[cfg_attr(
    zfxxgk_no_shared,
    ignore = "needs the shared corpus (../shared or ZFXXGK_SHARED)"
)]
fn seeds_in_every_encoding_give_the_same_cells() {
    let seeds = seeds();
    for (name, text) in &seeds {
        let original = parse_report(text).expect("seed parses");
        let cells = cell_map(&original);
        assert!(!cells.is_empty(), "{name}");
        let crlf = text.replace('\n', "\r\n");
        let mut utf8_bom = b"\xEF\xBB\xBF".to_vec();
        utf8_bom.extend(crlf.as_bytes());
        let variants: [(&str, Vec<u8>, &str); 6] = [
            // GBK has no U+00A0 (seed 001 has some): a GBK file holds a space there,
            // which normalization gives U+00A0 too.
            ("GBK", encode(&text.replace('\u{A0}', " "), GBK), "GBK"),
            ("GB18030", encode(text, GB18030), "GBK"),
            ("UTF-16LE", utf16(text, false), "UTF-16LE"),
            ("UTF-16BE", utf16(text, true), "UTF-16BE"),
            ("UTF-8 BOM CRLF", utf8_bom, "UTF-8"),
            ("UTF-16LE CRLF", utf16(&crlf, false), "UTF-16LE"),
        ];
        for (what, bytes, encoding) in variants {
            let r = parse_bytes(&bytes).unwrap_or_else(|e| panic!("{name} {what}: {e}"));
            // GB18030 text of GBK characters only is GBK text: the detector names it
            // GBK (one decoder reads both).
            assert_eq!(r.source.encoding, encoding, "{name} {what}");
            assert_eq!(r.source.format, InputFormat::Text);
            assert_eq!(r.source.decode_errors, 0);
            assert_eq!(cell_map(&r), cells, "{name} {what}");
            assert_eq!(r.edition, original.edition, "{name} {what}");
            assert_eq!(r.metadata.year, original.metadata.year);
            assert_eq!(r.sections.len(), original.sections.len());
        }
    }
    assert_eq!(seeds.len(), 5);
}

/// A small 2021-edition report of our own, with distinct figures.
fn own_report() -> String {
    let cell = |t: &str, row: &str, col: &str| -> Option<String> {
        let h = row
            .chars()
            .chain(col.chars())
            .chain(t.chars())
            .fold(7u32, |a, c| a.wrapping_mul(31).wrapping_add(c as u32));
        Some((h % 9).to_string())
    };
    render(
        &template_doc(Edition::E2021, "青禾县民政局2022年", &cell),
        Layout::PipeRows,
    )
}

#[test]
fn invalid_byte_mid_report_is_a_warning_with_its_line() {
    let text = own_report();
    let clean = parse_report(&text).unwrap();
    // Break the byte after the first `。` of the overview (line 3).
    let at = text.find('。').unwrap();
    let line = text[..at].matches('\n').count() + 1;
    assert_eq!(line, 3);
    let mut bytes = text.as_bytes().to_vec();
    bytes.insert(at, 0xFF);
    let r = parse_bytes(&bytes).unwrap();
    assert_eq!((r.source.encoding, r.source.decode_errors), ("UTF-8", 1));
    let bad: Vec<_> = r
        .warnings
        .iter()
        .filter_map(|w| match &w.kind {
            WarningKind::InvalidBytes {
                encoding,
                line,
                lines,
                sequences,
                bytes,
                offset,
            } => Some((
                encoding.as_str(),
                *line,
                *lines,
                *sequences,
                *bytes,
                *offset,
                r.line_of(w.span.start),
            )),
            _ => None,
        })
        .collect();
    assert_eq!(bad, [("UTF-8", 3, 1, 1, 1, at, 3)]);
    // The rest of the report is read: every cell as without the bad byte.
    assert_eq!(cell_map(&r), cell_map(&clean));
    assert_eq!(r.sections.len(), 6);
    let w = r
        .warnings
        .iter()
        .find(|w| matches!(w.kind, WarningKind::InvalidBytes { .. }))
        .unwrap();
    assert_eq!(
        w.message(),
        format!(
            "line 3: 1 invalid UTF-8 byte sequence(s) (1 byte(s), the first at byte {at} of the input) read as U+FFFD"
        )
    );

    // The same in GBK: a lead byte without its trail byte, before a line break.
    let mut gbk = encode(&text, GBK);
    let nl = gbk.iter().position(|&b| b == b'\n').unwrap();
    gbk.insert(nl, 0x81);
    let r = parse_bytes(&gbk).unwrap();
    assert_eq!((r.source.encoding, r.source.decode_errors), ("GBK", 1));
    let w = r
        .warnings
        .iter()
        .find(|w| matches!(w.kind, WarningKind::InvalidBytes { .. }))
        .unwrap();
    assert_eq!(r.line_of(w.span.start), 1);
    assert_eq!(cell_map(&r), cell_map(&clean));
}

#[test]
fn pdf_and_binary_are_refused_with_what_to_do() {
    let pdf = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n";
    let e = parse_bytes(pdf).unwrap_err();
    assert_eq!(e, ParseError::Pdf);
    assert!(e.to_string().contains("pdftotext -layout FILE"), "{e}");
    let docx = b"PK\x03\x04\x14\x00\x06\x00word/document.xml";
    assert_eq!(parse_bytes(docx).unwrap_err(), ParseError::Binary);
    let mut noise = Vec::new();
    let mut x = 12345u32;
    for _ in 0..4096 {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
        noise.push((x >> 16) as u8);
    }
    assert_eq!(parse_bytes(&noise).unwrap_err(), ParseError::Binary);
    assert_eq!(parse_bytes(b"").unwrap_err(), ParseError::Empty);
    assert_eq!(
        parse_bytes(b"\xEF\xBB\xBF \r\n").unwrap_err(),
        ParseError::Empty
    );
}

const GBK_PAGE: &str = r#"<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">
<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>青禾县民政局2022年政府信息公开工作年度报告_青禾县人民政府</title>
</head><body>
<div class="nav">首页 &gt; 政务公开 &gt; 年度报告</div>
<h1>青禾县民政局2022年政府信息公开工作年度报告</h1>
<p>一、总体情况</p>
<p>2022年，青禾县民政局主动公开政府信息&ldquo;应公开尽公开&rdquo;，共37条。</p>
<p>四、政府信息公开行政复议、行政诉讼情况</p>
<table>
<tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>
<tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>
<td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>
<tr><td>1</td><td>0</td><td>0</td><td>0</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>2</td><td>0</td><td>0</td><td>0</td><td>2</td></tr>
</table>
<p>上一篇：<a href="/a/1.html">青禾县民政局2021年政府信息公开工作年度报告</a></p>
</body></html>
"#;

#[test]
fn gbk_page_with_meta_charset() {
    let bytes = encode(GBK_PAGE, GBK);
    let r = parse_bytes(&bytes).unwrap();
    assert_eq!(r.source.encoding, "GBK");
    assert_eq!(r.source.format, InputFormat::Html);
    assert_eq!(r.source.decode_errors, 0);
    assert_eq!(
        r.metadata.title.as_ref().map(|t| t.value.as_str()),
        Some("青禾县民政局2022年政府信息公开工作年度报告")
    );
    assert_eq!(r.metadata.year.as_ref().map(|y| y.value), Some(2022));
    assert_eq!(
        r.metadata.agency.as_ref().map(|a| a.value.as_str()),
        Some("青禾县民政局")
    );
    let t4 = r.tables.appeals.as_ref().expect("table 四");
    assert_eq!(t4.review.upheld.as_ref().and_then(|c| c.integer()), Some(1));
    assert_eq!(
        t4.litigation_after_review
            .upheld
            .as_ref()
            .and_then(|c| c.integer()),
        Some(2)
    );
    let overview = r.section(Topic::Overview).unwrap();
    assert_eq!(
        overview.body,
        "2022年,青禾县民政局主动公开政府信息“应公开尽公开”,共37条。"
    );
    // The declaration decides bytes of another legacy encoding too: Big5.
    let big5 = "<html><head><meta charset=\"big5\">\
        <title>青禾縣民政局2022年政府信息公開工作年度報告</title></head><body>\
        <h1>青禾縣民政局2022年政府信息公開工作年度報告</h1>\
        <p>一、總體情況</p><p>2022年，本局主動公開政府信息37條。</p></body></html>";
    let r = parse_bytes(&encode(big5, encoding_rs::BIG5)).unwrap();
    assert_eq!(r.source.encoding, "Big5");
    assert_eq!(r.metadata.year.as_ref().map(|y| y.value), Some(2022));
    assert_eq!(
        r.metadata.title.as_ref().map(|t| t.value.as_str()),
        Some("青禾县民政局2022年政府信息公开工作年度报告")
    );
    assert_eq!(r.sections[0].body, "2022年,本局主动公开政府信息37条。");
}

#[test]
fn navigation_and_previous_link_do_not_name_the_report() {
    // The menu, the breadcrumbs and the 上一篇 link name the 2021 report; the page's
    // own title, h1 and title line are the 2022 one's.
    let page = "<html><head><meta charset=\"utf-8\">\
        <title>青禾镇人民政府2022年政府信息公开工作年度报告-青禾镇人民政府</title></head><body>\
        <div>首页|政务公开|互动交流|青禾镇人民政府2021年政府信息公开工作年度报告</div>\
        <div>上一篇:青禾镇人民政府2021年政府信息公开工作年度报告</div>\
        <h1>青禾镇人民政府2022年政府信息公开工作年度报告</h1>\
        <p>一、总体情况</p><p>2022年,青禾镇人民政府共主动公开政府信息20条。</p>\
        <p>相关文章:</p><ul><li>青禾镇人民政府2020年政府信息公开工作年度报告</li></ul>\
        </body></html>";
    let r = parse_bytes(page.as_bytes()).unwrap();
    assert_eq!(
        r.metadata.title.as_ref().map(|t| t.value.as_str()),
        Some("青禾镇人民政府2022年政府信息公开工作年度报告")
    );
    let year = r.metadata.year.as_ref().unwrap();
    assert_eq!(year.value, 2022);
    // The year's span is in the <h1>.
    let h1 = page.find("<h1>").unwrap();
    assert!(year.span.start > h1 && year.span.start < page.find("</h1>").unwrap());
    assert_eq!(year.span.slice(page), Some("2022"));
    assert!(!r
        .warnings
        .iter()
        .any(|w| matches!(w.kind, WarningKind::TitleYear { .. })));

    // The same as text, pasted from the page: the navigation lines are skipped.
    let text = "首页|政务公开|互动交流|青禾镇人民政府2021年政府信息公开工作年度报告\n\
        上一篇:青禾镇人民政府2021年政府信息公开工作年度报告\n\
        青禾镇人民政府2022年政府信息公开工作年度报告\n\
        一、总体情况\n2022年,青禾镇人民政府共主动公开政府信息20条。\n";
    let r = parse_report(text).unwrap();
    assert_eq!(r.metadata.year.as_ref().map(|y| y.value), Some(2022));
    assert_eq!(
        r.metadata.title.as_ref().map(|t| t.value.as_str()),
        Some("青禾镇人民政府2022年政府信息公开工作年度报告")
    );
}

#[test]
fn titles_that_disagree_on_the_year_are_named() {
    let page = "<html><head>\
        <meta name=\"ArticleTitle\" content=\"青禾镇2022年政府信息公开工作年度报告\">\
        <title>青禾镇2021年政府信息公开工作年度报告_青禾镇</title></head><body>\
        <p>一、总体情况</p><p>本年度共主动公开政府信息20条。</p></body></html>";
    let r = parse_bytes(page.as_bytes()).unwrap();
    assert_eq!(r.metadata.year.as_ref().map(|y| y.value), Some(2022));
    let w = r
        .warnings
        .iter()
        .find(|w| matches!(w.kind, WarningKind::TitleYear { .. }))
        .expect("TitleYear");
    assert_eq!(
        w.kind,
        WarningKind::TitleYear {
            year: 2022,
            from: "ArticleTitle".into(),
            title: "青禾镇2022年政府信息公开工作年度报告".into(),
            other_year: 2021,
            other_from: "<title>".into(),
            other_title: "青禾镇2021年政府信息公开工作年度报告".into(),
        }
    );
    assert_eq!(
        w.span.slice(page),
        Some("青禾镇2021年政府信息公开工作年度报告")
    );
}

#[test]
fn pre_2019_report_in_paragraphs() {
    let page = "<html><body><div class=\"content\">\
        <p style=\"text-align:center\">青禾县2017年政府信息公开工作年度报告</p>\
        <p>&nbsp;&nbsp;本报告依据《中华人民共和国政府信息公开条例》编制。</p>\
        <p><strong>一、概述</strong></p>\
        <p>2017年，我县认真贯彻落实《条例》，全年主动公开政府信息1,284条。</p>\
        <p><strong>二、主动公开政府信息情况</strong></p>\
        <p>全年共主动公开政府信息1284条，其中通过政府网站公开903条。</p>\
        <p><strong>三、依申请公开政府信息情况</strong></p>\
        <p>全年共受理政府信息公开申请15件，均已按时答复。</p>\
        <p><strong>四、政府信息公开的收费及减免情况</strong></p>\
        <p>本年度未收取任何费用。</p>\
        <p><strong>五、因政府信息公开申请行政复议、提起行政诉讼的情况</strong></p>\
        <p>本年度发生行政复议2件，行政诉讼1件。</p>\
        <p><strong>六、存在的主要问题及改进措施</strong></p>\
        <p>信息公开的及时性有待提高。</p>\
        </div></body></html>";
    let r = parse_bytes(page.as_bytes()).unwrap();
    assert_eq!(r.source.format, InputFormat::Html);
    assert_eq!(r.edition, Edition::Legacy);
    assert_eq!(r.metadata.year.as_ref().map(|y| y.value), Some(2017));
    let headings: Vec<&str> = r.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(
        headings,
        [
            "一、概述",
            "二、主动公开政府信息情况",
            "三、依申请公开政府信息情况",
            "四、政府信息公开的收费及减免情况",
            "五、因政府信息公开申请行政复议、提起行政诉讼的情况",
            "六、存在的主要问题及改进措施",
        ]
    );
    assert_eq!(
        r.sections[2].body,
        "全年共受理政府信息公开申请15件,均已按时答复。"
    );
    let figures: Vec<(String, String, String, Option<String>)> = r
        .cells()
        .map(|c| {
            (
                c.table.to_string(),
                c.row.to_string(),
                c.column.to_string(),
                c.value.map(|v| v.to_string()),
            )
        })
        .collect();
    let f = |t: &str, r: &str, c: &str, v: &str| {
        (
            t.to_string(),
            r.to_string(),
            c.to_string(),
            Some(v.to_string()),
        )
    };
    assert_eq!(
        figures,
        [
            f("主动公开", "总计", "数量", "1284"),
            f("主动公开", "政府网站", "数量", "903"),
            f("依申请公开", "收到申请/总计", "数量", "15"),
            f("收费及减免", "收取费用", "金额", "0"),
            f("行政复议", "总计", "数量", "2"),
            f("行政诉讼", "总计", "数量", "1"),
        ]
    );
}

#[test]
fn table_published_as_an_image() {
    let page = "<html><body>\
        <h1>青禾县民政局2021年政府信息公开工作年度报告</h1>\
        <p>一、总体情况</p><p>2021年，青禾县民政局主动公开政府信息12条。</p>\
        <p>二、主动公开政府信息情况</p><p><img src=\"/upload/t2.png\" alt=\"\"></p>\
        <p>三、收到和处理政府信息公开申请情况</p><p><img src=\"/upload/t3.jpg\"></p>\
        <p>四、政府信息公开行政复议、行政诉讼情况</p><p><img src=\"/upload/t4.jpg\"></p>\
        <p>五、存在的主要问题及改进情况</p><p>无。</p>\
        <p>六、其他需要报告的事项</p><p>无。</p></body></html>";
    let r: Report = parse_bytes(page.as_bytes()).unwrap();
    let images: Vec<(zfxxgk::TableId, &str)> = r
        .warnings
        .iter()
        .filter_map(|w| match &w.kind {
            WarningKind::TableImage { table, src } => Some((*table, src.as_str())),
            _ => None,
        })
        .collect();
    use zfxxgk::TableId::*;
    assert_eq!(
        images,
        [
            (T2, "/upload/t2.png"),
            (T3, "/upload/t3.jpg"),
            (T4, "/upload/t4.jpg")
        ]
    );
    let missing: Vec<(zfxxgk::TableId, Option<&str>)> = r
        .warnings
        .iter()
        .filter_map(|w| match &w.kind {
            WarningKind::MissingTable { table, image } => Some((*table, image.as_deref())),
            _ => None,
        })
        .collect();
    assert_eq!(
        missing,
        [
            (T2, Some("/upload/t2.png")),
            (T3, Some("/upload/t3.jpg")),
            (T4, Some("/upload/t4.jpg"))
        ]
    );
    let w = r
        .warnings
        .iter()
        .find(|w| matches!(w.kind, WarningKind::MissingTable { table: T3, .. }))
        .unwrap();
    assert_eq!(
        w.message(),
        "table 三 not found: its section shows an image (<img src=\"/upload/t3.jpg\">) where \
         the table should be; the table is published as a picture"
    );
    // The TableImage warning points at the <img> tag.
    let img = r
        .warnings
        .iter()
        .find(|w| matches!(w.kind, WarningKind::TableImage { table: T4, .. }))
        .unwrap();
    assert_eq!(img.span.slice(page), Some("<img src=\"/upload/t4.jpg\">"));
}
