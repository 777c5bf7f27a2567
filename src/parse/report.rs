//! The parse report: what was recognised, what stayed a plain paragraph, what was removed,
//! and warnings with line numbers. The editor shows it before anything is replaced.
//!
//! Owns the report's data and its Chinese text form; deliberately does not decide anything.

use serde::Serialize;

/// A note tied to a source line (a paragraph index for .docx).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Note {
    pub line: usize,
    pub text: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ParseReport {
    /// "文本" or "Word 文档".
    pub source: String,
    /// Document fields found (label, value), e.g. ("发文字号", "万盛经开发〔2024〕8号").
    pub fields: Vec<(String, String)>,
    /// Numbered headings per level 1..=5 (index 0 is level 1).
    pub headings: [usize; 5],
    pub unnumbered_headings: usize,
    pub tasks: usize,
    pub tasks_with_units: usize,
    pub attachments: usize,
    pub tables: usize,
    /// Unit names that were not in the registry and were added (flagged new).
    pub new_units: Vec<String>,
    /// Paragraphs kept as plain text (not a heading or task).
    pub plain: Vec<Note>,
    /// Lines dropped as website furniture.
    pub removed: Vec<Note>,
    /// Lines the parser was unsure of: a heading that might be a paragraph, units it could
    /// not split, a table column it did not understand. The preview marks them for checking.
    pub guesses: Vec<Note>,
    pub warnings: Vec<Note>,
}

impl ParseReport {
    pub fn warn(&mut self, line: usize, text: impl Into<String>) {
        self.warnings.push(Note {
            line,
            text: text.into(),
        });
    }

    /// Mark a line the parser was unsure of.
    pub fn guess(&mut self, line: usize, text: impl Into<String>) {
        self.guesses.push(Note {
            line,
            text: text.into(),
        });
    }

    /// Whether anything at all was recognised as structure.
    pub fn found_structure(&self) -> bool {
        self.headings.iter().sum::<usize>() + self.unnumbered_headings + self.tasks > 0
    }

    /// One-paragraph Chinese summary.
    pub fn summary(&self) -> String {
        let [l1, l2, l3, l4, l5] = self.headings;
        let mut s = format!(
            "识别到一级标题 {l1} 个、二级标题 {l2} 个、三级条目 {l3} 个；任务 {} 项（其中写明责任单位 {} 项）",
            self.tasks, self.tasks_with_units
        );
        if l4 + l5 > 0 {
            s.push_str(&format!("；四、五级条目 {} 个", l4 + l5));
        }
        if self.unnumbered_headings > 0 {
            s.push_str(&format!("；无编号标题 {} 个", self.unnumbered_headings));
        }
        if self.attachments > 0 {
            s.push_str(&format!("；附件 {} 个", self.attachments));
        }
        if self.tables > 0 {
            s.push_str(&format!("；任务表 {} 张", self.tables));
        }
        let under = self
            .plain
            .iter()
            .filter(|n| n.text.ends_with("（条目下的正文）"))
            .count();
        let why = match (under, self.plain.len() - under) {
            (0, 0) => String::new(),
            (u, 0) => format!("（均为条目下的正文 {u} 段）"),
            (0, o) => format!("（没有编号、位置不像标题 {o} 段）"),
            (u, o) => format!("（条目下的正文 {u} 段，没有编号、位置不像标题 {o} 段）"),
        };
        s.push_str(&format!(
            "。新单位 {} 个，普通段落 {} 段{why}，移除网页杂项 {} 行，提示 {} 条，需要核对 {} 处。",
            self.new_units.len(),
            self.plain.len(),
            self.removed.len(),
            self.warnings.len(),
            self.guesses.len()
        ));
        s
    }

    /// The full report as text (CLI `check`, and the UI's copyable form).
    pub fn to_text(&self) -> String {
        let mut out = format!("来源：{}\n{}\n", self.source, self.summary());
        for (k, v) in &self.fields {
            out.push_str(&format!("  {k}：{v}\n"));
        }
        let sections: [(&str, &Vec<Note>); 4] = [
            ("需要核对", &self.guesses),
            ("提示", &self.warnings),
            ("普通段落", &self.plain),
            ("已移除", &self.removed),
        ];
        for (title, notes) in sections {
            if notes.is_empty() {
                continue;
            }
            out.push_str(&format!("{title}：\n"));
            for n in notes {
                out.push_str(&format!("  第{}行：{}\n", n.line, n.text));
            }
        }
        if !self.new_units.is_empty() {
            out.push_str(&format!("新单位：{}\n", self.new_units.join("、")));
        }
        out
    }
}

/// First `n` characters of `s`, with an ellipsis when cut.
pub fn excerpt(s: &str, n: usize) -> String {
    let mut out: String = s.chars().take(n).collect();
    if s.chars().nth(n).is_some() {
        out.push('…');
    }
    out
}
