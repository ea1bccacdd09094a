//! What a document is made from: a named Typst source.

/// A Typst template: a file name (for diagnostics and the document
/// identifier) and its source, usually `include_str!`'d.
#[derive(Debug, Clone, Copy)]
pub struct Template {
    pub name: &'static str,
    pub source: &'static str,
}
