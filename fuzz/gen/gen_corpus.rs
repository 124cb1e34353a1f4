//! Write the fuzzing seed corpus: generated template reports of both editions in every
//! flattened layout, pinyin-glossed and cut-up variants, and (when `../shared` is
//! present) the seeds re-printed in every layout. The corpus is not committed.
//!
//! ```text
//! cargo run --manifest-path fuzz/Cargo.toml --bin gen_corpus -- fuzz/corpus/parse_validate
//! ```

#[path = "../../benches/common/mod.rs"]
#[allow(unused_imports)]
mod common;

use common::{gloss_pinyin, render, template_doc, LAYOUTS};
use zfxxgk::catalogue::Edition;

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "fuzz/corpus/parse_validate".into());
    std::fs::create_dir_all(&dir).expect("create corpus dir");
    let mut n = 0usize;
    let mut put = |name: &str, text: &str| {
        std::fs::write(format!("{dir}/{name}"), text).expect("write corpus file");
        n += 1;
    };
    let mut docs = vec![
        (
            "gen2019",
            template_doc(
                Edition::E2019,
                "某县人民政府2020年",
                &common::synthetic_cell,
            ),
        ),
        (
            "gen2021",
            template_doc(
                Edition::E2021,
                "某县某镇人民政府2022年",
                &common::synthetic_cell,
            ),
        ),
    ];
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/seeds");
    let mut seed_texts = Vec::new();
    if let Ok(entries) = std::fs::read_dir(seeds) {
        for e in entries.flatten() {
            if let Ok(t) = std::fs::read_to_string(e.path()) {
                seed_texts.push(t);
            }
        }
    } else {
        eprintln!("notice: {seeds} not present; generated reports only");
    }
    seed_texts.sort();
    for (i, t) in seed_texts.iter().enumerate() {
        if let Ok(r) = zfxxgk::parse_report(t) {
            if r.cells().count() > 0 {
                docs.push((
                    if i == 0 { "seed-a" } else { "seed-b" },
                    common::doc_of(&r, "某县2020年"),
                ));
            }
        }
    }
    for (name, doc) in &docs {
        for l in LAYOUTS {
            let text = render(doc, l);
            let lname = common::layout_name(l);
            put(&format!("{name}-{lname}.txt"), &text);
            // The first and last parts alone, and a pinyin-glossed copy.
            let half = text
                .char_indices()
                .nth(text.chars().count() / 2)
                .map_or(0, |(i, _)| i);
            put(&format!("{name}-{lname}-head.txt"), &text[..half]);
            put(&format!("{name}-{lname}-tail.txt"), &text[half..]);
            if l == LAYOUTS[0] {
                put(&format!("{name}-{lname}-pinyin.txt"), &gloss_pinyin(&text));
            }
        }
    }
    // Small pieces that exercise single steps.
    for (i, s) in [
        "一、总体情况\n",
        "当前位置:首页 > 信息公开\r\n发布日期:2021-01-01 浏览次数:12\r\n",
        "五原縣和勝鄉(xiāng)2021年政府信息公開工作年度報(bào)告\n",
        "行政复议 | 行政诉讼 |\n0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 1 |\n",
        "（一）予以公开\u{3000}１２\u{3000}３\n|---|---|\n",
        "新(xin)(xin)(xin)(xīn)\n",
    ]
    .iter()
    .enumerate()
    {
        put(&format!("piece-{i}.txt"), s);
    }
    eprintln!("wrote {n} files to {dir}");
}
