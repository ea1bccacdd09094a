//! When to try again after a transient failure: exponential backoff with
//! jitter, so that messages failing together do not retry together.

use std::time::Duration;

/// The delay after the `attempts`-th failed attempt (1 for the first):
/// `base · 2^(attempts-1)` capped at `max`, of which the second half is random
/// ("equal jitter": never less than half the nominal delay).
pub fn delay(attempts: i32, base: Duration, max: Duration, random: f64) -> Duration {
    let exponent = u32::try_from(attempts.saturating_sub(1))
        .unwrap_or(0)
        .min(30);
    let nominal = base.saturating_mul(1 << exponent).min(max);
    let half = nominal / 2;
    half + half.mul_f64(random.clamp(0.0, 1.0))
}

/// [`delay`] with a fresh random factor.
pub fn jittered(attempts: i32, base: Duration, max: Duration) -> Duration {
    delay(attempts, base, max, rand::random::<f64>())
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: Duration = Duration::from_secs(5);
    const MAX: Duration = Duration::from_secs(3600);

    #[test]
    fn the_delay_doubles_between_half_and_full() {
        assert_eq!(delay(1, BASE, MAX, 0.0), Duration::from_millis(2500));
        assert_eq!(delay(1, BASE, MAX, 1.0), BASE);
        assert_eq!(delay(2, BASE, MAX, 1.0), Duration::from_secs(10));
        assert_eq!(delay(4, BASE, MAX, 1.0), Duration::from_secs(40));
        let d = jittered(3, BASE, MAX);
        assert!(
            d >= Duration::from_secs(10) && d <= Duration::from_secs(20),
            "{d:?}"
        );
    }

    #[test]
    fn the_delay_is_capped_and_never_overflows() {
        assert_eq!(delay(12, BASE, MAX, 1.0), MAX);
        assert_eq!(delay(i32::MAX, BASE, MAX, 1.0), MAX);
        assert_eq!(delay(0, BASE, MAX, 1.0), BASE);
        assert_eq!(delay(-3, BASE, MAX, 1.0), BASE);
    }
}
