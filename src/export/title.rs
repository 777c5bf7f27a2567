//! Breaking a long title over lines as GB/T 9704 asks (词意完整、排列对称): between words,
//! never inside one (安全生产, 应急管理, 工作要点, a year), preferably after 关于/印发/的 and
//! before 工作要点/的通知, with lines of balanced length.
//!
//! Owns the break rule shared by the .docx and the 文档 view. Deliberately pure: a word list
//! for this kind of document, no dictionary crate, no layout engine; widths are counted in
//! half characters (digits and Latin letters are half as wide as Chinese characters).

/// Words a line break must not cut, longest first where they overlap.
const WORDS: &[&str] = &[
    "防灾减灾救灾",
    "安全生产委员会",
    "减灾委员会",
    "危险化学品",
    "森林防灭火",
    "人民政府",
    "安全生产",
    "防灾减灾",
    "减灾救灾",
    "应急管理",
    "工作要点",
    "自然灾害",
    "地质灾害",
    "防汛抗旱",
    "森林防火",
    "道路交通",
    "城镇燃气",
    "重点任务",
    "任务清单",
    "实施方案",
    "专项整治",
    "三年行动",
    "治本攻坚",
    "消防安全",
    "成员单位",
    "办公室",
    "委员会",
    "管委会",
    "安委会",
    "减灾委",
    "安委办",
    "经开区",
    "重庆市",
    "的通知",
    "的意见",
    "关于",
    "印发",
    "转发",
    "全区",
    "全市",
    "全县",
    "消防",
    "安全",
    "生产",
    "应急",
    "管理",
    "工作",
    "要点",
    "通知",
    "年度",
    "体系",
    "能力",
    "建设",
    "防范",
    "化解",
    "重大",
    "风险",
    "隐患",
    "排查",
    "整治",
];

/// Boundaries a title is best broken at: after these …
const AFTER: &[&str] = &["关于", "印发", "转发", "的", "、", "，", "和", "及", "暨"];
/// … and before these.
const BEFORE: &[&str] = &["工作要点", "的通知", "的意见", "实施方案", "重点任务"];

fn width(c: char) -> u32 {
    if c.is_ascii() {
        1
    } else {
        2
    }
}

/// Token boundaries (char offsets) with the cost of breaking there.
fn boundaries(chars: &[char]) -> Vec<Option<u32>> {
    let n = chars.len();
    // inside[i]: a break before char i would cut a word (or a number, or a year).
    let mut inside = vec![false; n + 1];
    let mut known = vec![false; n + 1];
    let mut i = 0;
    while i < n {
        let word = WORDS.iter().find(|w| {
            let w: Vec<char> = w.chars().collect();
            chars[i..].starts_with(&w)
        });
        let len = match word {
            Some(w) => w.chars().count(),
            None if chars[i].is_ascii_digit() => {
                let mut j = i;
                while j < n && chars[j].is_ascii_digit() {
                    j += 1;
                }
                // 2025年 is one word.
                if j < n && "年月日号".contains(chars[j]) {
                    j += 1;
                }
                j - i
            }
            None => 1,
        };
        inside[i + 1..i + len].fill(true);
        if word.is_some() || len > 1 {
            known[i] = true;
            known[i + len] = true;
        }
        i += len;
    }
    let s: String = chars.iter().collect();
    let at = |pos: usize| -> usize { chars[..pos].iter().map(|c| c.len_utf8()).sum() };
    (0..=n)
        .map(|pos| {
            if pos == 0 || pos == n || inside[pos] {
                return None;
            }
            let (prev, next) = (chars[pos - 1], chars[pos]);
            if "、，。；：）》」”".contains(next) || "（《「“".contains(prev) {
                return None;
            }
            let b = at(pos);
            if AFTER.iter().any(|w| s[..b].ends_with(w))
                || BEFORE.iter().any(|w| s[b..].starts_with(w))
            {
                Some(0)
            } else if known[pos] {
                Some(8)
            } else {
                // Between two characters no word list knows: maybe inside a word.
                Some(60)
            }
        })
        .collect()
}

/// Break `title` into lines of at most `max` Chinese characters (digits count half), between
/// words, with balanced line lengths. A title that fits stays one line.
pub fn break_title(title: &str, max: usize) -> Vec<String> {
    // A "title" of more than six lines is not laid out line by line: it stays one paragraph
    // that Word wraps (a line a paragraph made a 50 MB title into 2 GB of markup).
    if title.chars().nth(6 * max).is_some() {
        return vec![title.to_string()];
    }
    let chars: Vec<char> = title.chars().collect();
    let n = chars.len();
    let max_w = (max as u32) * 2;
    let mut prefix = vec![0u32; n + 1];
    for (i, c) in chars.iter().enumerate() {
        prefix[i + 1] = prefix[i] + width(*c);
    }
    let total = prefix[n];
    if total <= max_w || n < 2 {
        return vec![title.to_string()];
    }
    let cost = boundaries(&chars);
    let min_lines = total.div_ceil(max_w) as usize;
    let mut best: Option<(u64, Vec<usize>)> = None;
    for lines in min_lines..=min_lines + 1 {
        let ideal = u64::from(total) / lines as u64;
        // dp[k][pos]: best cost of `k` lines ending at `pos`, with the break positions.
        let mut dp: Vec<Vec<Option<(u64, usize)>>> = vec![vec![None; n + 1]; lines + 1];
        dp[0][0] = Some((0, 0));
        for k in 1..=lines {
            for end in 1..=n {
                let break_cost = if end == n {
                    0
                } else {
                    match cost[end] {
                        Some(c) => u64::from(c),
                        None => continue,
                    }
                };
                for start in 0..end {
                    let Some((prev, _)) = dp[k - 1][start] else {
                        continue;
                    };
                    let w = prefix[end] - prefix[start];
                    if w > max_w {
                        continue;
                    }
                    let diff = u64::from(w).abs_diff(ideal);
                    let c = prev + break_cost * 4 + diff * diff;
                    if dp[k][end].is_none_or(|(b, _)| c < b) {
                        dp[k][end] = Some((c, start));
                    }
                }
            }
        }
        if let Some((c, _)) = dp[lines][n] {
            let c = c + (lines - min_lines) as u64 * 400;
            if best.as_ref().is_none_or(|(b, _)| c < *b) {
                let mut cuts = Vec::new();
                let (mut k, mut pos) = (lines, n);
                while k > 0 {
                    cuts.push(pos);
                    pos = dp[k][pos].map(|(_, s)| s).unwrap_or(0);
                    k -= 1;
                }
                cuts.reverse();
                best = Some((c, cuts));
            }
        }
    }
    let Some((_, cuts)) = best else {
        // No break fits the words (a very long unbroken word): cut by width.
        return chars
            .chunks(max.max(1))
            .map(|c| c.iter().collect())
            .collect();
    };
    let mut out = Vec::new();
    let mut start = 0;
    for end in cuts {
        out.push(chars[start..end].iter().collect());
        start = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::break_title;

    fn never_inside(lines: &[String], words: &[&str]) {
        for pair in lines.windows(2) {
            let joint = format!("{}|{}", pair[0], pair[1]);
            for w in words {
                for cut in 1..w.chars().count() {
                    let (a, b): (String, String) =
                        (w.chars().take(cut).collect(), w.chars().skip(cut).collect());
                    assert!(!joint.contains(&format!("{a}|{b}")), "{w} cut in {lines:?}");
                }
            }
        }
    }

    #[test]
    fn short_titles_stay_on_one_line() {
        assert_eq!(
            break_title("关于印发工作要点的通知", 18),
            vec!["关于印发工作要点的通知"]
        );
    }

    #[test]
    fn notice_title_breaks_between_words_and_balances() {
        let t = "关于印发2024年全区安全生产、防灾减灾救灾和消防工作要点的通知";
        let lines = break_title(t, 18);
        assert_eq!(lines.concat(), t);
        assert_eq!(lines.len(), 2, "{lines:?}");
        never_inside(
            &lines,
            &["安全生产", "防灾减灾救灾", "工作要点", "2024年", "的通知"],
        );
        let w: Vec<usize> = lines.iter().map(|l| l.chars().count()).collect();
        assert!(w[0].abs_diff(w[1]) <= 4, "unbalanced {lines:?}");
    }

    #[test]
    fn work_points_title_keeps_emergency_management_whole() {
        let t = "万盛经开区2024年安全生产与应急管理工作要点";
        let lines = break_title(t, 14);
        assert_eq!(lines.concat(), t);
        never_inside(
            &lines,
            &["应急管理", "安全生产", "工作要点", "2024年", "经开区"],
        );
    }

    #[test]
    fn prefers_after_guanyu_or_before_gongzuo_yaodian() {
        let t = "关于印发重庆市万盛经开区安全生产委员会成员单位年度工作要点的通知";
        let lines = break_title(t, 18);
        assert_eq!(lines.concat(), t);
        never_inside(&lines, &["安全生产委员会", "工作要点", "的通知", "经开区"]);
        // Every line ends at a boundary the rule knows, none mid-word.
        for l in &lines[..lines.len() - 1] {
            assert!(
                [
                    "关于",
                    "印发",
                    "的",
                    "委员会",
                    "经开区",
                    "单位",
                    "年度",
                    "成员"
                ]
                .iter()
                .any(|w| l.ends_with(w)),
                "{lines:?}"
            );
        }
    }

    #[test]
    fn no_line_exceeds_the_width() {
        let t = "关于印发2025年全区安全生产、防灾减灾救灾和消防工作要点及重点任务清单的通知";
        for l in break_title(t, 18) {
            assert!(l.chars().count() <= 18, "{l}");
        }
    }
}
