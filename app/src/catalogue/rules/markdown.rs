//! Lessons are written in Markdown by trainers and rendered on the server only:
//! pulldown-cmark turns them into HTML, then ammonia keeps what a lesson needs
//! (headings, lists, emphasis, tables, links, images) and drops anything that
//! could run in the reader's browser (scripts, event handlers, `javascript:` URLs).

use ammonia::Builder;
use pulldown_cmark::{Options, Parser, html};

/// Safe HTML for a lesson body, ready to be inserted as-is in the page.
pub fn render(markdown: &str) -> String {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    let mut unsafe_html = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut unsafe_html, Parser::new_ext(markdown, options));
    Builder::default()
        .url_schemes(["http", "https", "mailto", "tel"].into())
        .clean(&unsafe_html)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::render;

    #[test]
    fn markdown_becomes_html() {
        let html =
            render("### Titre\n\n- **gras** et *italique*\n- [Psycom](https://www.psycom.org)");
        assert!(html.contains("<h3>Titre</h3>"), "{html}");
        assert!(html.contains("<strong>gras</strong>"), "{html}");
        assert!(html.contains("<em>italique</em>"), "{html}");
        assert!(
            html.contains(
                r#"<a href="https://www.psycom.org" rel="noopener noreferrer">Psycom</a>"#
            ),
            "{html}"
        );
    }

    #[test]
    fn images_and_phone_links_are_kept() {
        let html =
            render("![Plan du CMP](https://example.org/plan.png)\n\n[Appeler le 3114](tel:3114)");
        assert!(
            html.contains(r#"<img src="https://example.org/plan.png" alt="Plan du CMP">"#),
            "{html}"
        );
        assert!(html.contains(r#"href="tel:3114""#), "{html}");
    }

    #[test]
    fn scripts_and_handlers_never_survive() {
        let html = render(
            "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[clic](javascript:alert(1))\n\n<iframe src=\"https://evil.example\"></iframe>",
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("alert(1)</"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(!html.contains("<iframe"), "{html}");
    }

    #[test]
    fn tables_render() {
        let html = render("| Numéro | Pour |\n|---|---|\n| 15 | Urgence vitale |");
        assert!(
            html.contains("<table>") && html.contains("<td>15</td>"),
            "{html}"
        );
    }
}
