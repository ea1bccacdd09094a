//! Small building blocks shared by every form: a labelled field (or a label
//! with its hint for another control), and the message area that announces the result of a server action.

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
