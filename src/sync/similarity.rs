//! Matching items of two templates by content, not by number: character-bigram Dice
//! similarity through an inverted index, then a greedy one-to-one assignment. Items move,
//! merge and split between years; numbers say nothing.
//!
//! Owns the similarity measure and the assignment. Deliberately knows no plan structure:
//! callers hand in (id, text, is_task) triples.

use std::collections::HashMap;

/// Score at or above which two items are taken as the same item.
pub const MATCH: f64 = 0.45;

/// The text that counts for matching: Chinese characters, letters and digits only.
fn normalise(s: &str) -> Vec<char> {
    s.chars().filter(|c| c.is_alphanumeric()).collect()
}

fn bigrams(s: &str) -> HashMap<(char, char), u32> {
    let chars = normalise(s);
    let mut m = HashMap::new();
    if chars.len() == 1 {
        m.insert((chars[0], '\0'), 1);
    }
    for w in chars.windows(2) {
        *m.entry((w[0], w[1])).or_insert(0) += 1;
    }
    m
}

/// Dice similarity of two texts (1.0 for identical wording).
pub fn similarity(a: &str, b: &str) -> f64 {
    let (x, y) = (bigrams(a), bigrams(b));
    let total: u32 = x.values().sum::<u32>() + y.values().sum::<u32>();
    if total == 0 {
        return if normalise(a) == normalise(b) {
            1.0
        } else {
            0.0
        };
    }
    let common: u32 = x
        .iter()
        .map(|(k, n)| (*n).min(*y.get(k).unwrap_or(&0)))
        .sum();
    2.0 * f64::from(common) / f64::from(total)
}

/// One side's item for matching.
#[derive(Debug, Clone)]
pub struct Entry {
    pub id: String,
    pub text: String,
    pub task: bool,
}

/// A pair (old index, new index, score).
pub type Pair = (usize, usize, f64);

/// All pairs scoring at least `min`, tasks only with tasks, computed through an inverted
/// index so that two 300-item templates take milliseconds.
pub fn candidates(old: &[Entry], new: &[Entry], min: f64) -> Vec<Pair> {
    let old_grams: Vec<_> = old.iter().map(|e| bigrams(&e.text)).collect();
    let new_grams: Vec<_> = new.iter().map(|e| bigrams(&e.text)).collect();
    let mut index: HashMap<(char, char), Vec<(usize, u32)>> = HashMap::new();
    for (i, g) in old_grams.iter().enumerate() {
        for (k, n) in g {
            index.entry(*k).or_default().push((i, *n));
        }
    }
    let sizes: Vec<u32> = old_grams.iter().map(|g| g.values().sum()).collect();
    let mut out = Vec::new();
    for (j, g) in new_grams.iter().enumerate() {
        let size_j: u32 = g.values().sum();
        let mut common: HashMap<usize, u32> = HashMap::new();
        for (k, n) in g {
            for (i, m) in index.get(k).map(Vec::as_slice).unwrap_or(&[]) {
                *common.entry(*i).or_insert(0) += (*n).min(*m);
            }
        }
        for (i, c) in common {
            if old[i].task != new[j].task {
                continue;
            }
            let score = 2.0 * f64::from(c) / f64::from(sizes[i] + size_j);
            if score >= min {
                out.push((i, j, score));
            }
        }
    }
    out
}

/// One-to-one matches, best first. Returns (old index, new index, score).
pub fn assign(old: &[Entry], new: &[Entry]) -> Vec<Pair> {
    let mut pairs = candidates(old, new, MATCH);
    crate::order::sort_by(&mut pairs, |a, b| {
        b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)).then(a.1.cmp(&b.1))
    });
    let (mut used_old, mut used_new) = (vec![false; old.len()], vec![false; new.len()]);
    let mut out = Vec::new();
    for (i, j, s) in pairs {
        if !used_old[i] && !used_new[j] {
            used_old[i] = true;
            used_new[j] = true;
            out.push((i, j, s));
        }
    }
    crate::order::sort_by_key(&mut out, |p| p.1);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(id: &str, text: &str) -> Entry {
        Entry {
            id: id.into(),
            text: text.into(),
            task: true,
        }
    }

    #[test]
    fn similarity_basics() {
        assert_eq!(similarity("强化组织领导", "强化组织领导"), 1.0);
        assert!(similarity("强化组织领导。全区各级各部门", "强化组织领导！全区各级部门") > 0.7);
        assert!(similarity("强化组织领导", "提升救援能力") < 0.2);
    }

    #[test]
    fn matches_follow_content_not_position() {
        let old = [
            e("a", "推进基层应急管理体系建设，完善基层体系"),
            e("b", "强化舆情处置，加强网信沟通"),
            e("c", "建立考评机制，每季度通报"),
        ];
        let new = [
            e("x", "建立考评机制，每半年通报一次"),
            e("y", "推进基层应急管理体系建设，完善基层应急体系"),
            e("z", "全新的任务内容"),
        ];
        let m = assign(&old, &new);
        let ids: Vec<(&str, &str)> = m
            .iter()
            .map(|(i, j, _)| (old[*i].id.as_str(), new[*j].id.as_str()))
            .collect();
        assert_eq!(ids, [("c", "x"), ("a", "y")]);
    }
}
