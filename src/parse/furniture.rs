//! What a website puts around a document: navigation, breadcrumbs, 来源/发布时间 lines,
//! 字体【大 中 小】, share and print buttons, the 信息公开 metadata block (索引号, 发布机构,
//! 成文日期, 文号 …, as lines or as `|` rows), and what follows the text (相关解读, 附件下载,
//! footers). Traditional-script pages are recognised through `fold`.
//!
//! Owns these word lists and the rules over one line or one row. Deliberately decides nothing
//! about where the document starts (see `front`): a line that looks like text stays.

use super::fold::fold;

/// Labels that begin a furniture line (after spaces between Chinese characters are removed).
const STARTS: &[&str] = &[
    "发布日期",
    "发布时间",
    "发表时间",
    "发布机构",
    "发布单位",
    "发布文号",
    "来源：",
    "来源:",
    "(来源",
    "（来源",
    "信息来源",
    "责任编辑",
    "[责任编辑",
    "【责任编辑",
    "分享到",
    "分享：",
    "分享至",
    "打印本页",
    "【打印",
    "[打印",
    "关闭窗口",
    "【关闭",
    "扫一扫",
    "扫描二维码",
    "浏览次数",
    "阅读次数",
    "访问量",
    "点击数",
    "点击率",
    "索引号",
    "主题分类",
    "体裁分类",
    "组配分类",
    "信息分类",
    "原标题：",
    "<!--",
    "<img",
    "上一篇",
    "下一篇",
    "相关链接",
    "附件下载",
    "当前位置",
    "当前的位置",
    "您当前的位置",
    "您当前所在位置",
    "您所在的位置",
    "您现在的位置",
    "首页 >",
    "首页>",
    "首页»",
    "繁體",
    "简体版",
    "无障碍",
    "设为首页",
    "成文日期",
    "生成日期",
    "公开日期",
    "生效日期",
    "废止日期",
    "有效性",
    "主题词",
    "关键字",
    "关键词",
    "所属机构",
    "公开方式",
    "公开目录",
    "公开责任部门",
    "发文机关",
    "放大字体",
    "缩小字体",
    "保护视力色",
    "下载阅读版本",
    "核心提示",
    "【法宝引证码】",
    "【时效性】",
    "【效力级别】",
    "【发布部门】",
    "【发文字号】",
    "【发布日期】",
    "【实施日期】",
    "今天:",
    "今天：",
    "标题:",
    "标题：",
    "名称:",
    "名称：",
    "概述:",
    "概述：",
    "文件名称",
    "字体",
    "字号：",
    "字号:",
    "法搜网",
    "阅读数",
];

/// Whole lines that are furniture.
const WHOLE: &[&str] = &[
    "原标题：",
    "打印",
    "关闭",
    "保存",
    "【大中小】",
    "信息公开",
    "政府文件",
    "政策文件",
    "通知公告",
    "政策法规",
    "分享",
    "打印本页",
    "关闭窗口",
];

/// Lines where the text after the document begins (related items, footers).
const TRAILERS: &[&str] = &[
    "相关解读",
    "政策解读",
    "相关链接",
    "相关文件",
    "相关新闻",
    "相关阅读",
    "相关附件",
    "附件下载",
    "主办单位",
    "主办：",
    "版权所有",
    "网站标识码",
    "网站地图",
    "扫一扫在手机打开",
    "【打印本页】",
    "打印本页",
    "【关闭窗口】",
    "关闭窗口",
    "上一篇",
    "下一篇",
    "【打印】",
];

/// Labels of the 信息公开 metadata block, as cells of a `|` row.
const META_LABELS: &[&str] = &[
    "索引号",
    "发文字号",
    "文号",
    "主题分类",
    "体裁分类",
    "组配分类",
    "发布机构",
    "发文机关",
    "成文日期",
    "发布日期",
    "生成日期",
    "公开日期",
    "有效性",
    "关键字",
    "关键词",
    "所属机构",
    "标题",
    "文件名称",
    "公开目录",
    "公开责任部门",
    "公开形式",
    "公开方式",
    "信息来源",
    "发布时间",
    "浏览次数",
    "主题词",
    "名称",
];

fn strip_label_punct(s: &str) -> String {
    s.trim()
        .trim_end_matches([':', '：'])
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// A line a website adds around the document (cleaned: spaces between CJK removed).
pub fn is_furniture(t: &str) -> bool {
    if t.is_empty() {
        return false;
    }
    if t.len() > 800 {
        // Only the 核心提示 teaser is long; look at the head of a long line only.
        let mut end = 12;
        while !t.is_char_boundary(end) {
            end -= 1;
        }
        return fold(&t[..end]).starts_with("核心提示")
            || t.starts_with("<img")
            || t.starts_with("<!--");
    }
    let f = fold(t);
    let f = f.as_str();
    let n = f.chars().count();
    let any_length = ["核心提示", "<img", "<!--"]
        .iter()
        .any(|s| f.starts_with(s));
    if STARTS.iter().any(|s| f.starts_with(s)) && (n <= 80 || any_length) {
        return true;
    }
    if WHOLE.contains(&f) {
        return true;
    }
    // 字体：【大 中 小】 and its variants.
    if (f.contains("字体") || f.contains("字号")) && f.contains('大') && f.contains('小') && n < 40
    {
        return true;
    }
    // "2017/02/22 09:34 來源:…", "放大字体 缩小字体 2024-02-08 来源:…"
    if n <= 80 && (f.contains("来源:") || f.contains("来源：")) && has_web_date(f) {
        return true;
    }
    false
}

/// `2024-02-08`, `2017/02/22` or `2024.02.08`: how websites write dates (documents don't).
fn has_web_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.windows(8).any(|w| {
        w[..4].iter().all(u8::is_ascii_digit)
            && matches!(w[4], b'-' | b'/' | b'.')
            && w[5].is_ascii_digit()
            && (w[6].is_ascii_digit() && matches!(w[7], b'-' | b'/' | b'.')
                || matches!(w[6], b'-' | b'/' | b'.') && w[7].is_ascii_digit())
    })
}

/// The line where the text after the document begins.
pub fn is_trailer(t: &str) -> bool {
    if t.len() > 180 {
        return false;
    }
    let f = fold(t);
    f.chars().count() <= 60 && TRAILERS.iter().any(|s| f.starts_with(s))
}

/// A navigation bar: several short words separated by spaces or `|` and nothing else.
/// Looks at the raw line (before spaces are removed).
pub fn is_nav_bar(raw: &str) -> bool {
    let words: Vec<&str> = raw
        .split([' ', '\u{3000}', '|', '｜', '\u{a0}', '\t'])
        .filter(|w| !w.is_empty())
        .collect();
    words.len() >= 5
        && words.iter().all(|w| {
            let n = w.chars().count();
            n <= 6 && w.chars().all(|c| c.is_alphanumeric()) && !super::headers::is_header_word(w)
        })
}

/// A `|` row of the 信息公开 metadata block: a label cell (索引号, 文号 …) among its cells.
pub fn is_metadata_row(cells: &[String]) -> bool {
    cells.iter().any(|c| {
        let l = fold(&strip_label_punct(c));
        META_LABELS.contains(&l.as_str())
    })
}

/// The value of a metadata row's label (e.g. 文号 → 渝府发〔2025〕1号), if present.
pub fn metadata_value(cells: &[String], labels: &[&str]) -> Option<String> {
    let i = cells
        .iter()
        .position(|c| labels.contains(&fold(&strip_label_punct(c)).as_str()))?;
    cells
        .get(i + 1)
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty() && !is_metadata_row(std::slice::from_ref(v)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_lines() {
        for t in [
            "字体：【大中小】",
            "来源:应急管理局发布时间:2024-06-13 00:00字号:打印保存分享至:",
            "2017/02/22 09:34來源:國務院安全生產委員會",
            "當前位置:首頁>政府文件>區政府辦文件",
            "索引號:01420686X/2020-00372",
            "放大字体缩小字体2024-02-08 11:12:15来源:安徽省安全生产委员会浏览次数:494",
            "【法宝引证码】CLI.1.304262",
            "信息公开",
        ] {
            assert!(is_furniture(t), "{t}");
        }
        for t in ["一、总体要求", "2024年5月16日", "有关单位要加强来源管理。"]
        {
            assert!(!is_furniture(t), "{t}");
        }
    }

    #[test]
    fn nav_bars_and_trailers() {
        assert!(is_nav_bar(
            "首页 政务公开 渝快办 互动交流 招商引资 魅力科学城"
        ));
        assert!(!is_nav_bar(
            "序号 重点工作 目标要求 责任单位 工作举措 完成情况 备注"
        ));
        assert!(!is_nav_bar("一、总体要求"));
        assert!(is_trailer("相关解读：《2025年工作要点》图解"));
        assert!(is_trailer("版权所有：重庆市人民政府"));
    }

    #[test]
    fn metadata_rows() {
        let row = |s: &[&str]| s.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        assert!(is_metadata_row(&row(&[
            "索 引 号:",
            "1162/2024-156052",
            "生成日期:",
            "2024-02-09"
        ])));
        assert!(!is_metadata_row(&row(&["序号", "工作内容", "责任单位"])));
        assert_eq!(
            metadata_value(
                &row(&["发文字号", "滕防救灾办〔2024〕1号", "有效性", "有效"]),
                &["发文字号", "文号"]
            ),
            Some("滕防救灾办〔2024〕1号".into())
        );
    }
}
