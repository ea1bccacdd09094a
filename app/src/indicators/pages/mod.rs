//! « Indicateurs » (`/coordination/indicateurs`, coordinator only): the
//! filter form (a GET form, so it works without JavaScript), then each group
//! of indicators with its definition, its chart and its data table, and the
//! exports.

mod charts;
mod table;

use crate::layout::Title;
use leptos::prelude::*;
use leptos_router::{components::Form, hooks::use_query_map};

use charts::{BarChart, LineChart, PairChart};
use table::DataTable;

use crate::indicators::api::indicators_dashboard;
use crate::indicators::rules::charts::{Shown, typology_rows};
use crate::indicators::rules::definitions as def;
use crate::indicators::rules::selection::{RawFilters, query};
use crate::indicators::rules::tables::{Table, tables};
use crate::indicators::types::Dashboard;
use crate::sessions::rules::Mode;

#[component]
pub fn IndicatorsPage() -> impl IntoView {
    let q = use_query_map();
    let raw = move || {
        let q = q.read();
        RawFilters {
            annee: q.get("annee").unwrap_or_default(),
            module: q.get("module").unwrap_or_default(),
            modalite: q.get("modalite").unwrap_or_default(),
            formateur: q.get("formateur").unwrap_or_default(),
        }
    };
    let data = Resource::new(raw, indicators_dashboard);
    view! {
        <Title text="Indicateurs"/>
        <section class="page">
            <h1>"Indicateurs du contrat local de santé"</h1>
            <Suspense fallback=|| view! { <p>"Calcul des indicateurs…"</p> }>
                {move || Suspend::new(async move {
                    data.await.map(|d| view! { <Body d/> }.into_any())
                })}
            </Suspense>
        </section>
    }
}

fn find<'a>(all: &'a [Table], name: &str) -> Option<&'a Table> {
    all.iter().find(|t| t.name == name)
}

#[component]
fn Body(d: Dashboard) -> impl IntoView {
    let all = tables(&d);
    let year = d.filters.year;
    let kept = query(&d.filters);
    let csv = move |name: &str| format!("/exports/indicateurs/{year}/{name}.csv{kept}");
    let section_tables = |names: &[&str]| -> Vec<(Table, String)> {
        names
            .iter()
            .filter_map(|n| find(&all, n).map(|t| (t.clone(), csv(n))))
            .collect()
    };
    let sessions_chart: Vec<Shown> = d
        .programme
        .iter()
        .map(|p| Shown::plain(p.module.clone(), p.held as f64))
        .collect();
    // Masked as in the table beside it.
    let sector_chart = typology_rows(&d.typology.sectors);
    let skills_chart: Vec<(String, f64, f64)> = d
        .skills
        .iter()
        .filter_map(|s| Some((s.objective.clone(), s.mean_before?, s.mean_after?)))
        .collect();
    let trend_chart: Vec<(i32, f64)> = d
        .trend
        .iter()
        .map(|r| (r.year, r.people_trained as f64))
        .collect();
    let crisis_trend: Vec<(i32, f64)> = d
        .trend
        .iter()
        .map(|r| (r.year, r.crisis_capable as f64))
        .collect();
    let c = &d.crisis;
    let crisis_sentence = format!(
        "{} personne(s) sur {} ayant répondu après la formation déclarent savoir prévenir et gérer une situation de crise (4 ou 5 sur 5) ; {} sont en progrès par rapport à leur auto-évaluation avant la formation.",
        c.capable, c.respondents, c.improved
    );
    let xlsx = format!("/exports/indicateurs/{year}.xlsx{}", query(&d.filters));
    let raw_csv = format!(
        "/exports/indicateurs/{year}/donnees.csv{}",
        query(&d.filters)
    );
    view! {
        <Filters d=d.clone()/>
        <p class="exports">
            <a href=xlsx download="">{format!("Télécharger tous les tableaux {year} (XLSX)")}</a>
            " "<a href=raw_csv download="" aria-describedby="definition-donnees">"Données anonymisées (CSV)"</a>
            " "<a href=format!("/exports/indicateurs/{year}/bilan.pdf{}", query(&d.filters)) download="">{format!("Bilan annuel {year} (PDF)")}</a>
        </p>
        <p id="definition-donnees" class="field-hint">{def::RAW}</p>
        <Group id="sessions" title="Sessions au regard du programme" definition=def::SESSIONS tables=section_tables(&["programme", "modalites", "annulations"])>
            <BarChart id="graphique-sessions".into() title=format!("Sessions réalisées en {year} par module") rows=sessions_chart/>
        </Group>
        <Group id="participation" title="Participation" definition=def::FUNNEL tables=section_tables(&["participation"])>
            <p class="field-hint">{def::TRAINED}" "{def::HOURS}</p>
        </Group>
        <Group id="typologie" title="Typologie des personnes formées" definition=def::TYPOLOGY tables=section_tables(&["secteurs", "professions", "structures"])>
            <BarChart id="graphique-secteurs".into() title=format!("Personnes formées en {year} par secteur") rows=sector_chart/>
        </Group>
        <Group id="competences" title="Compétences acquises par objectif" definition=def::SKILLS tables=section_tables(&["competences"])>
            <PairChart id="graphique-competences".into() title="Auto-évaluation moyenne avant et après la formation, par objectif (personnes ayant répondu aux deux)".into() rows=skills_chart/>
        </Group>
        <Group id="crise" title="Prévention et gestion des situations de crise" definition=def::CRISIS tables=section_tables(&["crise"])>
            <p class="key-figure">{crisis_sentence}</p>
        </Group>
        <Group id="satisfaction" title="Satisfaction" definition=def::SATISFACTION tables=section_tables(&["satisfaction"])/>
        <Group id="partenaires" title="Partenaires impliqués" definition=def::PARTNERS tables=section_tables(&["partenaires"])/>
        <Group id="evolution" title="Évolution par année" definition=def::TREND tables=section_tables(&["evolution"])>
            <LineChart id="graphique-evolution".into() title="Personnes formées par année".into() points=trend_chart/>
            <LineChart id="graphique-evolution-crise".into() title="Personnes déclarant savoir prévenir et gérer une crise, par année".into() points=crisis_trend/>
        </Group>
    }
    .into_any()
}

#[component]
fn Group(
    id: &'static str,
    title: &'static str,
    definition: &'static str,
    tables: Vec<(Table, String)>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let heading = format!("{id}-titre");
    let labelled = heading.clone();
    view! {
        <section class="indicator-group" aria-labelledby=labelled>
            <h2 id=heading>{title}</h2>
            <p class="definition">{definition}</p>
            {children.map(|c| c())}
            {tables.into_iter().map(|(t, href)| view! { <DataTable table=t href/> }).collect_view()}
        </section>
    }
}

#[component]
fn Filters(d: Dashboard) -> impl IntoView {
    let f = d.filters.clone();
    view! {
        <Form method="GET" action="">
            <fieldset class="filters">
                <legend>"Choisir l’année et filtrer"</legend>
                <label for="filtre-annee">"Année de programme"</label>
                <select id="filtre-annee" name="annee">
                    {d.options.years.iter().map(|y| view! {
                        <option value=*y selected=*y == f.year>{*y}</option>
                    }).collect_view()}
                </select>
                <label for="filtre-module">"Module"</label>
                <select id="filtre-module" name="module">
                    <option value="">"Tous les modules"</option>
                    {d.options.modules.iter().map(|(id, title)| view! {
                        <option value=*id selected=f.module_id == Some(*id)>{title.clone()}</option>
                    }).collect_view()}
                </select>
                <label for="filtre-modalite">"Modalité"</label>
                <select id="filtre-modalite" name="modalite">
                    <option value="">"Toutes les modalités"</option>
                    {Mode::ALL.into_iter().map(|m| view! {
                        <option value=m.code() selected=f.mode.as_deref() == Some(m.code())>{m.label()}</option>
                    }).collect_view()}
                </select>
                <label for="filtre-formateur">"Formateur ou formatrice"</label>
                <select id="filtre-formateur" name="formateur">
                    <option value="">"Toutes et tous"</option>
                    {d.options.trainers.iter().map(|(id, name)| view! {
                        <option value=*id selected=f.trainer_id == Some(*id)>{name.clone()}</option>
                    }).collect_view()}
                </select>
                <button type="submit">"Afficher"</button>
            </fieldset>
        </Form>
    }
}
