//! Space: « Mon espace », each person's home page.

mod homes;
