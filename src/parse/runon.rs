//! Pages that lost their line breaks: a preamble and the headings `一、` `二、` run on in one
//! paragraph, each marker after `。` or after a unit clause's closing bracket. Such a
//! paragraph is split before every marker that continues the document's numbering.
//!
//! Owns that split. Deliberately conservative: a marker mid-line is only taken when it is
//! the next number of its level (`二、` after `一、`, or `一、`/`（一）`/`1.` opening a level),
//! so `。1.5亿元` or a cited `（一）` stays text.

use super::blocks::Block;
use super::markers::split_marker;

/// Numbers seen so far per level (index 1..=3), reset below a new heading.
#[derive(Default)]
struct Seq {
    last: [u32; 4],
}

impl Seq {
    fn expects(&self, level: u8, n: u32) -> bool {
        let l = level as usize;
        l <= 3 && (n == self.last[l] + 1 || (n == 1 && self.last[l] == 0))
    }

    fn see(&mut self, level: u8, n: u32) {
        let l = level as usize;
        if l <= 3 {
            self.last[l] = n;
            for deeper in self.last.iter_mut().skip(l + 1) {
                // Task numbers (level 3) often run on across groups: keep them.
                if l < 2 {
                    *deeper = 0;
                }
            }
        }
    }
}

/// Split run-on paragraphs at markers that continue the numbering.
pub fn split_run_on(blocks: Vec<Block>) -> Vec<Block> {
    let mut seq = Seq::default();
    let mut out = Vec::with_capacity(blocks.len());
    for b in blocks {
        let Block::Para {
            line,
            text,
            list_level: None,
        } = b
        else {
            out.push(b);
            continue;
        };
        if let Some(m) = split_marker(&text) {
            seq.see(m.level, m.number);
        }
        let mut start = 0;
        let mut prev: Option<char> = None;
        let mut pieces = Vec::new();
        for (i, c) in text.char_indices() {
            let after_end = prev.is_some_and(|p| "。）)".contains(p));
            if after_end && c != ' ' && i > start {
                if let Some(m) = split_marker(&text[i..]).filter(|m| seq.expects(m.level, m.number))
                {
                    pieces.push(text[start..i].trim().to_string());
                    start = i;
                    seq.see(m.level, m.number);
                }
            }
            if c != ' ' {
                prev = Some(c);
            }
        }
        if pieces.is_empty() {
            out.push(Block::Para {
                line,
                text,
                list_level: None,
            });
            continue;
        }
        pieces.push(text[start..].trim().to_string());
        out.extend(
            pieces
                .into_iter()
                .filter(|p| !p.is_empty())
                .map(|p| Block::Para {
                    line,
                    text: p,
                    list_level: None,
                }),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        let b = vec![Block::Para {
            line: 1,
            text: s.to_string(),
            list_level: None,
        }];
        split_run_on(b)
            .into_iter()
            .map(|b| match b {
                Block::Para { text, .. } => text,
                _ => String::new(),
            })
            .collect()
    }

    #[test]
    fn markers_after_full_stops_start_new_paragraphs() {
        let t = texts("全面提高抗御能力。 一、健全体制机制。坚持分级负责。（区减灾办牵头，各镇街分工负责） 二、推进规划落实。加快建设。");
        assert_eq!(t.len(), 3, "{t:?}");
        assert!(t[1].starts_with("一、健全") && t[1].ends_with("分工负责）"));
        assert!(t[2].starts_with("二、推进"));
    }

    #[test]
    fn numbers_out_of_sequence_stay_text() {
        assert_eq!(texts("投入资金。1.5亿元用于建设。三、其他").len(), 1);
    }
}
