//! Reading downloads back: the words of a PDF, whatever its line breaks.

/// The text of `pdf` as single-spaced words.
pub fn pdf_words(pdf: &[u8]) -> String {
    pdf_extract::extract_text_from_mem(pdf)
        .expect("text")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
