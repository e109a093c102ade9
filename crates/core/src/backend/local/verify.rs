//! The checks of two consecutive authentication codes, for enabling and
//! resynchronising a device.
//!
//! A device proves itself with the codes of two consecutive time steps,
//! `t` and `t + 1`. The emulator looks for such a pair with `t + 1` close
//! to the step the device should be showing now: the server's step plus
//! the drift remembered for that device. Enabling allows one step either
//! way, so the previous and current codes pass, and so do the current and
//! next ones, also when the call lands just after a step boundary.
//! Resynchronising looks minutes either way and reports the drift found.

use std::time::SystemTime;

use crate::totp::{Key, step_at};

/// How far from the expected step the second code of an enable may be.
pub(super) const ENABLE_WINDOW_STEPS: i64 = 1;

/// How far from the expected step the second code of a resync may be:
/// ten steps of 30 seconds, five minutes either way.
pub(super) const RESYNC_WINDOW_STEPS: i64 = 10;

/// The drift that a pair of codes shows, in steps, when the second code
/// is the code of a step within `window` steps of `now`'s step plus
/// `drift`; the candidate closest to that step wins. `None` when no step in
/// the window matches.
pub(super) fn find_drift(
    key: &Key,
    now: SystemTime,
    drift: i64,
    window: i64,
    code1: &str,
    code2: &str,
) -> Option<i64> {
    let now_step = i64::try_from(step_at(now)).unwrap_or(i64::MAX / 2);
    let expected = now_step.saturating_add(drift);
    let mut offsets = vec![0];
    for distance in 1..=window {
        offsets.push(-distance);
        offsets.push(distance);
    }
    offsets.into_iter().find_map(|offset| {
        let second = expected.checked_add(offset)?;
        let first = u64::try_from(second.checked_sub(1)?).ok()?;
        let matches = key.matches(first, code1) && key.matches(first + 1, code2);
        matches.then(|| second - now_step)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, UNIX_EPOCH};

    fn key() -> Key {
        Key::from_bytes(b"12345678901234567890")
    }

    fn codes(step: u64) -> (String, String) {
        let key = key();
        let first = key.code_at_step(step).as_str().to_owned();
        let second = key.code_at_step(step + 1).as_str().to_owned();
        (first, second)
    }

    fn at(seconds: u64) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(seconds)
    }

    fn enable(now: SystemTime, pair_from: u64) -> Option<i64> {
        let (c1, c2) = codes(pair_from);
        find_drift(&key(), now, 0, ENABLE_WINDOW_STEPS, &c1, &c2)
    }

    #[test]
    fn enable_takes_previous_and_current_or_current_and_next() {
        let now = at(1000 * 30 + 15);
        assert_eq!(enable(now, 999), Some(0));
        assert_eq!(enable(now, 1000), Some(1));
        assert_eq!(enable(now, 998), Some(-1));
        assert_eq!(enable(now, 997), None);
        assert_eq!(enable(now, 1001), None);
    }

    #[test]
    fn enable_window_edges_across_a_step_boundary() {
        let codes_made_at = 1000;
        let last_second_of_step = at(1000 * 30 + 29);
        let first_second_of_next = at(1001 * 30);
        let first_second_after_that = at(1002 * 30);
        assert!(enable(last_second_of_step, codes_made_at - 1).is_some());
        assert!(enable(first_second_of_next, codes_made_at - 1).is_some());
        assert!(enable(first_second_after_that, codes_made_at - 1).is_none());
    }

    #[test]
    fn the_codes_must_be_in_order_and_consecutive() {
        let now = at(1000 * 30);
        let (c1, c2) = codes(999);
        assert_eq!(find_drift(&key(), now, 0, 1, &c2, &c1), None);
        let (skip, _) = codes(997);
        assert_eq!(find_drift(&key(), now, 0, 1, &skip, &c2), None);
    }

    #[test]
    fn resync_finds_the_drift_within_minutes() {
        let now = at(5000 * 30);
        let (c1, c2) = codes(5000 + 7);
        let drift = find_drift(&key(), now, 0, RESYNC_WINDOW_STEPS, &c1, &c2);
        assert_eq!(drift, Some(8));
        let (c1, c2) = codes(5000 + 10);
        assert_eq!(
            find_drift(&key(), now, 0, RESYNC_WINDOW_STEPS, &c1, &c2),
            None
        );
        let (c1, c2) = codes(5000 - 11);
        assert_eq!(
            find_drift(&key(), now, 0, RESYNC_WINDOW_STEPS, &c1, &c2),
            Some(-10)
        );
    }

    #[test]
    fn a_remembered_drift_moves_the_window() {
        let now = at(5000 * 30);
        let (c1, c2) = codes(5000 + 7);
        assert_eq!(
            find_drift(&key(), now, 0, ENABLE_WINDOW_STEPS, &c1, &c2),
            None
        );
        assert_eq!(
            find_drift(&key(), now, 8, ENABLE_WINDOW_STEPS, &c1, &c2),
            Some(8)
        );
    }

    #[test]
    fn the_first_steps_after_the_epoch_do_not_underflow() {
        let (c1, c2) = codes(0);
        assert_eq!(find_drift(&key(), at(0), 0, 1, &c1, &c2), Some(1));
        assert_eq!(find_drift(&key(), at(0), -5, 1, &c1, &c2), None);
    }
}
