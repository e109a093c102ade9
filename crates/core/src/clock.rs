//! The emulator's clock: the system's, or one that tests set by hand.
//!
//! TOTP checks depend on the time, so tests of enabling and resyncing
//! devices need a clock they control. A [`Clock`] is cheap to clone; clones
//! of a manual clock share one time, so a test keeps a clone and moves it.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The source of "now" for the local backend.
#[derive(Debug, Clone, Default)]
pub struct Clock {
    /// `None` follows the system clock; otherwise milliseconds since the
    /// Unix epoch, shared by every clone.
    manual: Option<Arc<AtomicU64>>,
}

impl Clock {
    /// A clock that follows the system's.
    pub fn system() -> Clock {
        Clock { manual: None }
    }

    /// A clock stopped at `at`, which moves only when told to.
    pub fn manual(at: SystemTime) -> Clock {
        Clock {
            manual: Some(Arc::new(AtomicU64::new(millis(at)))),
        }
    }

    /// Whether the clock is set by hand.
    pub fn is_manual(&self) -> bool {
        self.manual.is_some()
    }

    /// The current time.
    pub fn now(&self) -> SystemTime {
        match &self.manual {
            None => SystemTime::now(),
            Some(ms) => UNIX_EPOCH + Duration::from_millis(ms.load(Ordering::Relaxed)),
        }
    }

    /// Sets a manual clock to `at`. A system clock is turned into a manual
    /// one; clones made before then keep following the system.
    pub fn set(&mut self, at: SystemTime) {
        match &self.manual {
            Some(ms) => ms.store(millis(at), Ordering::Relaxed),
            None => self.manual = Some(Arc::new(AtomicU64::new(millis(at)))),
        }
    }

    /// Moves a manual clock forward by `by`. Does nothing to a system clock.
    pub fn advance(&self, by: Duration) {
        if let Some(ms) = &self.manual {
            let by = u64::try_from(by.as_millis()).unwrap_or(u64::MAX);
            ms.fetch_add(by, Ordering::Relaxed);
        }
    }
}

fn millis(at: SystemTime) -> u64 {
    let since = at.duration_since(UNIX_EPOCH).unwrap_or_default();
    u64::try_from(since.as_millis()).unwrap_or(u64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clones_of_a_manual_clock_share_its_time() {
        let start = UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        let clock = Clock::manual(start);
        let clone = clock.clone();
        clock.advance(Duration::from_secs(30));
        assert_eq!(clone.now(), start + Duration::from_secs(30));
    }
}
