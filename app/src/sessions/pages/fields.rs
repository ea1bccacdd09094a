//! The fields of the session form, shared by « Planifier » and « Modifier »:
//! every field labelled, slots as up to four plain rows (no script needed).

use leptos::prelude::*;

use crate::sessions::rules::{HalfDay, Mode};
use crate::sessions::types::{FormOptions, SLOT_ROWS, SessionForm, SlotForm};

#[component]
pub fn SessionFields(options: FormOptions, values: SessionForm) -> impl IntoView {
    let v = values.clone();
    let text = |id: &'static str,
                label: &'static str,
                value: String,
                required: bool,
                hint: Option<&'static str>| {
        let hint_id = format!("{id}-aide");
        view! {
            <label for=id>{label}{required.then_some(" (obligatoire)")}</label>
            {hint.map(|h| view! { <p class="field-hint" id=hint_id.clone()>{h}</p> })}
            <input id=id name=format!("input[{id}]") value=value required=required
                aria-describedby=hint.map(|_| hint_id.clone())/>
        }
    };
    let trainers = [
        v.trainer_1.clone(),
        v.trainer_2.clone(),
        v.trainer_3.clone(),
    ];
    let slots: [SlotForm; SLOT_ROWS] = values.slots().map(Clone::clone);
    view! {
        <input type="hidden" name="input[session_id]" value=v.session_id.clone()/>
        <label for="module_id">"Module (obligatoire)"</label>
        <select id="module_id" name="input[module_id]" required>
            <option value="">"Choisir un module"</option>
            {options.modules.iter().map(|m| view! {
                <option value=m.id selected=v.module_id == m.id.to_string()>{m.label.clone()}</option>
            }).collect_view()}
        </select>
        {text("title", "Titre de la session", v.title.clone(), true, None)}
        <fieldset>
            <legend>"Modalité (obligatoire)"</legend>
            {Mode::ALL.into_iter().map(|m| {
                let id = format!("mode-{}", m.code());
                view! {
                    <p>
                        <input type="radio" id=id.clone() name="input[mode]" value=m.code() checked=v.mode == m.code()/>
                        <label for=id>{m.label()}</label>
                    </p>
                }
            }).collect_view()}
        </fieldset>
        {text("place_address", "Adresse", v.place_address.clone(), false, Some("Obligatoire en présentiel et en hybride."))}
        {text("place_room", "Salle", v.place_room.clone(), false, None)}
        {text("visio_url", "Lien de visioconférence", v.visio_url.clone(), false, Some("Obligatoire à distance et en hybride ; commence par https://."))}
        <label for="capacity">"Capacité, en places (obligatoire)"</label>
        <input id="capacity" name="input[capacity]" type="number" min="1" max="1000" required value=v.capacity.clone()/>
        <label for="programme_year">"Année du programme (obligatoire)"</label>
        <input id="programme_year" name="input[programme_year]" type="number" min="2000" max="2200" required value=v.programme_year.clone()/>
        <label for="enrolment_deadline">"Date limite d’inscription (facultative, heure de Paris)"</label>
        <input id="enrolment_deadline" name="input[enrolment_deadline]" type="datetime-local" value=v.enrolment_deadline.clone()/>
        <fieldset>
            <legend>"Formateur·rices"</legend>
            <p class="field-hint">"Si vous êtes formateur·rice, vous animez d’office les sessions que vous planifiez."</p>
            {trainers.into_iter().enumerate().map(|(i, chosen)| {
                let id = format!("trainer_{}", i + 1);
                view! {
                    <label for=id.clone()>{format!("Formateur·rice {}", i + 1)}</label>
                    <select id=id.clone() name=format!("input[{id}]")>
                        <option value="">"—"</option>
                        {options.trainers.iter().map(|t| view! {
                            <option value=t.id selected=chosen == t.id.to_string()>{t.label.clone()}</option>
                        }).collect_view()}
                    </select>
                }
            }).collect_view()}
        </fieldset>
        <fieldset>
            <legend>"Créneaux (au moins un)"</legend>
            <p class="field-hint">"Heures par défaut : matin 9 h 00 – 12 h 30, après-midi 13 h 30 – 17 h 00 (heure de Paris)."</p>
            {slots.into_iter().enumerate().map(|(i, s)| {
                let n = i + 1;
                let id = |f: &str| format!("slot_{n}-{f}");
                let name = |f: &str| format!("input[slot_{n}][{f}]");
                view! {
                    <fieldset class="slot-row">
                        <legend>{format!("Créneau {n}")}</legend>
                        <label for=id("day")>"Date"</label>
                        <input id=id("day") name=name("day") type="date" value=s.day.clone()/>
                        <label for=id("half_day")>"Demi-journée"</label>
                        <select id=id("half_day") name=name("half_day")>
                            {HalfDay::ALL.into_iter().map(|h| view! {
                                <option value=h.code() selected=s.half_day == h.code()>{h.label()}</option>
                            }).collect_view()}
                        </select>
                        <label for=id("start")>"Début (facultatif)"</label>
                        <input id=id("start") name=name("start") type="time" value=s.start.clone()/>
                        <label for=id("end")>"Fin (facultative)"</label>
                        <input id=id("end") name=name("end") type="time" value=s.end.clone()/>
                    </fieldset>
                }
            }).collect_view()}
        </fieldset>
    }
}
