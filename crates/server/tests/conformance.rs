//! The core's conformance suite through the aws backend against this
//! server, over HTTP on 127.0.0.1.
//!
//! Every check starts its own server in process, over a fresh in-memory
//! emulator with a manual clock, and points `Client::aws` at it. The
//! checks then speak IAM's query protocol end to end: the SDK signs and
//! sends form bodies, the server answers with IAM's XML, and the SDK
//! parses it. The clock, hardware tokens and the calling user are set on
//! the emulator behind the server, as the server's own process would.

#[path = "../../core/tests/conformance/mod.rs"]
mod conformance;

use std::net::SocketAddr;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use conformance::{Quotas, Target};
use iam_mfa::{AwsOptions, Client, Clock, LocalBackend, LocalOptions, Result, Secret};
use iam_mfa_server::{RunningServer, Server, ServerOptions};

/// A server over a fresh emulator, and an aws client pointed at it.
struct Served {
    client: Client,
    emulator: Client,
    _server: RunningServer,
}

impl Served {
    async fn start(quotas: Quotas) -> Served {
        let start = UNIX_EPOCH + Duration::from_secs(1_800_000_015);
        let options = LocalOptions {
            clock: Clock::manual(start),
            max_virtual_mfa_devices: quotas.max_virtual_mfa_devices,
            max_mfa_devices_per_user: quotas.max_mfa_devices_per_user,
            ..LocalOptions::default()
        };
        let emulator = Client::local(options).expect("open an in-memory emulator");

        let address: SocketAddr = "127.0.0.1:0".parse().expect("an address");
        let server = Server::bind(address, emulator.clone(), ServerOptions::default())
            .await
            .expect("bind 127.0.0.1")
            .spawn();

        let options = AwsOptions::default()
            .endpoint_url(server.url())
            .region("us-east-1")
            .static_credentials("AKIDCONFORMANCE", "secret", None)
            .max_attempts(1);
        let client = Client::aws(options).await.expect("an aws client");
        Served {
            client,
            emulator,
            _server: server,
        }
    }

    fn local(&self) -> &LocalBackend {
        self.emulator.as_local().expect("the emulator")
    }
}

impl Target for Served {
    fn client(&self) -> &Client {
        &self.client
    }

    fn name(&self) -> &str {
        "iam-mfa serve"
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

    async fn with_quotas(&self, quotas: Quotas) -> Option<Served> {
        Some(Served::start(quotas).await)
    }
}

async fn make() -> Served {
    let defaults = LocalOptions::default();
    Served::start(Quotas {
        max_virtual_mfa_devices: defaults.max_virtual_mfa_devices,
        max_mfa_devices_per_user: defaults.max_mfa_devices_per_user,
    })
    .await
}

conformance::conformance_suite!(make);
