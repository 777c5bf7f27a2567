//! 新建草稿: choose a template (built-in sample, pasted text, a .txt/.docx/.doc/.wps/PDF/OFD/
//! .xlsx/.json file, or a dropped file; a workbook with several task lists asks which sheet), see what was understood, fill in the district's document data, preview the
//! localising replacements, then create the draft.
//!
//! Owns the steps of that flow. Nothing is created before the user confirms; every input goes
//! through `parse::parse_pasted` / `screens::import` (`parse::import_bytes` in two parts: the
//! readers of .doc, PDF, OFD and .xlsx come with a chunk of their own).

use super::outline::PlanOutline;
use super::state::{Editor, Screen, Ui};
use crate::edit::localize::{self, Rule, Target};
use crate::edit::organ;
use crate::edit::ticks::Flips;
use crate::model::{Convention, Plan};
use crate::parse::{ParseOptions, ParseReport};
use crate::web::{files, storage};
use leptos::prelude::*;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Step {
    Source,
    Preview,
    Data,
    Localize,
}

/// Largest paste accepted in one go (characters); beyond it the user is asked to split.
const MAX_PASTE: usize = 30 * 1024 * 1024;

/// A workbook waiting for its sheet to be chosen: file name, bytes, task sheet names.
type SheetChoice = (String, Vec<u8>, Vec<String>);

#[component]
pub fn NewDraft() -> impl IntoView {
    let ui = expect_context::<Ui>();
    let editor = expect_context::<Editor>();
    let step = RwSignal::new(Step::Source);
    let template: RwSignal<Option<Plan>> = RwSignal::new(None);
    // The template as confirmed in step 2: what the draft stores, whatever steps 3 and 4 change.
    let imported: RwSignal<Option<Plan>> = RwSignal::new(None);
    let report: RwSignal<Option<ParseReport>> = RwSignal::new(None);
    let error = RwSignal::new(String::new());
    let convention = RwSignal::new(Convention::FirstGroupLeads);
    let pasted = RwSignal::new(String::new());
    let opts = move || ParseOptions {
        convention: convention.get_untracked(),
        seed: crate::web::random_seed(),
        ..Default::default()
    };

    let warning = RwSignal::new(String::new());
    let accept_sized = move |plan: Plan, r: Option<ParseReport>, bytes: usize| {
        if let Some(e) = crate::parse::sanity::template_problem(&plan) {
            error.set(e);
            return;
        }
        warning.set(crate::parse::sanity::size_warning(bytes, &plan).unwrap_or_default());
        error.set(String::new());
        template.set(Some(plan));
        report.set(r);
        step.set(Step::Preview);
    };
    let accept = move |plan: Plan, r: Option<ParseReport>| accept_sized(plan, r, 0);
    // A workbook with several task lists: (file name, bytes, sheet names) until one is picked.
    let sheets: RwSignal<Option<SheetChoice>> = RwSignal::new(None);
    let import = move |name: String, bytes: Vec<u8>, sheet: Option<String>| {
        leptos::task::spawn_local(async move {
            let size = bytes.len();
            let opts = ParseOptions { sheet, ..opts() };
            match super::screens::import(&bytes, &opts).await {
                Ok(Ok(crate::parse::Imported::Parsed(p))) => {
                    accept_sized(p.plan, Some(p.report), size)
                }
                Ok(Ok(crate::parse::Imported::Plan(r))) => {
                    if let Some(text) = super::start::repairs_banner(&r.repairs) {
                        ui.banner("repair", text);
                    }
                    let mut p = r.plan;
                    p.template = None;
                    accept(p, None)
                }
                Ok(Err(e)) => error.set(format!("无法读取“{name}”：{e}")),
                Err(_) => error.set(super::screens::NOT_LOADED.into()),
            }
        });
    };
    let from_bytes = move |name: String, bytes: Vec<u8>| {
        if crate::parse::sanity::is_empty_input(&bytes) {
            error.set(crate::parse::sanity::empty_file_message(&name));
            return;
        }
        if crate::parse::container(&bytes) != crate::parse::Container::Xlsx {
            return import(name, bytes, None);
        }
        leptos::task::spawn_local(async move {
            if let Ok(Ok(names)) = super::screens::task_sheets(&bytes).await {
                if names.len() > 1 {
                    error.set(String::new());
                    sheets.set(Some((name, bytes, names)));
                    return;
                }
            }
            import(name, bytes, None)
        });
    };
    // A document opened on the start page comes in as if it had been dropped here.
    if let Some((name, bytes)) = ui.pending_document.get_untracked() {
        ui.pending_document.set(None);
        from_bytes(name, bytes);
    }
    let read_file = move |file: web_sys::File| {
        files::read_then(file, move |name, bytes| match bytes {
            Ok(bytes) => from_bytes(name, bytes),
            Err(e) => error.set(e),
        });
    };

    view! {
        <main class="start newdraft" data-testid="new-draft-page">
            <h1>"新建草稿"</h1>
            <ol class="steps">
                <li class:on=move || step.get() == Step::Source>"1 选择模板"</li>
                <li class:on=move || step.get() == Step::Preview>"2 核对识别结果"</li>
                <li class:on=move || step.get() == Step::Data>"3 填写文件信息"</li>
                <li class:on=move || step.get() == Step::Localize>"4 本地化替换"</li>
            </ol>
            <Show when=move || !error.get().is_empty()>
                <p class="banner error" data-testid="import-error" role="alert">{move || error.get()}</p>
            </Show>
            <Show when=move || !warning.get().is_empty() && step.get() == Step::Preview>
                <p class="banner warn" data-testid="import-warning" role="status">{move || warning.get()}</p>
            </Show>
            {move || sheets.get().map(|(name, bytes, names)| view! {
                <section class="card" data-testid="sheet-picker">
                    <p>{format!("“{name}”中有 {} 张任务清单，请选择要导入的工作表：", names.len())}</p>
                    <div class="row-actions">
                        {names.into_iter().map(|sheet| {
                            let (name, bytes, label) = (name.clone(), bytes.clone(), sheet.clone());
                            view! {
                                <button data-testid="sheet-choice" on:click=move |_| {
                                    sheets.set(None);
                                    import(name.clone(), bytes.clone(), Some(sheet.clone()));
                                }>{label}</button>
                            }
                        }).collect_view()}
                        <button class="link" on:click=move |_| sheets.set(None)>"取消"</button>
                    </div>
                </section>
            })}
            {move || match step.get() {
                Step::Source => view! {
                    <section class="card source"
                        on:dragover=|ev: web_sys::DragEvent| ev.prevent_default()
                        on:drop=move |ev: web_sys::DragEvent| {
                            ev.prevent_default();
                            if let Some(f) = ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
                                read_file(f);
                            }
                        }
                        data-testid="drop-zone">
                        <div class="row-actions">
                            <button class="primary" data-testid="use-sample" on:click=move |_| {
                                let p = crate::sample::sample_plan(crate::web::random_seed());
                                accept(p.plan, Some(p.report));
                            }>"使用内置示例（万盛经开区 2024 年，31 项任务）"</button>
                            <label class="button">
                                "选择文件（Word / WPS / PDF / OFD / Excel 任务清单 / .txt / .json）"
                                <input type="file" accept=".txt,.docx,.doc,.wps,.pdf,.ofd,.xlsx,.json,text/plain" data-testid="template-file" hidden
                                    on:change=move |ev| {
                                        if let Some(f) = files::chosen(&ev) { read_file(f); }
                                    } />
                            </label>
                            <label>"责任单位读法 "
                                <select on:change=move |ev| convention.set(if event_target_value(&ev) == "unit" { Convention::FirstUnitLeads } else { Convention::FirstGroupLeads })>
                                    <option value="group">{Convention::FirstGroupLeads.label()}</option>
                                    <option value="unit">{Convention::FirstUnitLeads.label()}</option>
                                </select>
                            </label>
                        </div>
                        <p class="hint">"或把市里文件的全文粘贴到下面（从网站或 Word 复制均可），也可以把文件拖到这里。"</p>
                        <textarea class="paste" data-testid="paste-area" placeholder="在此粘贴文件全文……"
                            on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
                        <div class="row-actions">
                            <button class="primary" data-testid="parse-paste" on:click=move |_| {
                                let text = pasted.get_untracked();
                                if text.trim().is_empty() {
                                    error.set("没有内容：请先粘贴文件全文。".into());
                                } else if text.len() > MAX_PASTE {
                                    error.set(format!("粘贴的内容过大（{} MB），请分段粘贴或选择文件。", text.len() / 1_048_576));
                                } else {
                                    match crate::parse::parse_pasted(&text, &opts()) {
                                        Ok(p) => accept_sized(p.plan, Some(p.report), text.len()),
                                        Err(e) => error.set(e.to_string()),
                                    }
                                }
                            }>"识别粘贴的内容"</button>
                            <button class="link" on:click=move |_| ui.screen.set(Screen::Start)>"取消"</button>
                        </div>
                    </section>
                }.into_any(),
                Step::Preview => view! { <Preview template imported report step /> }.into_any(),
                Step::Data => view! { <super::docdata::DocData template
                    next=Callback::new(move |_| step.set(Step::Localize))
                    back=Callback::new(move |_| step.set(Step::Preview)) /> }.into_any(),
                Step::Localize => view! { <Localize template imported ui editor /> }.into_any(),
            }}
        </main>
    }
}

#[component]
fn Preview(
    template: RwSignal<Option<Plan>>,
    imported: RwSignal<Option<Plan>>,
    report: RwSignal<Option<ParseReport>>,
    step: RwSignal<Step>,
) -> impl IntoView {
    let ui = expect_context::<Ui>();
    let plan = template.get_untracked().unwrap_or_default();
    let r = report.get_untracked();
    let attachments: Vec<String> = plan
        .attachments
        .iter()
        .enumerate()
        .map(|(i, a)| format!("附件{}：{}", i + 1, a.title))
        .collect();
    view! {
        <section class="card" data-testid="preview">
            <div class="row-actions">
                <button class="primary" data-testid="confirm-template" on:click=move |_| { imported.set(template.get_untracked()); step.set(Step::Data) }>"确认，下一步"</button>
                <button class="link" data-testid="cancel-template" on:click=move |_| { template.set(None); step.set(Step::Source); }>"取消，重新选择"</button>
                <button class="link" on:click=move |_| ui.screen.set(Screen::Start)>"放弃"</button>
            </div>
            {r.map(|r| view! {
                <p class="report" data-testid="parse-summary">{r.summary()}</p>
                <super::recognized::Recognized template report=r.clone() />
                <Show when={let n = r.warnings.len(); move || n > 0}>
                    <details open class="warnings" data-testid="parse-warnings">
                        <summary>{format!("提示 {} 条", r.warnings.len())}</summary>
                        <ul>{r.warnings.iter().map(|w| view! { <li>{format!("第{}行：{}", w.line, w.text)}</li> }).collect_view()}</ul>
                    </details>
                </Show>
                <Show when={let n = r.removed.len(); move || n > 0}>
                    <details class="warnings">
                        <summary>{format!("已移除的网页杂项 {} 行", r.removed.len())}</summary>
                        <ul>{r.removed.iter().map(|w| view! { <li>{format!("第{}行：{}", w.line, w.text)}</li> }).collect_view()}</ul>
                    </details>
                </Show>
            })}
            <ul class="attachment-list">{attachments.into_iter().map(|a| view! { <li>{a}</li> }).collect_view()}</ul>
            <PlanOutline plan=plan />
        </section>
    }
}

#[component]
fn Localize(
    template: RwSignal<Option<Plan>>,
    imported: RwSignal<Option<Plan>>,
    ui: Ui,
    editor: Editor,
) -> impl IntoView {
    let settings = storage::settings();
    let rules: RwSignal<Vec<Rule>> = RwSignal::new(settings.rules);
    let district = RwSignal::new(settings.district);
    // Proposals whose tick the planner flipped from its default (ambiguous ones start
    // unticked), by what each proposal is: a rule change keeps the unchanged ones' ticks.
    let flipped: RwSignal<Flips> = RwSignal::new(Flips::default());
    let changes = Memo::new(move |_| {
        let d = district.get();
        let swap = imported.with(|i| i.as_ref().and_then(|i| organ::swap(&i.doc, &d)));
        let out = template.with(|t| {
            t.as_ref()
                .map(|p| localize::preview_for(p, &rules.get(), swap.as_ref()))
                .unwrap_or_default()
        });
        flipped.update_untracked(|f| f.retain_in(&out));
        out
    });
    // The template organ's own 抄送 list, which no rule can rewrite: shown for checking.
    let cc_note = Memo::new(move |_| {
        let d = district.get();
        imported.with(|i| {
            let i = i.as_ref()?;
            organ::swap(&i.doc, &d)?.cc_note(&i.doc)
        })
    });
    let create = move |apply: bool| {
        let (Some(t), Some(base)) = (template.get_untracked(), imported.get_untracked()) else {
            return;
        };
        let mut s = storage::settings();
        s.rules = rules.get_untracked();
        s.district = district.get_untracked().trim().to_string();
        storage::save_settings(&s);
        let mut ids = crate::model::IdGen::new(crate::web::random_seed());
        let mut prepared = t;
        if apply {
            let kept = flipped.with_untracked(|f| f.kept(&changes.get_untracked()));
            localize::apply(&mut prepared, &kept);
        }
        let draft = crate::edit::draft::from_prepared(&base, &prepared, &mut ids);
        super::start::open_plan(ui, editor, draft, 0);
    };
    view! {
        <section class="card" data-testid="localize">
            <p class="hint">"把市级文件改写为本区版本。替换表可以修改，会保存下来供下次使用；下面逐条列出将要改动的内容（整句显示），取消勾选即可保留原文。《》内的引用、引号中的名称和“市委……全会”等对市里的引用不会替换。"</p>
            <label class="field">
                <span>"本区县名称"</span>
                <input type="text" data-testid="district" placeholder="如：大足区" prop:value=move || district.get()
                    on:change=move |ev| district.set(event_target_value(&ev)) />
                <span class="muted small">"填写后，模板的发文机关（通知标题、发文字号、主送、署名、印发机关）一并换成本区的，逐条列在下面。"</span>
            </label>
            <table class="rules" data-testid="rules">
                <thead><tr><th>"启用"</th><th>"原文"</th><th>"替换为"</th><th></th></tr></thead>
                <tbody>
                    {move || rules.get().into_iter().enumerate().map(|(i, r)| view! {
                        <tr>
                            <td><input type="checkbox" prop:checked=r.enabled on:change=move |ev| rules.update(|v| v[i].enabled = event_target_checked(&ev)) /></td>
                            <td><input type="text" prop:value=r.from.clone() on:change=move |ev| rules.update(|v| v[i].from = event_target_value(&ev)) /></td>
                            <td><input type="text" prop:value=r.to.clone() on:change=move |ev| rules.update(|v| v[i].to = event_target_value(&ev)) /></td>
                            <td><button class="link" on:click=move |_| rules.update(|v| { v.remove(i); })>"删除"</button></td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <div class="row-actions">
                <button on:click=move |_| rules.update(|v| v.push(Rule { from: String::new(), to: String::new(), enabled: true }))>"添加一条替换"</button>
                <button class="link" on:click=move |_| rules.set(localize::default_rules())>"恢复默认"</button>
            </div>
            {move || cc_note.get().map(|n| view! { <p class="banner warn" data-testid="cc-note">{"⚠ "}{n}</p> })}
            <h3>{move || format!("建议改动 {} 处", changes.get().len())}</h3>
            <ul class="changes" data-testid="changes">
                {move || changes.get().into_iter().map(|c| {
                    let (pre, words, post) = c.in_sentence();
                    let on = c.default_on;
                    let field = match &c.target {
                        Target::Front(f) => format!("{}：", f.label()),
                        _ => String::new(),
                    };
                    let note = c.note.clone();
                    let tick = c.clone();
                    let toggle = c.clone();
                    view! {
                        <li data-testid="change" class:ambiguous=!on>
                            <input type="checkbox" data-testid="change-tick" prop:checked=move || flipped.with(|f| f.ticked(&tick))
                                on:change=move |_| flipped.update(|f| f.toggle(&toggle)) />
                            <b>{field}</b>
                            <span class="change-text" data-testid="change-sentence">{pre}<del data-testid="diff-removed">{words}</del><ins data-testid="diff-added">{c.to.clone()}</ins>{post}</span>
                            {(!on).then(|| view! { <span class="muted small">"（可能是有意保留的市级提法，默认不替换）"</span> })}
                            {(!note.is_empty()).then(|| view! { <p class="muted small" data-testid="change-note">{"⚠ "}{note}</p> })}
                        </li>
                    }
                }).collect_view()}
            </ul>
            <div class="row-actions">
                <button class="primary" data-testid="create-draft" on:click=move |_| create(true)>"应用替换并创建草稿"</button>
                <button data-testid="create-draft-plain" on:click=move |_| create(false)>"不替换，直接创建"</button>
            </div>
        </section>
    }
}
