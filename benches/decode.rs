//! Cost of reading bytes as saved: `normalize::decode` alone and `parse_bytes` against
//! `parse_report` of the same text, on seed 004 (a 2019-edition report) and on seed 004
//! repeated to 1 MB, in UTF-8, GBK (told by detection), UTF-16LE (told by its byte order
//! mark) and as an HTML page declaring `gb2312`.
//!
//! ```text
//! cargo bench --bench decode
//! ```

mod common;

use common::input;
use divan::counter::BytesCount;
use divan::{black_box, Bencher};

fn main() {
    let _ = zfxxgk::parse_report("預熱報告\n一、總體情況\n本機關收到申請1件。\n");
    divan::main();
}

const TEXTS: [&str; 2] = ["seed-004-simplified-2019", "seed-004-x100-1MB"];
const ENCODINGS: [&str; 4] = ["utf-8", "gbk", "utf-16le", "gbk-html"];

fn bytes(text: &str, encoding: &str) -> Vec<u8> {
    match encoding {
        "gbk" => encoding_rs::GBK
            .encode(&text.replace('\u{A0}', " "))
            .0
            .into_owned(),
        "utf-16le" => {
            let mut b = vec![0xFF, 0xFE];
            b.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
            b
        }
        "gbk-html" => {
            let body: String = text
                .lines()
                .map(|l| format!("<p>{}</p>\n", l.replace('&', "&amp;").replace('<', "&lt;")))
                .collect();
            let page = format!(
                "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body>\n{body}</body></html>"
            );
            encoding_rs::GBK
                .encode(&page.replace('\u{A0}', " "))
                .0
                .into_owned()
        }
        _ => text.as_bytes().to_vec(),
    }
}

#[divan::bench(args = ENCODINGS, consts = [0, 1])]
fn decode<const T: usize>(b: Bencher, encoding: &str) {
    let data = bytes(input(TEXTS[T]), encoding);
    b.counter(BytesCount::new(data.len()))
        .bench(|| zfxxgk::normalize::decode(black_box(&data)).map(|d| d.text().len()));
}

#[divan::bench(args = ENCODINGS, consts = [0, 1])]
fn parse_bytes<const T: usize>(b: Bencher, encoding: &str) {
    let data = bytes(input(TEXTS[T]), encoding);
    b.counter(BytesCount::new(data.len()))
        .bench(|| zfxxgk::parse_bytes(black_box(&data)).map(|r| r.sections.len()));
}

#[divan::bench(consts = [0, 1])]
fn parse_report_utf8<const T: usize>(b: Bencher) {
    let text = input(TEXTS[T]);
    b.counter(BytesCount::new(text.len()))
        .bench(|| zfxxgk::parse_report(black_box(text)).map(|r| r.sections.len()));
}
