//! `.doc` and `.wps` import (Word 97–2003 binary, and WPS 文字 files of the same compound-file
//! container): the main text through the piece table, split into paragraphs and tables by its
//! paragraph, cell and row marks, into the same blocks the `.docx` reader produces.
//!
//! Owns the compound-file checks (password-protected Office files, old Excel workbooks, files
//! that are no Word document) and the few structures of the binary format needed for text: the
//! FIB, the piece table (CP1252-compressed or UTF-16 pieces) and the paragraph properties that
//! say "in a table", "end of row", list level and heading style. The container is the `cfb`
//! crate. Deliberately ignores formatting, headers/footers, footnotes, comments, field codes
//! (their results are kept), and Word 6/95 files.

use super::blocks::{take_caption, Block};
use super::clean::normalize_line;
use std::io::{Cursor, Read};

/// The compound-file signature (`.doc`, `.wps`, `.xls`, and password-protected `.docx/.xlsx`).
pub const MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
/// Largest stream read out of the container.
const MAX_STREAM: u64 = 64 * 1024 * 1024;
/// Word's fixed limit on pieces and paragraph-property pages is far below these.
const MAX_PIECES: usize = 1_000_000;

pub fn is_compound(bytes: &[u8]) -> bool {
    bytes.starts_with(&MAGIC)
}

fn stream(cf: &mut cfb::CompoundFile<Cursor<&[u8]>>, name: &str) -> Result<Vec<u8>, String> {
    let s = cf
        .open_stream(name)
        .map_err(|_| "文件结构损坏或被截断".to_string())?;
    if s.len() > MAX_STREAM {
        return Err("文档内容过大，疑似异常文件".into());
    }
    let mut out = Vec::with_capacity(s.len() as usize);
    s.take(MAX_STREAM)
        .read_to_end(&mut out)
        .map_err(|_| "文件结构损坏或被截断".to_string())?;
    Ok(out)
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(
        b.get(at..at.checked_add(2)?)?.try_into().ok()?,
    ))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(
        b.get(at..at.checked_add(4)?)?.try_into().ok()?,
    ))
}

const DAMAGED: &str = "文档内容损坏或被截断";

/// Read the paragraphs and tables of a .doc/.wps. Errors are Chinese reasons for the user.
pub fn read_blocks(bytes: &[u8]) -> Result<Vec<Block>, super::ImportError> {
    if is_encrypted_package(bytes) {
        return Err(super::ImportError::Encrypted);
    }
    read(bytes).map_err(super::ImportError::Doc)
}

/// A .docx/.xlsx saved with a password: a compound file holding the encrypted package.
fn is_encrypted_package(bytes: &[u8]) -> bool {
    cfb::CompoundFile::open(Cursor::new(bytes))
        .is_ok_and(|cf| cf.is_stream("EncryptionInfo") || cf.is_stream("EncryptedPackage"))
}

fn read(bytes: &[u8]) -> Result<Vec<Block>, String> {
    let mut cf = cfb::CompoundFile::open(Cursor::new(bytes))
        .map_err(|_| "文件不是完整的 Word 97–2003 / WPS 文档（文件损坏或被截断）".to_string())?;
    if !cf.is_stream("WordDocument") {
        if cf.is_stream("Workbook") || cf.is_stream("Book") {
            return Err("这是旧版 Excel 表格（.xls / .et），暂不能直接读取。请在 Excel 或 WPS 中另存为 .xlsx 后导入".into());
        }
        return Err("文件中没有 Word 正文，不是 Word 97–2003 或 WPS 文字文档".into());
    }
    let word = stream(&mut cf, "WordDocument")?;
    if u16_at(&word, 0) != Some(0xA5EC) {
        return Err("文件中的 Word 正文格式无法识别".into());
    }
    let n_fib = u16_at(&word, 2).ok_or(DAMAGED)?;
    let flags = u16_at(&word, 0x0A).ok_or(DAMAGED)?;
    if flags & 0x0100 != 0 || flags & 0x8000 != 0 {
        return Err(
            "文档设有打开密码（已加密），无法读取。请在 Word 或 WPS 中打开，取消密码后另存，再导入"
                .into(),
        );
    }
    if n_fib < 101 {
        return Err(
            "这是 Word 6.0/95 或更早的格式，暂不能读取。请在 Word 或 WPS 中另存为 .docx 后导入"
                .into(),
        );
    }
    let table_name = if flags & 0x0200 != 0 {
        "1Table"
    } else {
        "0Table"
    };
    let table = stream(&mut cf, table_name)?;
    // FibBase (32 bytes), csw + fibRgW, cslw + fibRgLw, cbRgFcLcb + fibRgFcLcbBlob.
    let csw = u16_at(&word, 32).ok_or(DAMAGED)? as usize;
    let lw = 34 + 2 * csw;
    let cslw = u16_at(&word, lw).ok_or(DAMAGED)? as usize;
    let ccp_text = u32_at(&word, lw + 2 + 12).ok_or(DAMAGED)? as usize;
    let blob = lw + 2 + 4 * cslw + 2;
    let fc_lcb = |i: usize| {
        Some((
            u32_at(&word, blob + 8 * i)?,
            u32_at(&word, blob + 8 * i + 4)?,
        ))
    };
    let (fc_clx, lcb_clx) = fc_lcb(33).ok_or(DAMAGED)?;
    let pieces = pieces(&table, fc_clx as usize, lcb_clx as usize).ok_or(DAMAGED)?;
    let papx = fc_lcb(13)
        .map(|(fc, lcb)| para_runs(&word, &table, fc as usize, lcb as usize))
        .unwrap_or_default();
    let paras = text_paras(&word, &pieces, ccp_text, &papx);
    Ok(to_blocks(paras))
}

struct Piece {
    cp: (usize, usize),
    fc: usize,
    compressed: bool,
}

/// The piece table (`Clx` → `Pcdt` → `PlcPcd`).
fn pieces(table: &[u8], fc: usize, lcb: usize) -> Option<Vec<Piece>> {
    let clx = table.get(fc..fc.checked_add(lcb)?)?;
    let mut at = 0;
    // Skip Prc entries (formatting of pieces), then the Pcdt.
    while *clx.get(at)? == 1 {
        at += 3 + u16_at(clx, at + 1)? as usize;
    }
    if *clx.get(at)? != 2 {
        return None;
    }
    let len = u32_at(clx, at + 1)? as usize;
    let plc = clx.get(at + 5..at + 5 + len)?;
    let n = plc.len().checked_sub(4)? / 12;
    if n > MAX_PIECES {
        return None;
    }
    (0..n)
        .map(|i| {
            let raw = u32_at(plc, 4 * (n + 1) + 8 * i + 2)?;
            let compressed = raw & 0x4000_0000 != 0;
            let fc = (raw & 0x3FFF_FFFF) as usize;
            Some(Piece {
                cp: (
                    u32_at(plc, 4 * i)? as usize,
                    u32_at(plc, 4 * i + 4)? as usize,
                ),
                fc: if compressed { fc / 2 } else { fc },
                compressed,
            })
        })
        .collect()
}

/// What a paragraph's properties say: table membership, row end, list level, style.
#[derive(Debug, Clone, Copy, Default)]
struct Props {
    in_table: bool,
    row_end: bool,
    depth: u32,
    ilvl: Option<u8>,
    list: bool,
    istd: u16,
}

/// Paragraph properties by file offset: `(fc_start, fc_end, props)`, sorted.
fn para_runs(word: &[u8], table: &[u8], fc: usize, lcb: usize) -> Vec<(usize, usize, Props)> {
    let mut out = Vec::new();
    let Some(plc) = fc.checked_add(lcb).and_then(|end| table.get(fc..end)) else {
        return out;
    };
    let n = plc.len().saturating_sub(4) / 8;
    for i in 0..n {
        let Some(pn) = u32_at(plc, 4 * (n + 1) + 4 * i) else {
            break;
        };
        let page = (pn & 0x3F_FFFF) as usize * 512;
        let Some(fkp) = word.get(page..page + 512) else {
            continue;
        };
        let crun = fkp[511] as usize;
        for r in 0..crun {
            let (Some(start), Some(end)) = (u32_at(fkp, 4 * r), u32_at(fkp, 4 * r + 4)) else {
                break;
            };
            let Some(&b_off) = fkp.get(4 * (crun + 1) + 13 * r) else {
                break;
            };
            let props = papx_props(fkp, b_off as usize * 2).unwrap_or_default();
            out.push((start as usize, end as usize, props));
        }
    }
    crate::order::sort_by_key(&mut out, |r| r.0);
    out
}

fn papx_props(fkp: &[u8], at: usize) -> Option<Props> {
    if at == 0 {
        return None;
    }
    let cb = *fkp.get(at)? as usize;
    let (start, len) = if cb == 0 {
        (at + 2, 2 * *fkp.get(at + 1)? as usize)
    } else {
        (at + 1, 2 * cb - 1)
    };
    let grp = fkp.get(start..(start + len).min(fkp.len()))?;
    let mut p = Props {
        istd: u16_at(grp, 0)?,
        ..Props::default()
    };
    let mut i = 2;
    while let Some(sprm) = u16_at(grp, i) {
        let op = i + 2;
        let size = match sprm >> 13 {
            0 | 1 => 1,
            2 | 4 | 5 => 2,
            3 => 4,
            7 => 3,
            // A table definition: a two-byte length that counts itself minus one.
            _ if sprm == 0xD608 => u16_at(grp, op).map_or(0, |n| n as usize + 1),
            _ => 1 + *grp.get(op)? as usize,
        };
        let byte = grp.get(op).copied().unwrap_or(0);
        match sprm {
            0x2416 => p.in_table = byte != 0,
            0x2417 => p.row_end = byte != 0,
            0x6649 => p.depth = u32_at(grp, op).unwrap_or(0),
            0x260A => p.ilvl = Some(byte),
            0x460B => p.list = u16_at(grp, op).unwrap_or(0) != 0,
            _ => {}
        }
        i = op + size;
    }
    Some(p)
}

/// Windows-1252's 0x80–0x9F (the rest of the byte range is Latin-1).
const CP1252_HIGH: [u16; 32] = [
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
];

/// One paragraph of the main text: its text (field codes dropped), the mark that ended it
/// (`\r` paragraph, `\x07` cell/row) and its properties.
struct RawPara {
    text: String,
    mark: char,
    props: Props,
}

fn text_paras(
    word: &[u8],
    pieces: &[Piece],
    ccp_text: usize,
    runs: &[(usize, usize, Props)],
) -> Vec<RawPara> {
    let mut out = Vec::new();
    let mut text = String::new();
    // Field nesting: each entry says whether we are past the separator (in the result).
    let mut fields: Vec<bool> = Vec::new();
    let mut pieces: Vec<&Piece> = pieces.iter().collect();
    crate::order::sort_by_key(&mut pieces, |p| p.cp.0);
    for p in pieces {
        let (start, end) = (p.cp.0.min(ccp_text), p.cp.1.min(ccp_text));
        let width = if p.compressed { 1 } else { 2 };
        for cp in start..end {
            let fc = p.fc + (cp - p.cp.0) * width;
            let unit = if p.compressed {
                match word.get(fc) {
                    Some(&b @ 0x80..=0x9F) => CP1252_HIGH[b as usize - 0x80],
                    Some(&b) => b as u16,
                    None => break,
                }
            } else {
                match u16_at(word, fc) {
                    Some(u) => u,
                    None => break,
                }
            };
            match unit {
                0x13 => fields.push(false),
                0x14 => {
                    if let Some(f) = fields.last_mut() {
                        *f = true;
                    }
                }
                0x15 => {
                    fields.pop();
                }
                0x0D | 0x07 | 0x0C => {
                    let props = runs
                        .partition_point(|r| r.0 <= fc)
                        .checked_sub(1)
                        .map(|i| runs[i])
                        .filter(|r| fc < r.1)
                        .map_or_else(Props::default, |r| r.2);
                    out.push(RawPara {
                        text: std::mem::take(&mut text),
                        mark: if unit == 0x07 { '\x07' } else { '\r' },
                        props,
                    });
                }
                _ if fields.last() == Some(&false) => {}
                0x0B => text.push('\n'),
                0x09 => text.push(' '),
                0x1E => text.push('-'),
                // Object anchors, footnote/comment references, optional hyphens.
                0x00..=0x1F => {}
                // Surrogate pairs are rare in these documents; an unpaired half is dropped.
                u => text.extend(char::from_u32(u as u32)),
            }
        }
    }
    if !text.trim().is_empty() {
        out.push(RawPara {
            text,
            mark: '\r',
            props: Props::default(),
        });
    }
    out
}

fn to_blocks(paras: Vec<RawPara>) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let mut cell = String::new();
    for (n, p) in paras.into_iter().enumerate() {
        let line = n + 1;
        let in_table = p.props.in_table || p.props.depth >= 1;
        if !in_table {
            flush_table(&mut blocks, &mut rows, &mut row, &mut cell, line);
            push_para(&mut blocks, line, &p);
            continue;
        }
        let t = p.text.split('\n').map(normalize_line).collect::<String>();
        let inner = p.props.depth >= 2;
        if p.mark == '\x07' && p.props.row_end && !inner {
            rows.push(std::mem::take(&mut row));
        } else {
            if !cell.is_empty() && !t.is_empty() {
                cell.push(if inner { ' ' } else { '\n' });
            }
            cell.push_str(&t);
            if p.mark == '\x07' && !inner {
                row.push(std::mem::take(&mut cell).replace('\n', ""));
            }
        }
    }
    flush_table(&mut blocks, &mut rows, &mut row, &mut cell, usize::MAX);
    blocks
}

fn flush_table(
    blocks: &mut Vec<Block>,
    rows: &mut Vec<Vec<String>>,
    row: &mut Vec<String>,
    cell: &mut String,
    line: usize,
) {
    if !cell.is_empty() {
        row.push(std::mem::take(cell));
    }
    if !row.is_empty() {
        rows.push(std::mem::take(row));
    }
    let rows: Vec<Vec<String>> = std::mem::take(rows)
        .into_iter()
        .filter(|r| r.iter().any(|c| !c.is_empty()))
        .collect();
    if !rows.is_empty() {
        let caption = take_caption(blocks);
        let line = if line == usize::MAX {
            blocks.last().map_or(1, |b| b.line() + 1)
        } else {
            line
        };
        blocks.push(Block::Table {
            line,
            caption,
            rows,
        });
    }
}

fn push_para(blocks: &mut Vec<Block>, line: usize, p: &RawPara) {
    let list_level = match (p.props.istd, p.props.list, p.props.ilvl) {
        (1..=5, _, _) => Some(p.props.istd as u8 - 1),
        (_, true, Some(l)) => Some(l.min(4)),
        _ => None,
    };
    super::blocks::push_lines(blocks, line, &p.text, list_level);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_a_compound_file_is_an_error() {
        assert!(read_blocks(b"").is_err());
        let mut b = MAGIC.to_vec();
        b.extend([0u8; 600]);
        assert!(read_blocks(&b).is_err());
    }

    #[test]
    fn paragraphs_cells_and_rows() {
        let plain = Props::default();
        let cell = Props {
            in_table: true,
            ..Props::default()
        };
        let row = Props {
            row_end: true,
            ..cell
        };
        let p = |text: &str, mark: char, props: Props| RawPara {
            text: text.into(),
            mark,
            props,
        };
        let blocks = to_blocks(vec![
            p("一、总体要求", '\r', plain),
            p("序号", '\x07', cell),
            p("工作内容", '\x07', cell),
            p("", '\x07', row),
            p("1", '\x07', cell),
            p("第一行", '\r', cell),
            p("第二行", '\x07', cell),
            p("", '\x07', row),
            p("二、其他", '\r', plain),
        ]);
        assert_eq!(blocks.len(), 3, "{blocks:?}");
        assert!(matches!(&blocks[1], Block::Table { rows, .. }
            if rows == &vec![vec!["序号".to_string(), "工作内容".into()], vec!["1".into(), "第一行第二行".into()]]));
        assert!(matches!(&blocks[2], Block::Para { text, .. } if text == "二、其他"));
    }
}
