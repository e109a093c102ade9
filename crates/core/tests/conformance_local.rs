//! The conformance suite against the embedded emulator, in process.
//!
//! Every check gets a fresh in-memory emulator whose clock is set by hand,
//! so the clock-window checks run here with exact control of time.

mod conformance;

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use conformance::{Quotas, Target};
use iam_mfa::{Client, Clock, LocalBackend, LocalOptions, Result, Secret};

/// The in-memory emulator with a manual clock.
struct Local {
    client: Client,
}

impl Local {
    /// A fresh emulator with IAM's default quotas.
    fn new() -> Local {
        Local::with(LocalOptions::default().max_virtual_mfa_devices, 8)
    }

    /// A fresh emulator with the given quotas.
    fn with(max_virtual_mfa_devices: u32, max_mfa_devices_per_user: u32) -> Local {
        let start = UNIX_EPOCH + Duration::from_secs(1_800_000_015);
        let options = LocalOptions {
            clock: Clock::manual(start),
            max_virtual_mfa_devices,
            max_mfa_devices_per_user,
            ..LocalOptions::default()
        };
        let client = Client::local(options).expect("open an in-memory emulator");
        Local { client }
    }

    fn local(&self) -> &LocalBackend {
        self.client.as_local().expect("a local client")
    }
}

impl Target for Local {
    fn client(&self) -> &Client {
        &self.client
    }

    fn name(&self) -> &str {
        "local"
    }

    fn account_id(&self) -> &str {
        self.local().account_id()
    }

    fn now(&self) -> SystemTime {
        self.local().clock().now()
    }

    async fn set_clock(&self, at: SystemTime) -> bool {
        let mut clock = self.local().clock().clone();
        clock.set(at);
        true
    }

    async fn advance_clock(&self, by: Duration) -> bool {
        self.local().clock().advance(by);
        true
    }

    async fn register_hardware_token(
        &self,
        serial_number: &str,
        seed: &Secret,
    ) -> Option<Result<()>> {
        Some(self.local().register_hardware_token(serial_number, seed))
    }

    async fn set_caller(&self, user_name: Option<&str>) -> Option<Result<()>> {
        Some(self.local().set_caller(user_name))
    }

    async fn with_quotas(&self, quotas: Quotas) -> Option<Local> {
        Some(Local::with(
            quotas.max_virtual_mfa_devices,
            quotas.max_mfa_devices_per_user,
        ))
    }
}

async fn make() -> Local {
    Local::new()
}

conformance::conformance_suite!(make);

/// The emulator, declaring a known divergence for one made-up check.
struct Diverging(Local);

impl Target for Diverging {
    fn client(&self) -> &Client {
        self.0.client()
    }

    fn name(&self) -> &str {
        "diverging"
    }

    fn account_id(&self) -> &str {
        self.0.account_id()
    }

    fn now(&self) -> SystemTime {
        self.0.now()
    }

    fn divergence(&self, check: &str) -> Option<&'static str> {
        (check == "failing_check").then_some("fails on purpose")
    }
}

#[tokio::test]
async fn declared_divergence_is_reported_instead_of_failing() {
    let target = Diverging(Local::new());
    conformance::run(&target, "failing_check", async {
        panic!("the check fails")
    })
    .await;
}

#[tokio::test]
#[should_panic(expected = "the check fails")]
async fn undeclared_failure_fails_the_test() {
    let target = Diverging(Local::new());
    conformance::run(&target, "another_check", async {
        panic!("the check fails")
    })
    .await;
}
