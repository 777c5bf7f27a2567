//! Long lists rendered in part, so that a 1000-task plan opens, edits and switches tabs as
//! fast as a short one.
//!
//! - `Window` (the outline): only the rows on screen plus a margin are in the page; two
//!   spacers stand for the rest, sized from each row's measured height (estimated until the
//!   row was once on screen). `reveal` brings any row, rendered or not, into view.
//! - `Growing` (the read-only views): the first rows are rendered, more as the reader scrolls
//!   towards the end, and everything before printing (`beforeprint`).
//!
//! Owns which rows are rendered and the scroll, resize and print listeners behind that.
//! Deliberately knows nothing of items, numbers or views: callers pass keys and estimates.

use leptos::ev;
use leptos::prelude::*;
use std::collections::HashMap;
use wasm_bindgen::JsCast;

/// At least this many rows are rendered: a plan of this size is in the page whole (and the
/// browser's own find-in-page sees all of it).
const MIN_ROWS: usize = 60;
/// Rows rendered beyond each edge of the screen.
const MARGIN: usize = 20;
/// Rows the screen may come near the edge of the rendered part before it moves.
const SLACK: usize = 4;

fn window() -> web_sys::Window {
    web_sys::window().expect("window")
}

fn inner_height() -> i32 {
    window()
        .inner_height()
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(800.0) as i32
}

#[derive(Clone, Copy)]
pub struct Window {
    /// The rendered rows: `start..end`.
    pub range: RwSignal<(usize, usize)>,
    /// Heights of the spacers above and below the rendered rows, in pixels.
    pub pads: RwSignal<(i32, i32)>,
    /// Every row's key and estimated height, in order.
    rows: StoredValue<Vec<(String, i32)>>,
    /// Measured heights by key.
    heights: StoredValue<HashMap<String, i32>>,
    root: NodeRef<leptos::html::Div>,
    scheduled: StoredValue<bool>,
}

impl Window {
    /// A window over the rows inside `root` (each rendered row carries `data-vkey`). Listens to
    /// scrolling and resizing for as long as the calling component lives.
    pub fn new(root: NodeRef<leptos::html::Div>) -> Self {
        let w = Self {
            range: RwSignal::new((0, 0)),
            pads: RwSignal::new((0, 0)),
            rows: StoredValue::new(Vec::new()),
            heights: StoredValue::new(HashMap::new()),
            root,
            scheduled: StoredValue::new(false),
        };
        let a = window_event_listener(ev::scroll, move |_| w.schedule());
        let b = window_event_listener(ev::resize, move |_| w.schedule());
        on_cleanup(move || {
            a.remove();
            b.remove();
        });
        w
    }

    /// The list changed (an edit, undo, a new plan): keep the window where it is.
    pub fn set_rows(&self, rows: Vec<(String, i32)>) {
        let n = rows.len();
        self.rows.set_value(rows);
        let (s, e) = self.range.get_untracked();
        let e = e.max(s + MIN_ROWS).min(n);
        let s = s.min(e.saturating_sub(MIN_ROWS));
        self.set_range(s, e);
        self.schedule();
    }

    fn height(&self, i: usize) -> i32 {
        self.rows.with_value(|r| {
            let (key, est) = &r[i];
            self.heights
                .with_value(|h| h.get(key).copied().unwrap_or(*est))
        })
    }

    fn set_range(&self, s: usize, e: usize) {
        let n = self.rows.with_value(Vec::len);
        let top = (0..s).map(|i| self.height(i)).sum();
        let bottom = (e..n).map(|i| self.height(i)).sum();
        if self.range.get_untracked() != (s, e) {
            self.range.set((s, e));
        }
        if self.pads.get_untracked() != (top, bottom) {
            self.pads.set((top, bottom));
        }
    }

    /// Recompute on the next frame (scrolling fires far more often than frames are drawn).
    pub fn schedule(&self) {
        if self.scheduled.get_value() {
            return;
        }
        self.scheduled.set_value(true);
        let w = *self;
        request_animation_frame(move || {
            // The list may be gone by the next frame (another tab, another screen).
            if w.root.try_get_untracked().is_none() {
                return;
            }
            w.scheduled.set_value(false);
            w.update();
        });
    }

    /// Measure the rendered rows, then move the window if the screen nears its edge.
    fn update(&self) {
        let Some(root) = self.root.get_untracked() else {
            return;
        };
        if let Ok(list) = root.query_selector_all("[data-vkey]") {
            self.heights.update_value(|h| {
                for i in 0..list.length() {
                    let Some(el) = list
                        .item(i)
                        .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
                    else {
                        continue;
                    };
                    if let Some(key) = el.get_attribute("data-vkey") {
                        h.insert(key, el.offset_height());
                    }
                }
            });
        }
        let n = self.rows.with_value(Vec::len);
        // The screen, in pixels from the top of the list.
        let top = -(root.get_bounding_client_rect().top() as i32);
        let bottom = top + inner_height();
        let (mut first, mut last, mut y) = (n, n, 0);
        for i in 0..n {
            let h = self.height(i);
            if first == n && y + h > top {
                first = i;
            }
            if y >= bottom {
                last = i;
                break;
            }
            y += h;
        }
        let first = first.min(n);
        let last = last.max(first);
        let (s, e) = self.range.get_untracked();
        let covered = s <= first.saturating_sub(SLACK) && e >= (last + SLACK).min(n);
        if covered {
            self.set_range(s, e);
            return;
        }
        let (s, e) = around(first, last, n);
        self.set_range(s, e);
        // Rows just rendered get measured on the next frame.
        self.schedule();
    }

    /// Make row `i` rendered and bring it on screen (roughly; the caller scrolls the real
    /// element into view once it is in the page).
    pub fn reveal(&self, i: usize) {
        let n = self.rows.with_value(Vec::len);
        if i >= n {
            return;
        }
        let (s, e) = self.range.get_untracked();
        if s <= i && i < e {
            return;
        }
        let (s, e) = around(i, i + 1, n);
        self.set_range(s, e);
        if let Some(root) = self.root.get_untracked() {
            let y: i32 = (0..i).map(|j| self.height(j)).sum();
            let doc_top = root.get_bounding_client_rect().top() as i32
                + window().scroll_y().unwrap_or(0.0) as i32;
            window().scroll_to_with_x_and_y(0.0, (doc_top + y - inner_height() / 3).max(0) as f64);
        }
    }
}

/// The rows to render for a screen showing rows `first..last` of `n`.
fn around(first: usize, last: usize, n: usize) -> (usize, usize) {
    let mut s = first.saturating_sub(MARGIN);
    let e = (last + MARGIN).max(s + MIN_ROWS).min(n);
    if e - s < MIN_ROWS {
        s = e.saturating_sub(MIN_ROWS);
    }
    (s, e)
}

/// Rows of a read-only view rendered so far: the first `STEP`, then `STEP` more whenever the
/// end comes within two screens; all of them before printing.
pub const STEP: usize = 200;

#[derive(Clone, Copy)]
pub struct Growing {
    pub shown: RwSignal<usize>,
    /// An empty element after the list: how far it is below the screen decides growing.
    pub end: NodeRef<leptos::html::Div>,
}

impl Growing {
    pub fn new() -> Self {
        let g = Self {
            shown: RwSignal::new(STEP),
            end: NodeRef::new(),
        };
        let a = window_event_listener(ev::scroll, move |_| g.check());
        let b = window_event_listener(ev::beforeprint, move |_| g.shown.set(usize::MAX));
        on_cleanup(move || {
            a.remove();
            b.remove();
        });
        // The first rows may not fill the screen.
        request_animation_frame(move || g.check());
        g
    }

    fn check(&self) {
        let Some(end) = self.end.try_get_untracked().flatten() else {
            return;
        };
        if (end.get_bounding_client_rect().top() as i32) < 2 * inner_height() {
            let g = *self;
            if g.shown.get_untracked() != usize::MAX {
                g.shown.update(|n| *n += STEP);
                request_animation_frame(move || g.check());
            }
        }
    }

    /// Render everything now (before printing from the app's own button).
    pub fn all(&self) {
        self.shown.set(usize::MAX);
    }

    /// `len` rows in chunks of `STEP`; a chunk is rendered once `shown` reaches it and is not
    /// rendered again as more chunks follow. `offset` is the index of the first row among all
    /// the view's lists (the document has one per body).
    pub fn chunks<V, F>(&self, offset: usize, len: usize, render: F) -> impl IntoView + use<V, F>
    where
        V: IntoView + 'static,
        F: Fn(std::ops::Range<usize>) -> V + Clone + Send + Sync + 'static,
    {
        let shown = self.shown;
        (0..len.div_ceil(STEP))
            .map(|c| {
                let render = render.clone();
                let range = c * STEP..((c + 1) * STEP).min(len);
                let on = Memo::new(move |_| shown.get() > offset + c * STEP);
                move || on.get().then(|| render(range.clone()))
            })
            .collect_view()
    }
}
