//! The Leptos app: shell, start page and views. wasm32 only.
//!
//! Owns components and the reactive state passed by context. Deliberately holds no document
//! logic (that is the pure core) and no browser plumbing beyond what `crate::web` offers.

mod outline;

use crate::parse::Parsed;
use leptos::prelude::*;

/// Mount the app on `<body>`.
pub fn mount() {
    console_error_panic_hook_lite();
    leptos::mount::mount_to_body(App);
}

/// Report panics to the console (as errors the browser test sees) instead of failing silently.
fn console_error_panic_hook_lite() {
    std::panic::set_hook(Box::new(|info| {
        web_sys_console_error(&info.to_string());
    }));
}

fn web_sys_console_error(msg: &str) {
    leptos::logging::error!("{msg}");
}

#[component]
pub fn App() -> impl IntoView {
    let Parsed { plan, report } = crate::sample::sample_plan(crate::web::random_seed());
    let summary = report.summary();
    view! {
        <header class="app-header" data-testid="app-header">
            <div class="brand">
                <span class="logo" aria-hidden="true">"要"</span>
                <span class="name">"要点"</span>
                <span class="tagline">"安全生产与防灾减灾救灾工作要点编制"</span>
            </div>
            <span class="offline-note">"全部在本机浏览器中处理，不上传任何内容"</span>
        </header>
        <main class="start">
            <section class="intro">
                <h1>"内置示例模板"</h1>
                <p class="hint">
                    "下面是内置的示例：万盛经开区 2024 年工作要点（31 项任务）。编辑、导入和导出功能将在此基础上提供。"
                </p>
                <p class="report" data-testid="parse-summary">{summary}</p>
            </section>
            <outline::PlanOutline plan=plan />
        </main>
    }
}
