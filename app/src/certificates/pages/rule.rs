//! The eligibility rule form: minimum attendance and optional conditions.

use leptos::prelude::*;

use crate::certificates::api::SetCertificateRule;
use crate::certificates::types::RuleView;
use crate::forms::{ActionError, FieldLabel};

#[component]
pub fn RuleForm(
    session_id: i32,
    rule: RuleView,
    action: ServerAction<SetCertificateRule>,
) -> impl IntoView {
    let saved = move || matches!(action.value().get(), Some(Ok(())));
    view! {
        <section aria-labelledby="regle-titre">
            <h2 id="regle-titre">"Règle d’éligibilité"</h2>
            <ActionForm action>
                <input type="hidden" name="input[session_id]" value=session_id/>
                <FieldLabel id="presence-min" label="Présence minimale (en % des demi-journées)"
                    hint="100 : toutes les demi-journées. Présent·e et en retard comptent comme suivies ; une absence excusée ne compte pas."/>
                <input
                    id="presence-min"
                    name="input[min_attendance_percent]"
                    type="number"
                    min="0"
                    max="100"
                    step="1"
                    required
                    aria-describedby="presence-min-aide"
                    value=rule.min_attendance_percent.to_string()
                />
                <p>
                    <input type="checkbox" id="quiz-reussi" name="input[requires_quiz_passed]" value="true" checked=rule.requires_quiz_passed/>
                    <label for="quiz-reussi">"Quiz du module réussi"</label>
                </p>
                <p>
                    <input type="checkbox" id="auto-eval-apres" name="input[requires_post_assessment]" value="true" checked=rule.requires_post_assessment/>
                    <label for="auto-eval-apres">"Auto-évaluation d’après formation remplie"</label>
                </p>
                <button type="submit">"Enregistrer la règle"</button>
            </ActionForm>
            <div aria-live="polite">
                {move || saved().then(|| view! { <p class="notice notice--ok">"Règle enregistrée."</p> })}
            </div>
            <ActionError result=Signal::derive(move || action.value().get())/>
        </section>
    }
}
