//! Small building blocks shared by every form: a labelled field (or a label
//! with its hint for another control), the message area that announces the
//! result of a server action, and the success notices a redirect names.

use leptos::prelude::*;

use crate::error::AppError;

/// A label and its input, tied by `id`. `name` is the server-function field.
#[component]
pub fn Field(
    id: &'static str,
    label: &'static str,
    name: &'static str,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(default = false)] required: bool,
    #[prop(optional, into)] value: Option<String>,
) -> impl IntoView {
    let hint_id = format!("{id}-aide");
    view! {
        <FieldLabel id label hint required/>
        <input
            id=id
            name=name
            type=kind
            autocomplete=autocomplete
            required=required
            value=value
            aria-describedby=hint.map(|_| hint_id.clone())
        />
    }
}

/// The label of the control `id` and, if any, its hint, whose id is `{id}-aide`
/// (the control's `aria-describedby`): for controls other than [`Field`]'s input.
#[component]
pub fn FieldLabel(
    id: &'static str,
    label: &'static str,
    #[prop(into, default = None)] hint: Option<&'static str>,
    #[prop(default = false)] required: bool,
) -> impl IntoView {
    view! {
        <label for=id>{label}{required.then_some(" (obligatoire)")}</label>
        {hint.map(|h| view! { <p class="field-hint" id=format!("{id}-aide")>{h}</p> })}
    }
}

/// The outcome of the last submission of a form: an error (announced) or nothing.
#[component]
pub fn ActionError(#[prop(into)] result: Signal<Option<Result<(), AppError>>>) -> impl IntoView {
    view! {
        <div aria-live="assertive">
            {move || match result.get() {
                Some(Err(e)) => Some(view! { <p class="notice notice--error" role="alert">{e.to_string()}</p> }),
                _ => None,
            }}
        </div>
    }
}

/// Where a form's server function sends the browser once it is done:
/// `path` with `param` in the query, which the page shows as a notice.
pub fn done(path: &str, param: &str) -> String {
    let separator = if path.contains('?') { '&' } else { '?' };
    format!("{path}{separator}{param}=1")
}

/// Shows `text` as a success notice while the URL holds `param` (the
/// redirect of a form that posted, with or without JavaScript).
#[component]
pub fn QueryNotice(param: &'static str, text: &'static str) -> impl IntoView {
    let query = leptos_router::hooks::use_query_map();
    let shown = move || query.read().get(param).is_some();
    view! {
        <Show when=shown>
            <p class="notice notice--ok" role="status">{text}</p>
        </Show>
    }
}

/// One [`QueryNotice`] per `(param, text)` of a page's forms.
#[component]
pub fn QueryNotices(list: &'static [(&'static str, &'static str)]) -> impl IntoView {
    list.iter()
        .map(|(param, text)| view! { <QueryNotice param=*param text=*text/> })
        .collect_view()
}

/// The outcome of a page's form: `text` as a success notice while the URL
/// holds `param`, then the error of the form's last submission, if any.
#[component]
pub fn FormOutcome(
    param: &'static str,
    text: &'static str,
    #[prop(into)] result: Signal<Option<Result<(), AppError>>>,
) -> impl IntoView {
    view! {
        <QueryNotice param text/>
        <ActionError result/>
    }
}

#[cfg(test)]
mod tests {
    use super::done;

    #[test]
    fn the_notice_joins_the_query() {
        assert_eq!(done("/atelier", "archive"), "/atelier?archive=1");
        assert_eq!(
            done("/atelier?vue=2", "archive"),
            "/atelier?vue=2&archive=1"
        );
    }
}
