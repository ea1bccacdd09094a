//! The certificate number.

/// « RELAIS-2026-000123 »: the year of the first issue and a sequence
/// (the certificate's row id, unique across years). Six digits at least, so
/// numbers sort and read alike; a seventh appears past 999 999.
pub fn certificate_number(year: i32, sequence: i32) -> String {
    format!("RELAIS-{year}-{sequence:06}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_carry_the_year_and_six_digits() {
        assert_eq!(certificate_number(2026, 123), "RELAIS-2026-000123");
        assert_eq!(certificate_number(2030, 1), "RELAIS-2030-000001");
        assert_eq!(certificate_number(2026, 1_234_567), "RELAIS-2026-1234567");
        assert_ne!(certificate_number(2026, 12), certificate_number(2026, 120));
    }
}
