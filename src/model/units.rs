//! The unit registry (责任单位): names, aliases, kinds, and the clause convention.
//!
//! Owns how a written name finds its unit (exact name, alias, or a normalised key such as
//! 区应急局 = 应急局 = 应急管理局) and how a new name is classified. Deliberately does not
//! split 责任单位 clauses into names: that is the parser's `unitclause` module.

use super::{Extra, IdGen};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// How a 责任单位 clause assigns lead and cooperating roles.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Convention {
    /// The first `，`-group leads, the other groups cooperate (万盛 2024).
    #[default]
    FirstGroupLeads,
    /// The first-listed unit leads (列第一位的为牵头单位).
    FirstUnitLeads,
}

impl Convention {
    pub fn label(self) -> &'static str {
        match self {
            Self::FirstGroupLeads => "第一组（逗号前）为牵头单位，其余为配合单位",
            Self::FirstUnitLeads => "列第一位的为牵头单位",
        }
    }
}

#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    /// 区级部门.
    Department,
    /// 镇街.
    Township,
    /// 议事协调机构 (安委办, 减灾办, 专项指挥部).
    Coordination,
    /// A collective entry: 各镇街, 安委会有关成员单位, 负有安全监管职责的单位.
    Collective,
    #[default]
    Other,
}

impl UnitKind {
    pub fn label(self) -> &'static str {
        match self {
            Self::Department => "区级部门",
            Self::Township => "镇街",
            Self::Coordination => "议事协调机构",
            Self::Collective => "集合称谓",
            Self::Other => "其他",
        }
    }

    pub const ALL: [UnitKind; 5] = [
        Self::Department,
        Self::Township,
        Self::Coordination,
        Self::Collective,
        Self::Other,
    ];
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Unit {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub kind: UnitKind,
    /// Added by the parser from a document and not yet confirmed by the user.
    pub new: bool,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Registry {
    pub units: Vec<Unit>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// Well-known equivalent spellings; each group names one unit.
const KNOWN_ALIASES: &[&[&str]] = &[
    &["应急局", "应急管理局"],
    &["安委办", "安委会办公室", "安全生产委员会办公室"],
    &["减灾办", "减灾委办公室", "减灾委员会办公室"],
    &["安委会", "安全生产委员会"],
    &["减灾委", "减灾委员会"],
    &["住房城乡建设局", "住房和城乡建设局", "住建局"],
    &["住房城乡建委", "住房和城乡建设委员会", "住建委"],
    &["经济信息局", "经信局"],
    &["发展改革局", "发展改革委", "发改局", "发改委"],
    &["规划自然资源局", "规划和自然资源局", "规资局"],
    &["城管局", "城市管理局"],
    &["交通局", "交通运输局"],
    &["市场监管局", "市场监督管理局"],
    &["消防救援大队", "消防大队"],
    &["各镇街", "各街镇", "各镇（街道）", "各镇街道"],
];

/// The matching key of a name: prefixes such as 区/市/县 dropped, known aliases folded.
pub fn name_key(name: &str) -> String {
    let mut s: String = name.chars().filter(|c| !c.is_whitespace()).collect();
    for prefix in ["重庆市", "经开区", "区", "市", "县"] {
        if let Some(rest) = s.strip_prefix(prefix) {
            if rest.chars().count() >= 2 {
                s = rest.to_string();
                break;
            }
        }
    }
    for group in KNOWN_ALIASES {
        if group.iter().any(|a| *a == s) {
            return group[0].to_string();
        }
    }
    s
}

/// Guess the kind of a unit from its name.
pub fn classify(name: &str) -> UnitKind {
    let full = name.trim();
    // 党工委宣传部（网信办）: classify by the part before a trailing bracket.
    let n = match full
        .strip_suffix('）')
        .and_then(|s| s.rfind('（').map(|i| &s[..i]))
    {
        Some(base) if !base.is_empty() => base,
        _ => full,
    };
    let has = |keys: &[&str]| keys.iter().any(|k| n.contains(k));
    if n.starts_with('各') || has(&["成员单位", "的单位", "有关部门", "相关部门", "有关单位"])
    {
        UnitKind::Collective
    } else if has(&[
        "安委",
        "减灾委",
        "减灾办",
        "指挥部",
        "领导小组",
        "委员会办公室",
    ]) {
        UnitKind::Coordination
    } else if n.ends_with("街道") || n.ends_with('镇') || n.ends_with('乡') || n.ends_with("办事处")
    {
        UnitKind::Township
    } else if [
        "局",
        "委",
        "办",
        "部",
        "中心",
        "队",
        "院",
        "所",
        "室",
        "公司",
        "集团",
        "分局",
        "团区委",
        "联",
    ]
    .iter()
    .any(|s| n.ends_with(s))
    {
        UnitKind::Department
    } else {
        UnitKind::Other
    }
}

impl Registry {
    pub fn get(&self, id: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.id == id)
    }

    pub fn get_mut(&mut self, id: &str) -> Option<&mut Unit> {
        self.units.iter_mut().find(|u| u.id == id)
    }

    /// Display name of a unit id (the id itself if it is not registered).
    pub fn name<'a>(&'a self, id: &'a str) -> &'a str {
        self.get(id).map_or(id, |u| u.name.as_str())
    }

    /// Find a unit by name or alias, exactly or through the normalised key.
    pub fn find(&self, name: &str) -> Option<&Unit> {
        let name = name.trim();
        if let Some(u) = self
            .units
            .iter()
            .find(|u| u.name == name || u.aliases.iter().any(|a| a == name))
        {
            return Some(u);
        }
        let key = name_key(name);
        self.units
            .iter()
            .find(|u| name_key(&u.name) == key || u.aliases.iter().any(|a| name_key(a) == key))
    }

    /// The id of `name`, registering it (flagged new) if it is unknown; the bool is true when added.
    /// A different spelling of a known unit is recorded as an alias.
    pub fn resolve_or_add(&mut self, name: &str, ids: &mut IdGen) -> (String, bool) {
        let name = name.trim();
        if let Some(found) = self.find(name) {
            let id = found.id.clone();
            let unit = self.get_mut(&id).expect("found above");
            if unit.name != name && !unit.aliases.iter().any(|a| a == name) {
                unit.aliases.push(name.to_string());
            }
            return (id, false);
        }
        (self.push_new(name, ids), true)
    }

    /// Register `name` as a new unit (flagged new) and return its id.
    fn push_new(&mut self, name: &str, ids: &mut IdGen) -> String {
        let id = ids.next('u');
        self.units.push(Unit {
            id: id.clone(),
            name: name.to_string(),
            aliases: Vec::new(),
            kind: classify(name),
            new: true,
            extra: Extra::new(),
        });
        id
    }
}

/// A lookup table over a registry for many names in a row (a parse resolving thousands of
/// names): the same answers as `Registry::find` / `resolve_or_add`, each in constant time
/// instead of a pass over every unit (which made 10,000 names in one clause quadratic).
/// Valid while the registry changes only through `UnitIndex::resolve_or_add`.
#[derive(Debug, Clone, Default)]
pub struct UnitIndex {
    /// Exact name or alias → position of the first unit that has it.
    exact: HashMap<String, usize>,
    /// `name_key` of a name or alias → position of the first unit that has it.
    key: HashMap<String, usize>,
}

impl UnitIndex {
    pub fn new(registry: &Registry) -> Self {
        let mut index = Self::default();
        for (i, u) in registry.units.iter().enumerate() {
            for n in std::iter::once(&u.name).chain(&u.aliases) {
                index.add(n, i);
            }
        }
        index
    }

    fn add(&mut self, name: &str, i: usize) {
        self.exact.entry(name.to_string()).or_insert(i);
        self.key.entry(name_key(name)).or_insert(i);
    }

    /// `Registry::resolve_or_add` through the index, keeping the index current.
    pub fn resolve_or_add(
        &mut self,
        registry: &mut Registry,
        name: &str,
        ids: &mut IdGen,
    ) -> (String, bool) {
        let name = name.trim();
        if let Some(&i) = self.exact.get(name) {
            return (registry.units[i].id.clone(), false);
        }
        if let Some(&i) = self.key.get(&name_key(name)) {
            // Not an exact name or alias of any unit (the first lookup would have found it).
            registry.units[i].aliases.push(name.to_string());
            self.add(name, i);
            return (registry.units[i].id.clone(), false);
        }
        self.add(name, registry.units.len());
        (registry.push_new(name, ids), true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_resolve_to_one_unit() {
        let mut reg = Registry::default();
        let mut ids = IdGen::new(7);
        let (a, added) = reg.resolve_or_add("区应急局", &mut ids);
        assert!(added);
        for other in ["应急局", "应急管理局", "区应急管理局"] {
            let (b, added) = reg.resolve_or_add(other, &mut ids);
            assert_eq!(a, b, "{other}");
            assert!(!added);
        }
        assert_eq!(reg.units.len(), 1);
        assert_eq!(
            reg.units[0].aliases,
            vec!["应急局", "应急管理局", "区应急管理局"]
        );
    }

    #[test]
    fn index_gives_the_registrys_answers() {
        let names = [
            "区应急局",
            "应急局",
            "应急管理局",
            "区交通局",
            "交通运输局",
            "应急局",
            "各镇街",
            "各街镇",
        ];
        let (mut plain, mut ids_a) = (Registry::default(), IdGen::new(3));
        let (mut indexed, mut ids_b) = (Registry::default(), IdGen::new(3));
        let mut index = UnitIndex::new(&indexed);
        for n in names {
            let a = plain.resolve_or_add(n, &mut ids_a);
            let b = index.resolve_or_add(&mut indexed, n, &mut ids_b);
            assert_eq!(a, b, "{n}");
        }
        assert_eq!(plain, indexed);
    }

    #[test]
    fn kinds() {
        assert_eq!(classify("各镇街"), UnitKind::Collective);
        assert_eq!(classify("安委会有关成员单位"), UnitKind::Collective);
        assert_eq!(classify("负有安全监管职责的单位"), UnitKind::Collective);
        assert_eq!(classify("安委办"), UnitKind::Coordination);
        assert_eq!(classify("应急局"), UnitKind::Department);
        assert_eq!(classify("党工委宣传部（网信办）"), UnitKind::Department);
        assert_eq!(classify("郭家沱街道"), UnitKind::Township);
    }
}
