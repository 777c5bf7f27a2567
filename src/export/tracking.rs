//! The files of the year's tracking, by request: a period's progress file (.xlsx or JSON, one
//! unit or all), the 通报 (.docx) and the 进度台账 (.xlsx), each with its file name and type.
//! The export worker asks here with a request such as `progress-xlsx:2025Q2` or
//! `bulletin:2025Q2:2025-07-01`, so the page and the worker share one protocol.
//!
//! Owns the request words and the file names. Deliberately no content: that is
//! `sync::progress` and `export::bulletin`.

use super::{bulletin, safe_file_name, Format};
use crate::model::Plan;
use crate::sync::progress;
use crate::track::figures;
use crate::track::period::{Date, Period};

/// A made file: bytes, name, MIME type.
pub type Made = (Vec<u8>, String, &'static str);

/// The request for `kind` (`progress-xlsx`, `progress-json`, `bulletin`, `ledger`) of `period`,
/// reckoned `as_of` (the bulletin's figures).
pub fn request(kind: &str, period: Period, as_of: Date) -> String {
    format!("{kind}:{}:{as_of}", period.code())
}

/// Is `format` one of these requests?
pub fn is_request(format: &str) -> bool {
    ["progress-xlsx:", "progress-json:", "bulletin:", "ledger:"]
        .iter()
        .any(|p| format.starts_with(p))
}

/// Make the file a request asks for (for one unit, or all with `None`).
pub fn make(plan: &Plan, format: &str, unit: Option<&str>) -> Result<Made, String> {
    let mut parts = format.split(':');
    let kind = parts.next().unwrap_or_default();
    let period = parts
        .next()
        .and_then(Period::parse)
        .ok_or("请求中的期次无法识别。")?;
    let as_of = parts
        .next()
        .and_then(Date::parse)
        .unwrap_or_else(|| period.end().add_days(1));
    let who = unit.map_or("各单位".to_string(), |u| plan.units.name(u).to_string());
    let round = format!("{}进度填报（{who}）", period.label());
    match kind {
        "progress-xlsx" => Ok((
            progress::export_xlsx(plan, period, unit)?,
            safe_file_name(&round, "xlsx"),
            Format::Xlsx.mime(),
        )),
        "progress-json" => Ok((
            progress::export_json(plan, period, unit).into_bytes(),
            safe_file_name(&round, "json"),
            "application/json",
        )),
        "bulletin" => {
            let f = figures::compute(plan, period, as_of);
            Ok((
                bulletin::write(plan, &f)?,
                safe_file_name(&bulletin::title(plan, period), "docx"),
                Format::Docx.mime(),
            ))
        }
        "ledger" => Ok((
            bulletin::ledger(plan, period)?,
            safe_file_name(
                &format!("{}年{}进度台账", period.year, bulletin::subject(plan)),
                "xlsx",
            ),
            Format::Xlsx.mime(),
        )),
        _ => Err("未知的导出格式".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_name_their_files_and_carry_the_period() {
        let mut plan = crate::sample::sample_plan(1).plan;
        plan.doc.year = Some(2024);
        let q2 = Period::parse("2024Q2").unwrap();
        let day = Date::parse("2024-07-01").unwrap();
        let r = request("progress-xlsx", q2, day);
        assert_eq!(r, "progress-xlsx:2024Q2:2024-07-01");
        assert!(is_request(&r) && !is_request("xlsx") && !is_request("feedback-xlsx"));
        let (bytes, name, mime) = make(&plan, &r, None).unwrap();
        assert!(bytes.starts_with(b"PK"));
        assert_eq!(name, "2024年第二季度进度填报（各单位）.xlsx");
        assert!(mime.contains("spreadsheetml"));
        let (json, name, _) = make(&plan, &request("progress-json", q2, day), None).unwrap();
        assert!(name.ends_with(".json"));
        assert!(progress::read_file(&json).is_some_and(|f| f.period == "2024Q2"));
        let (docx, name, _) = make(&plan, &request("bulletin", q2, day), None).unwrap();
        assert!(docx.starts_with(b"PK"));
        assert!(
            name.contains("第二季度") && name.ends_with("通报.docx"),
            "{name}"
        );
        let (_, name, _) = make(&plan, &request("ledger", q2, day), None).unwrap();
        assert!(name.ends_with("进度台账.xlsx"), "{name}");
        assert!(make(&plan, "bulletin:2024Q9", None).is_err());
        assert!(make(&plan, "nonsense:2024Q2", None).is_err());
    }
}
