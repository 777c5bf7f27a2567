//! The parser: a document as people have it (pasted text, .txt, .docx) into a plan and a report.
//!
//! Owns the pipeline `clean → blocks → front/back matter → attachments → bodies` and the
//! single entry point for files (`import_bytes`), which also routes `.json` to
//! `format::restore`; pasted text enters through `parse_pasted`. Both refuse what exceeds
//! `crate::limits` before building it. Deliberately knows no browser or file-system API: callers hand in
//! bytes, and a GB18030 decoder (TextDecoder in the browser, encoding_rs natively).

pub mod blocks;
pub mod cells;
pub mod clauseforms;
pub mod clean;
pub mod decode;
pub mod doc;
pub mod docx;
pub mod fold;
pub mod front;
pub mod frontlines;
pub mod furniture;
pub mod grid;
pub mod headers;
pub mod layout;
pub mod markers;
pub mod ofd;
pub mod pdf;
pub mod pdf_crypt;
pub mod pdf_text;
pub mod report;
pub mod residue;
pub mod runon;
pub mod sanity;
pub mod structure;
pub mod table;
pub mod unitclause;
pub mod xlsx_tasks;

use crate::model::{Attachment, Convention, IdGen, Plan, Registry};
use blocks::Block;
pub use report::ParseReport;
use std::collections::HashMap;
use structure::Ctx;

/// Largest input accepted (bytes of text). A 20 MB paste is fine; far beyond is refused.
pub const MAX_INPUT: usize = 64 * 1024 * 1024;

#[derive(Debug, Clone, Default)]
pub struct ParseOptions {
    pub convention: Convention,
    /// Units known beforehand (e.g. the district's registry); names resolve against it.
    pub registry: Registry,
    /// Seeds item ids; the browser passes something random, tests a constant.
    pub seed: u64,
    /// The sheet of an .xlsx task list to read (None: the first with a task header).
    pub sheet: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Parsed {
    pub plan: Plan,
    pub report: ParseReport,
}

/// Why a file could not be read at all. `Display` is the Chinese message for users.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    TooLarge {
        bytes: usize,
    },
    Binary,
    Docx(String),
    /// A Word 97–2003 / WPS file (compound file) that could not be read.
    Doc(String),
    /// A password-protected Office file (.docx/.xlsx saved with a password: a compound file).
    Encrypted,
    Pdf(String),
    Ofd(String),
    /// An Excel workbook with no task list (or a damaged one).
    Xlsx(String),
    Json(crate::format::RestoreError),
    /// More paragraphs or table rows (`what`) than `crate::limits` allows.
    TooMany {
        what: &'static str,
        max: usize,
    },
}

/// A size in tenths of a MB, rounded (integer arithmetic: no float formatting in the wasm).
fn tenths_of_mb(bytes: usize) -> u64 {
    (bytes as u64 * 10 + 524_288) / 1_048_576
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::TooLarge { bytes } => write!(
                f,
                "内容过大（{}.{} MB，上限 {} MB），未导入。请只复制需要的部分。",
                tenths_of_mb(*bytes) / 10,
                tenths_of_mb(*bytes) % 10,
                MAX_INPUT / 1_048_576
            ),
            Self::Binary => write!(f, "这不是能读取的文件。支持：文本（.txt）、Word（.docx / .doc）、WPS 文字（.wps）、PDF、OFD、Excel 任务清单（.xlsx）和要点计划文件（.json）。"),
            Self::Docx(why) => write!(f, "Word 文档无法读取：{why}。请在 Word 中打开并另存为 .docx 后重试，或直接复制全文粘贴。"),
            Self::Doc(why) => write!(f, "Word/WPS 文档无法读取：{why}。也可以在 Word 或 WPS 中打开后复制全文粘贴。"),
            Self::Encrypted => write!(f, "文件设有打开密码（已加密），无法读取。请在 Word、Excel 或 WPS 中打开，取消密码后另存，再导入。"),
            Self::Pdf(why) => write!(f, "PDF 文件无法读取：{why}。"),
            Self::Ofd(why) => write!(f, "OFD 文件无法读取：{why}。"),
            Self::Xlsx(why) => write!(f, "Excel 表格无法导入：{why}。"),
            Self::Json(e) => write!(f, "{e}"),
            Self::TooMany { what, max } => write!(f, "文件中的{what}超过 {max} 个，远超一份工作要点的规模，为免浏览器内存耗尽而未导入，当前草稿没有改动。请确认选对了文件；如确需导入，请分成几份。"),
        }
    }
}

impl std::error::Error for ImportError {}

/// What a file turned out to be (one value a file; boxing the larger variant buys nothing).
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone)]
pub enum Imported {
    /// A document that was parsed; show the report before using it.
    Parsed(Parsed),
    /// A Yaodian plan file, restored (with the repairs to show, if any).
    Plan(crate::format::Restored),
}

/// Parse pasted or decoded text. Callers with text from a user go through `parse_pasted`,
/// which refuses what is too large first.
pub fn parse_text(text: &str, opts: &ParseOptions) -> Parsed {
    let (blocks, removed, warnings) = text_blocks(text);
    parse_text_blocks(blocks, removed, warnings, opts)
}

/// `parse_text` within the limits (`MAX_INPUT`, `limits::MAX_BLOCKS`): what the app's paste
/// boxes and `import_bytes` call, so memory stays bounded whatever is pasted.
pub fn parse_pasted(text: &str, opts: &ParseOptions) -> Result<Parsed, ImportError> {
    if text.len() > MAX_INPUT {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    let max = crate::limits::MAX_LINES;
    if crate::limits::text_lines(text, max) > max {
        return Err(ImportError::TooMany { what: "行", max });
    }
    let (blocks, removed, warnings) = text_blocks(text);
    check_blocks(&blocks)?;
    Ok(parse_text_blocks(blocks, removed, warnings, opts))
}

type Lines = Vec<(usize, String)>;

fn text_blocks(text: &str) -> (Vec<Block>, Lines, Lines) {
    let mut cleaned = clean::clean(text);
    cut_trailer(&mut cleaned);
    let mut warnings = Vec::new();
    let blocks = blocks::to_blocks(&cleaned.lines, &mut warnings);
    (blocks, cleaned.removed, warnings)
}

/// Refuse more paragraphs and table rows than `limits::MAX_BLOCKS`.
fn check_blocks(blocks: &[Block]) -> Result<(), ImportError> {
    let n: usize = blocks
        .iter()
        .map(|b| match b {
            Block::Para { .. } => 1,
            Block::Table { rows, .. } => rows.len(),
        })
        .sum();
    if n > crate::limits::MAX_BLOCKS {
        return Err(ImportError::TooMany {
            what: "段落和表格行",
            max: crate::limits::MAX_BLOCKS,
        });
    }
    Ok(())
}

fn parse_text_blocks(
    blocks: Vec<Block>,
    removed: Lines,
    warnings: Lines,
    opts: &ParseOptions,
) -> Parsed {
    let mut parsed = parse_blocks(blocks, opts, "文本");
    let report = &mut parsed.report;
    report.removed.extend(
        removed
            .into_iter()
            .map(|(line, text)| report::Note { line, text }),
    );
    crate::order::sort_by_key(&mut report.removed, |n| n.line);
    for (line, text) in warnings {
        report.warn(line, text);
    }
    crate::order::sort_by_key(&mut report.warnings, |n| n.line);
    parsed
}

/// Text after the document (相关解读, 附件下载, footers) goes, from the first such line after
/// the body has begun; the lines are reported as removed.
fn cut_trailer(cleaned: &mut clean::Cleaned) {
    let mut body_seen = false;
    let at = cleaned.lines.iter().position(|l| {
        if body_seen && furniture::is_trailer(&l.text) {
            return true;
        }
        body_seen |= markers::split_marker(&l.text).is_some() || l.text.len() > 300;
        false
    });
    if let Some(at) = at {
        let rest = cleaned.lines.split_off(at);
        cleaned.removed.extend(
            rest.into_iter()
                .filter(|l| !l.text.is_empty())
                .map(|l| (l.no, l.text)),
        );
    }
}

/// A table a website lays its page out with: the 信息公开 metadata (索引号 | … | 文号 | …) or
/// rows of empty cells. Never a task table.
fn is_layout_table(rows: &[Vec<String>]) -> bool {
    let empty = rows.iter().all(|r| r.iter().all(|c| c.trim().is_empty()));
    let labelled = rows
        .iter()
        .filter(|r| furniture::is_metadata_row(r))
        .count();
    let metadata = (labelled >= 2 || rows.iter().take(3).any(|r| furniture::is_metadata_row(r)))
        && !rows.first().is_some_and(|h| headers::has_task_columns(h));
    empty || metadata
}

/// Parse blocks (from text or from a .docx) into a plan.
pub fn parse_blocks(blocks: Vec<Block>, opts: &ParseOptions, source: &str) -> Parsed {
    let mut plan = Plan {
        convention: opts.convention,
        ..Plan::default()
    };
    let mut ctx = Ctx {
        ids: IdGen::new(opts.seed),
        registry: opts.registry.clone(),
        convention: opts.convention,
        report: ParseReport {
            source: source.to_string(),
            ..ParseReport::default()
        },
        source_numbers: HashMap::new(),
        resolved: HashMap::new(),
        units_index: crate::model::UnitIndex::new(&opts.registry),
    };
    plan.id = ctx.ids.next('p');
    let mut kept = Vec::with_capacity(blocks.len());
    for b in blocks {
        match b {
            Block::Table {
                line,
                rows,
                caption,
            } if is_layout_table(&rows) => {
                let text = rows
                    .iter()
                    .map(|r| r.join(" | "))
                    .collect::<Vec<_>>()
                    .join(" / ");
                ctx.report.removed.push(report::Note {
                    line,
                    text: report::excerpt(&text, 60),
                });
                if !caption.is_empty() {
                    kept.push(Block::Para {
                        line,
                        text: caption,
                        list_level: None,
                    });
                }
            }
            b => kept.push(b),
        }
    }
    let mut blocks = runon::split_run_on(kept);
    front::take_back(&mut blocks, &mut plan.doc);
    // Split at 附件N lines.
    let mut parts: Vec<(Option<usize>, Vec<Block>)> = vec![(None, Vec::new())];
    for b in blocks {
        match &b {
            Block::Para { text, line, .. } if is_attachment_label(text) => {
                parts.push((Some(*line), Vec::new()))
            }
            _ => parts.last_mut().expect("non-empty").1.push(b),
        }
    }
    let mut listed = Vec::new();
    let (_, main) = parts.remove(0);
    let mut skipped = Vec::new();
    let start = front::take_front(&main, &mut plan.doc, &mut listed, &mut skipped);
    ctx.report.removed.extend(skipped);
    plan.body = structure::build_body(&main[start..], &mut ctx);
    for (n, (line, blocks)) in parts.into_iter().enumerate() {
        let (title, used) = front::take_title(&blocks, 0);
        let title = if title.is_empty() {
            listed.get(n).cloned().unwrap_or_default()
        } else {
            title
        };
        if title.is_empty() {
            ctx.report
                .warn(line.unwrap_or(0), format!("附件{}没有识别出标题。", n + 1));
        }
        let body = structure::build_body(&blocks[used..], &mut ctx);
        plan.attachments.push(Attachment {
            id: ctx.ids.next('a'),
            title,
            body,
            ..Attachment::default()
        });
    }
    if !listed.is_empty() && listed.len() != plan.attachments.len() {
        ctx.report.warn(
            0,
            format!(
                "附件目录列出 {} 个附件，正文中找到 {} 个。",
                listed.len(),
                plan.attachments.len()
            ),
        );
    }
    finish(&mut plan, &mut ctx);
    plan.units = ctx.registry;
    Parsed {
        plan,
        report: ctx.report,
    }
}

fn is_attachment_label(t: &str) -> bool {
    let Some(rest) = t.trim().strip_prefix("附件") else {
        return false;
    };
    let rest = rest.trim();
    rest.chars().count() <= 3
        && rest
            .chars()
            .all(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
}

/// Year, issuer, counts for the report.
fn finish(plan: &mut Plan, ctx: &mut Ctx) {
    let doc = &mut plan.doc;
    doc.year = [&doc.title, &doc.notice_title, &doc.doc_number, &doc.date]
        .iter()
        .find_map(|s| find_year(s));
    doc.issuer = if !doc.signature.is_empty() {
        doc.signature.clone()
    } else {
        doc.notice_title
            .split("关于")
            .next()
            .filter(|s| !s.is_empty() && doc.notice_title.contains("关于"))
            .unwrap_or_default()
            .to_string()
    };
    let r = &mut ctx.report;
    r.attachments = plan.attachments.len();
    crate::model::walk::for_each_item(plan, &mut |item| {
        if item.level > 0 && item.numbered {
            r.headings[(item.level - 1) as usize] += 1;
        } else if item.level > 0 {
            r.unnumbered_headings += 1;
        }
        if let Some(t) = &item.task {
            r.tasks += 1;
            r.tasks_with_units += usize::from(!t.lead.is_empty() || !t.coop.is_empty());
        }
    });
    r.tables = crate::model::walk::bodies(plan)
        .iter()
        .map(|b| b.body.tables.len())
        .sum();
    let doc = &plan.doc;
    for (label, value) in [
        ("发文字号", &doc.doc_number),
        ("通知标题", &doc.notice_title),
        ("主送", &doc.recipients),
        ("标题", &doc.title),
        ("署名", &doc.signature),
        ("日期", &doc.date),
        ("抄送", &doc.cc),
        ("印发机关", &doc.printer),
    ] {
        if !value.is_empty() {
            r.fields.push((label.to_string(), value.clone()));
        }
    }
    if !r.found_structure() {
        r.warn(
            0,
            "没有识别出任何标题或任务，全文按普通段落保留。请确认粘贴的是工作要点正文。",
        );
    }
}

fn find_year(s: &str) -> Option<i32> {
    let chars: Vec<char> = s.chars().collect();
    chars.windows(5).find_map(|w| {
        let digits: String = w[..4].iter().collect();
        (w[4] == '年' || w[4] == '〕' || w[4] == ']')
            .then(|| digits.parse().ok())
            .flatten()
    })
}

/// A fixed-layout file whose pages hold no text.
const NO_TEXT: &str = "文件中没有文字层（可能是扫描件，页面是图片），无法识别文字。请向发文单位索取 Word 版，或先用 OCR 软件转换";

/// What a file is, told by its content (never by its name): which reader reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Container {
    /// OFD (GB/T 33190): a zip with `OFD.xml`.
    Ofd,
    /// An Excel workbook (task list): a zip with `xl/workbook.xml`.
    Xlsx,
    /// Any other zip: read as `.docx`.
    Docx,
    /// A compound file: `.doc`/`.wps`, or a password-protected Office file.
    Doc,
    Pdf,
    /// Text in any encoding, or a plan `.json`.
    Text,
}

impl Container {
    /// Read by `extract` (.doc/.wps, PDF, OFD, .xlsx task lists): in the browser these readers
    /// are a chunk of their own, loaded only when such a file is opened
    /// (`app::screens::read_file`). The rest goes through `import_plain`.
    pub fn has_reader(self) -> bool {
        matches!(self, Self::Ofd | Self::Xlsx | Self::Doc | Self::Pdf)
    }
}

/// Which reader reads `bytes`.
pub fn container(bytes: &[u8]) -> Container {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        // One zip container, three formats: told apart by the parts inside.
        if ofd::is_ofd(bytes) {
            Container::Ofd
        } else if xlsx_tasks::is_xlsx(bytes) {
            Container::Xlsx
        } else {
            Container::Docx
        }
    } else if doc::is_compound(bytes) {
        Container::Doc
    } else if pdf::is_pdf(bytes) {
        Container::Pdf
    } else {
        Container::Text
    }
}

/// What a reader of `extract` got out of a file, before the parser sees it.
#[derive(Debug, Clone)]
pub enum Extracted {
    /// Paragraphs and tables, and the name of the source for the report.
    Blocks(Vec<Block>, &'static str),
    /// Text rebuilt from fixed-layout pages (PDF, OFD), for the text parser.
    Text(String, &'static str),
}

fn check_size(bytes: &[u8]) -> Result<(), ImportError> {
    if bytes.len() > MAX_INPUT {
        return Err(ImportError::TooLarge { bytes: bytes.len() });
    }
    Ok(())
}

/// The readers of .doc/.wps, PDF, OFD and .xlsx task lists (`sheet`: the one to read, None for
/// the first with a task header). Anything else (`.docx`, text) is not read here.
pub fn extract(
    kind: Container,
    bytes: &[u8],
    sheet: Option<&str>,
) -> Result<Extracted, ImportError> {
    check_size(bytes)?;
    let laid_out = |text: String, source, error: fn(String) -> ImportError| {
        if text.trim().is_empty() {
            return Err(error(NO_TEXT.into()));
        }
        Ok(Extracted::Text(text, source))
    };
    match kind {
        Container::Ofd => {
            let pages = ofd::read_pages(bytes).map_err(ImportError::Ofd)?;
            laid_out(layout::to_text(&pages), "OFD 文件", ImportError::Ofd)
        }
        Container::Xlsx => {
            let table = xlsx_tasks::read_table(bytes, sheet).map_err(ImportError::Xlsx)?;
            Ok(Extracted::Blocks(vec![table], "Excel 任务清单"))
        }
        Container::Doc => Ok(Extracted::Blocks(doc::read_blocks(bytes)?, "Word/WPS 文档")),
        Container::Pdf => {
            let pages = pdf_text::read_pages(bytes).map_err(ImportError::Pdf)?;
            laid_out(layout::to_text(&pages), "PDF 文件", ImportError::Pdf)
        }
        Container::Docx | Container::Text => Err(ImportError::Binary),
    }
}

/// What `extract` read, through the parser (and its limits).
pub fn import_extracted(
    extracted: Extracted,
    opts: &ParseOptions,
) -> Result<Imported, ImportError> {
    match extracted {
        Extracted::Blocks(blocks, source) => {
            check_blocks(&blocks)?;
            Ok(Imported::Parsed(parse_blocks(blocks, opts, source)))
        }
        Extracted::Text(text, source) => {
            let mut p = parse_pasted(&text, opts)?;
            p.report.source = source.to_string();
            Ok(Imported::Parsed(p))
        }
    }
}

/// Read any file, by its content: `.docx`, `.xlsx` task lists and OFD (zip), `.doc`/`.wps`
/// (compound file), PDF, a plan `.json`, or text in UTF-8/UTF-16/GB18030.
/// `decode_gb` decodes GB18030 bytes; return None if unavailable.
pub fn import_bytes(
    bytes: &[u8],
    decode_gb: &dyn Fn(&[u8]) -> Option<String>,
    opts: &ParseOptions,
) -> Result<Imported, ImportError> {
    match container(bytes) {
        kind if kind.has_reader() => {
            import_extracted(extract(kind, bytes, opts.sheet.as_deref())?, opts)
        }
        _ => import_plain(bytes, decode_gb, opts),
    }
}

/// `import_bytes` for the files `extract` does not read (`Container::has_reader` is false):
/// `.docx`, a plan `.json`, text. The browser calls this and `extract` (in the readers'
/// chunk) separately, so that the first needs none of the readers.
pub fn import_plain(
    bytes: &[u8],
    decode_gb: &dyn Fn(&[u8]) -> Option<String>,
    opts: &ParseOptions,
) -> Result<Imported, ImportError> {
    check_size(bytes)?;
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        let blocks = docx::read_blocks(bytes).map_err(ImportError::Docx)?;
        return import_extracted(Extracted::Blocks(blocks, "Word 文档"), opts);
    }
    let decoded = decode::decode_report(bytes, decode_gb).ok_or(ImportError::Binary)?;
    let text = decoded.text;
    let mut notes = decoded.warnings;
    if text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('{')
    {
        use crate::format::RestoreError as E;
        match crate::format::restore_report(&text) {
            Ok(r) => return Ok(Imported::Plan(r)),
            // The node limit is restore's own (every restore path enforces it).
            Err(E::TooLarge { max }) => {
                return Err(ImportError::TooMany {
                    what: "JSON 对象和数组",
                    max,
                })
            }
            // Text that merely starts with `{` and does not claim to be a plan is a document.
            Err(E::NotJson { .. } | E::NotAnObject | E::NotAPlan { found: None })
                if !text.contains(crate::format::FORMAT_TAG) =>
            {
                notes.push("内容以“{”开头，但不是要点计划文件，已按文本读取。".into());
            }
            Err(e) => return Err(ImportError::Json(e)),
        }
    }
    let mut parsed = parse_pasted(&text, opts)?;
    for n in notes.into_iter().rev() {
        parsed
            .report
            .warnings
            .insert(0, report::Note { line: 0, text: n });
    }
    Ok(Imported::Parsed(parsed))
}
