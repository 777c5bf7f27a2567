//! The issuing organ of a district draft: the one rule that puts the district in place of the
//! template's organ, consistently in 发文机关, 通知标题, 要点标题, 发文字号, 主送, 署名 and 印发机关.
//! `万盛经开区管委会` drafted for 大足区 becomes `大足区人民政府` everywhere (a 经开区 is run by a
//! 管委会, a 区/县 by its 人民政府; a city's 办公厅 is a district's 办公室), `管委会各部门` in
//! 主送 becomes `区政府各部门`. The 发文字号's 机关代字 moves only when it can be derived (the same
//! kind of organ, the prefix built on the place name: 江北府发 → 大足府发); otherwise it is left
//! empty and flagged for the planner, never invented.
//!
//! Owns the reading of an organ name (place + organ words) and the replacement rules it gives.
//! Deliberately does not match or apply them: they are `localize` rules, previewed and applied
//! as localisation proposals (see `localize::preview_for`).

use super::localize::Rule;
use crate::model::DocInfo;

/// A 经开区, 新区 … is run by a 管委会, not by a 人民政府.
const ZONE_ENDS: &[&str] = &["经开区", "开发区", "高新区", "新区", "园区", "示范区"];

/// An organ name split: the city before the place (重庆市), the place (万盛经开区) and the
/// organ words after it (管委会办公室).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organ {
    pub outer: String,
    pub place: String,
    pub words: String,
}

fn is_zone(place: &str) -> bool {
    ZONE_ENDS.iter().any(|z| place.ends_with(z))
}

fn is_city(place: &str) -> bool {
    place.ends_with('市')
}

/// Split `name` at its last 区/县/市/旗: what comes after is the organ words (they hold none of
/// those: 管委会, 人民政府办公室, 安全生产委员会). A leading city (重庆市) is split off a
/// district's place.
pub fn read(name: &str) -> Option<Organ> {
    let name = name.trim();
    let chars: Vec<char> = name.chars().collect();
    let end = chars.iter().rposition(|c| "区县市旗".contains(*c))?;
    let place: String = chars[..=end].iter().collect();
    let words: String = chars[end + 1..].iter().collect();
    // 重庆市万盛经开区: the city is the outer part when a place follows it.
    let inner_city = chars[..end].iter().position(|c| *c == '市');
    let (outer, place) = match inner_city {
        Some(i) if i + 1 < end => (
            chars[..=i].iter().collect::<String>(),
            chars[i + 1..=end].iter().collect::<String>(),
        ),
        _ => (String::new(), place),
    };
    (place.chars().count() >= 2).then_some(Organ {
        outer,
        place,
        words,
    })
}

/// The template's organ: 发文机关, else 署名, else the notice title before 关于.
pub fn template_organ(doc: &DocInfo) -> Option<Organ> {
    let from_notice = doc
        .notice_title
        .split_once("关于")
        .map(|(o, _)| o.to_string())
        .unwrap_or_default();
    let names = [
        doc.issuer.as_str(),
        doc.signature.as_str(),
        from_notice.as_str(),
    ];
    let found = names
        .into_iter()
        .filter(|n| !n.trim().is_empty())
        .find_map(read)
        .filter(|o| !o.words.is_empty());
    found
}

/// A field of the front matter or the 版记 a district's organ appears in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrontField {
    Issuer,
    DocNumber,
    NoticeTitle,
    Recipients,
    CoverText,
    Signature,
    Printer,
}

impl FrontField {
    pub const ALL: [FrontField; 7] = [
        Self::Issuer,
        Self::DocNumber,
        Self::NoticeTitle,
        Self::Recipients,
        Self::CoverText,
        Self::Signature,
        Self::Printer,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Issuer => "发文机关",
            Self::DocNumber => "发文字号",
            Self::NoticeTitle => "通知标题",
            Self::Recipients => "主送机关",
            Self::CoverText => "印发通知正文",
            Self::Signature => "署名",
            Self::Printer => "印发机关",
        }
    }

    pub fn get(self, d: &DocInfo) -> &String {
        match self {
            Self::Issuer => &d.issuer,
            Self::DocNumber => &d.doc_number,
            Self::NoticeTitle => &d.notice_title,
            Self::Recipients => &d.recipients,
            Self::CoverText => &d.cover_text,
            Self::Signature => &d.signature,
            Self::Printer => &d.printer,
        }
    }

    pub fn get_mut(self, d: &mut DocInfo) -> &mut String {
        match self {
            Self::Issuer => &mut d.issuer,
            Self::DocNumber => &mut d.doc_number,
            Self::NoticeTitle => &mut d.notice_title,
            Self::Recipients => &mut d.recipients,
            Self::CoverText => &mut d.cover_text,
            Self::Signature => &mut d.signature,
            Self::Printer => &mut d.printer,
        }
    }
}

/// The place name without its level: 江北区 → 江北, 万盛经开区 → 万盛经开.
fn short(place: &str) -> &str {
    place
        .strip_suffix('区')
        .or_else(|| place.strip_suffix('县'))
        .or_else(|| place.strip_suffix('市'))
        .unwrap_or(place)
}

/// The organ swap for a district: the rules and the 发文字号 decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Swap {
    pub from: Organ,
    pub to: Organ,
    /// Rules for every text: the organ and the place.
    pub rules: Vec<Rule>,
    /// Rules for the front matter only: the organ's kind words (管委会各部门 → 区政府各部门).
    pub front_rules: Vec<Rule>,
}

fn rule(from: String, to: String) -> Rule {
    Rule {
        from,
        to,
        enabled: true,
    }
}

/// The swap from the template's organ to `district`'s (a place such as 大足区 or 重庆市大足区,
/// or an organ such as 大足区应急管理局), if the template names its organ and the district
/// differs from it.
pub fn swap(template: &DocInfo, district: &str) -> Option<Swap> {
    let from = template_organ(template)?;
    let given = read(district)?;
    if given.place == from.place {
        return None;
    }
    let level = if given.place.ends_with('县') {
        "县"
    } else {
        "区"
    };
    let mut words = if given.words.is_empty() {
        from.words.clone()
    } else {
        given.words.clone()
    };
    let zone_to_district = is_zone(&from.place) && !is_zone(&given.place);
    if given.words.is_empty() {
        if zone_to_district {
            words = words
                .replace("管理委员会", "人民政府")
                .replace("管委会", "人民政府");
        } else if !is_zone(&from.place) && is_zone(&given.place) {
            words = words.replace("人民政府", "管委会");
        }
        if is_city(&from.place) && !is_city(&given.place) {
            words = words.replace("办公厅", "办公室");
        }
    }
    // A city's own organ (重庆市人民政府) becomes the district's under that city.
    let city_template = is_city(&from.place) && !is_city(&given.place);
    let to_place = if city_template && given.outer.is_empty() {
        format!("{}{}", from.place, given.place)
    } else {
        given.place.clone()
    };
    let mut rules = Vec::new();
    if city_template && from.words.ends_with("人民政府") {
        rules.push(rule(
            format!("{}{}办公厅", from.place, from.words),
            format!("{to_place}{}办公室", words),
        ));
    }
    rules.push(rule(
        format!("{}{}", from.place, from.words),
        format!("{to_place}{words}"),
    ));
    if !city_template {
        rules.push(rule(from.place.clone(), given.place.clone()));
    }
    let mut front_rules = Vec::new();
    if zone_to_district {
        for w in ["管理委员会", "管委会"] {
            front_rules.push(rule(w.to_string(), format!("{level}政府")));
        }
        if let Some(z) = ZONE_ENDS.iter().find(|z| from.place.ends_with(*z)) {
            front_rules.push(rule(z.to_string(), level.to_string()));
        }
    }
    Some(Swap {
        to: Organ {
            outer: if given.outer.is_empty() {
                from.outer.clone()
            } else {
                given.outer.clone()
            },
            place: given.place,
            words,
        },
        from,
        rules,
        front_rules,
    })
}

impl Swap {
    /// The district's organ as a 署名 names it (大足区人民政府).
    pub fn organ_name(&self) -> String {
        format!("{}{}", self.to.place, self.to.words)
    }

    /// The 抄送 list is the template organ's own (its party and mass bodies): it is kept as it
    /// is, and this note asks the planner to check it, since no rule can know the district's.
    pub fn cc_note(&self, doc: &DocInfo) -> Option<String> {
        let cc = doc.cc.trim();
        (!cc.is_empty()).then(|| {
            format!(
                "抄送机关沿用了{}{}的（{cc}）：未替换，请核对{}应抄送哪些机关。",
                self.from.place,
                self.from.words,
                self.organ_name()
            )
        })
    }

    /// The 发文字号's 机关代字 for the district: `Ok(new prefix)` when it can be derived (the
    /// same organ words, a prefix built on the place's name), `Err(why)` when it cannot.
    /// `prefix` is the template's (the text before 〔).
    pub fn doc_number_prefix(&self, prefix: &str) -> Result<String, String> {
        let old = short(&self.from.place);
        match prefix.strip_prefix(old) {
            Some(rest) if self.from.words == self.to.words && !old.is_empty() => {
                Ok(format!("{}{rest}", short(&self.to.place)))
            }
            _ => Err(format!(
                "发文字号的机关代字“{prefix}”属于{}{}，{}的代字无法由此推出：已留空，请填写。",
                self.from.place,
                self.from.words,
                self.organ_name()
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(issuer: &str) -> DocInfo {
        DocInfo {
            issuer: issuer.into(),
            ..DocInfo::default()
        }
    }

    #[test]
    fn reads_city_place_and_organ_words() {
        let o = read("重庆市万盛经开区管委会办公室").unwrap();
        assert_eq!(
            (o.outer.as_str(), o.place.as_str(), o.words.as_str()),
            ("重庆市", "万盛经开区", "管委会办公室")
        );
        let o = read("重庆市人民政府").unwrap();
        assert_eq!((o.outer.as_str(), o.place.as_str()), ("", "重庆市"));
        assert_eq!(read("大足区").unwrap().words, "");
    }

    #[test]
    fn a_zone_committee_becomes_a_district_government() {
        let s = swap(&doc("万盛经开区管委会"), "大足区").unwrap();
        assert_eq!(s.organ_name(), "大足区人民政府");
        assert!(s.doc_number_prefix("万盛经开发").is_err());
        let s = swap(&doc("万盛经开区管委会"), "綦江县").unwrap();
        assert_eq!(s.organ_name(), "綦江县人民政府");
        assert_eq!(s.front_rules[1].to, "县政府");
    }

    #[test]
    fn the_prefix_moves_only_between_organs_of_one_kind() {
        let s = swap(&doc("重庆市江北区人民政府"), "大足区").unwrap();
        assert_eq!(s.doc_number_prefix("江北府发").unwrap(), "大足府发");
        assert!(s.doc_number_prefix("渝府发").is_err());
        let s = swap(&doc("重庆市人民政府"), "大足区").unwrap();
        assert_eq!(s.rules[0].to, "重庆市大足区人民政府办公室");
        assert_eq!(s.rules[1].to, "重庆市大足区人民政府");
        assert!(s.doc_number_prefix("渝府发").is_err());
        // The same place: nothing to swap.
        assert!(swap(&doc("大足区人民政府"), "大足区").is_none());
    }
}
