//! The convocation reaches a real SMTP server with a calendar file whose
//! events start at the right UTC instant.

use crate::sessions::support::enrolled_with_smtp;

/// The unfolded content lines of an iCalendar text (RFC 5545 §3.1).
pub fn ics_lines(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for raw in text.split("\r\n").flat_map(|l| l.split('\n')) {
        match (
            raw.strip_prefix(' ').or_else(|| raw.strip_prefix('\t')),
            lines.last_mut(),
        ) {
            (Some(rest), Some(last)) => last.push_str(rest),
            _ if raw.is_empty() => {}
            _ => lines.push(raw.to_owned()),
        }
    }
    lines
}

#[tokio::test]
async fn the_convocation_arrives_with_an_ics_in_utc() {
    // `_app` keeps the server (and its mail worker) running.
    let (smtp, _app, learner, _) = enrolled_with_smtp().await;

    let received = smtp.wait_for(1, 20).await;
    assert_eq!(received.len(), 1);
    let mail = &received[0];
    assert_eq!(
        mail.envelope_to.as_slice(),
        std::slice::from_ref(&learner.email)
    );
    assert!(mail.subject.contains("convocation"), "{}", mail.subject);
    assert!(
        mail.text.contains("mardi 16 avril 2030, 9 h 00 – 12 h 30"),
        "{}",
        mail.text
    );
    assert!(mail.text.contains("1 place d’Armes, Metz"));
    assert!(mail.html.contains("Salle &lt;Jury&gt;"), "{}", mail.html);
    assert_eq!(mail.attachments.len(), 1);
    let (name, content_type, content) = &mail.attachments[0];
    assert_eq!(name, "convocation.ics");
    assert_eq!(content_type, "text/calendar");
    let lines = ics_lines(std::str::from_utf8(content).expect("utf-8 calendar"));
    assert_eq!(lines.first().map(String::as_str), Some("BEGIN:VCALENDAR"));
    assert_eq!(lines.last().map(String::as_str), Some("END:VCALENDAR"));
    assert_eq!(lines.iter().filter(|l| *l == "BEGIN:VEVENT").count(), 2);
    // 09:00 in Metz on 16 April 2030 (summer time, UTC+2) is 07:00 UTC.
    let starts: Vec<&str> = lines
        .iter()
        .filter_map(|l| l.strip_prefix("DTSTART:"))
        .collect();
    assert_eq!(starts, ["20300416T070000Z", "20300416T120000Z"]);
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("LOCATION:") && l.contains("Metz"))
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("URL:https://visio.example.org/relais"))
    );
}
