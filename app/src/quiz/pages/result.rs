//! The result of a sent attempt: score, then each question with the answer
//! given, the expected answer and the explanation.

use crate::layout::Title;
use leptos::prelude::*;

use crate::quiz::types::{AttemptResult, format_percent};

fn points(p: f64) -> String {
    if p.fract() == 0.0 {
        format!("{p:.0}")
    } else {
        format!("{p:.2}").trim_end_matches('0').replace('.', ",")
    }
}

#[component]
pub fn ResultView(result: AttemptResult) -> impl IntoView {
    let verdict = if result.passed {
        "Réussi"
    } else {
        "Non réussi"
    };
    view! {
        <Title text=format!("Résultat — {}", result.quiz_title)/>
        <section class="page narrow">
            <nav aria-label="Fil d’Ariane" class="breadcrumb">
                <a href=format!("/quiz/{}", result.quiz_id)>{result.quiz_title.clone()}</a>
            </nav>
            <h1>{format!("Résultat — tentative n° {}", result.number)}</h1>
            {result.timed_out.then(|| view! {
                <p class="notice notice--error" role="status">"Le temps était écoulé : seules les réponses enregistrées avant la limite ont été notées."</p>
            })}
            <p class=if result.passed { "score score--passed" } else { "score" }>
                {format!("{verdict} : {} sur {} points ({}), seuil de réussite {} %.",
                    points(result.score), points(result.max), format_percent(result.percent), result.pass_mark_percent)}
            </p>
            <ol class="outcomes">
                {result.questions.iter().map(|q| view! {
                    <li class="outcome">
                        <h2 class="outcome__prompt">{q.prompt.clone()}</h2>
                        <p class=if q.correct { "badge badge--done" } else { "badge" }>
                            {format!("{} · {} / {} point(s)", if q.correct { "Bonne réponse" } else if q.points > 0.0 { "Réponse partielle" } else { "Réponse incorrecte" }, points(q.points), points(q.max))}
                        </p>
                        <h3>"Votre réponse"</h3>
                        {if q.given.is_empty() {
                            view! { <p>"Pas de réponse."</p> }.into_any()
                        } else {
                            view! { <ul>{q.given.iter().map(|g| view! { <li>{g.clone()}</li> }).collect_view()}</ul> }.into_any()
                        }}
                        <h3>"Réponse attendue"</h3>
                        <ul>{q.expected.iter().map(|e| view! { <li>{e.clone()}</li> }).collect_view()}</ul>
                        <h3>"Explication"</h3>
                        <p>{q.feedback.clone()}</p>
                    </li>
                }).collect_view()}
            </ol>
            <p><a href=format!("/quiz/{}", result.quiz_id)>"Retour au quiz"</a>" · "<a href=format!("/formations/{}", result.module_slug)>"Retour au module"</a></p>
        </section>
    }
}
