//! A quiz's results as CSV: every learner of the year, then every question.

use crate::error::AppError;
use crate::quiz::types::QuizResults;

/// The results as CSV (two tables, one after the other; see
/// [`crate::export::csv_writer`]), cells neutralised.
pub fn results_csv(results: &QuizResults) -> Result<Vec<u8>, AppError> {
    use crate::export::csv_cell;
    let mut out = crate::export::csv_writer();
    let mut write = |row: Vec<String>| {
        out.write_record(row.iter().map(|c| csv_cell(c)))
            .map_err(AppError::internal)
    };
    write(vec![
        "Personne".into(),
        "Structure".into(),
        format!("Leçons terminées (sur {})", results.lessons_total),
        "Tentatives".into(),
        "Meilleur score (%)".into(),
        "Réussi".into(),
    ])?;
    for l in &results.learners {
        write(vec![
            l.name.clone(),
            l.structure.clone().unwrap_or_default(),
            l.lessons_done.to_string(),
            l.attempts.to_string(),
            l.best_percent
                .map(|p| format!("{p:.1}"))
                .unwrap_or_default(),
            if l.passed { "oui" } else { "non" }.into(),
        ])?;
    }
    write(vec![])?;
    write(vec![
        "Question".into(),
        "Énoncé".into(),
        "Objectif".into(),
        "Réponses".into(),
        "Bonnes réponses".into(),
        "Part de bonnes réponses (%)".into(),
    ])?;
    for q in &results.questions {
        write(vec![
            q.position.to_string(),
            q.prompt.clone(),
            q.objective.clone().unwrap_or_default(),
            q.attempts.to_string(),
            q.correct.to_string(),
            q.share_correct()
                .map(|p| format!("{p:.1}"))
                .unwrap_or_default(),
        ])?;
    }
    out.into_inner()
        .map_err(|e| AppError::internal(e.into_error()))
}
