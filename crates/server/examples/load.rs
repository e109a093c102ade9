//! A load generator for IAM endpoints: concurrent clients of the aws
//! backend (the Rust SDK) for a fixed time, then one line of figures.
//!
//! ```text
//! cargo run --release -p iam-mfa-server --example load -- \
//!     --endpoint http://127.0.0.1:PORT --concurrency 32 --seconds 10 --workload read
//! ```
//!
//! Workloads use only actions that moto also implements, so the same load
//! runs against `iam-mfa serve` and `moto_server`:
//!
//! - `read`: `ListVirtualMFADevices` (10 a page), `ListMFADevices` and
//!   `GetUser`, in turn, over 20 devices and one user made beforehand;
//! - `write`: `CreateVirtualMFADevice` then `DeleteVirtualMFADevice` of a
//!   new device.
//!
//! It prints `requests=N errors=N seconds=S rps=R` and exits non-zero
//! when any request failed. SDK retries are off, so every failure counts.

use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use iam_mfa::{AssignmentStatus, AwsOptions, Client, ErrorKind, PageRequest};

const USER: &str = "load-user";

struct Settings {
    endpoint: String,
    concurrency: usize,
    seconds: u64,
    workload: String,
}

fn settings() -> Result<Settings, String> {
    let mut settings = Settings {
        endpoint: String::new(),
        concurrency: 32,
        seconds: 10,
        workload: "read".to_owned(),
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--endpoint" => settings.endpoint = value,
            "--concurrency" => {
                settings.concurrency = value.parse().map_err(|_| "--concurrency: a number")?
            }
            "--seconds" => settings.seconds = value.parse().map_err(|_| "--seconds: a number")?,
            "--workload" => settings.workload = value,
            _ => return Err(format!("unknown option {flag}")),
        }
    }
    if settings.endpoint.is_empty() {
        return Err("--endpoint URL is required".to_owned());
    }
    if !matches!(settings.workload.as_str(), "read" | "write") {
        return Err("--workload must be read or write".to_owned());
    }
    Ok(settings)
}

/// Makes the user and devices the read workload lists; they may exist
/// from an earlier run.
async fn prepare(client: &Client) -> iam_mfa::Result<()> {
    let exists = |result: iam_mfa::Result<()>| match result {
        Err(error) if error.kind() == ErrorKind::EntityAlreadyExists => Ok(()),
        other => other,
    };
    exists(client.create_user(USER, None).await.map(drop))?;
    for index in 0..20 {
        let name = format!("load-device-{index:02}");
        exists(
            client
                .create_virtual_mfa_device(&name, None, &[])
                .await
                .map(drop),
        )?;
    }
    Ok(())
}

/// One client's loop until `deadline`.
async fn work(
    client: Client,
    worker: usize,
    workload: Arc<str>,
    deadline: Instant,
    requests: Arc<AtomicU64>,
    errors: Arc<AtomicU64>,
) {
    let mut turn = 0u64;
    let page = PageRequest::first().max_items(10);
    while Instant::now() < deadline {
        let outcome = match (&*workload, turn % 3) {
            ("read", 0) => client
                .list_virtual_mfa_devices(AssignmentStatus::Any, &page)
                .await
                .map(drop),
            ("read", 1) => client
                .list_mfa_devices(Some(USER), &PageRequest::first())
                .await
                .map(drop),
            ("read", _) => client.get_user(Some(USER)).await.map(drop),
            _ => {
                let name = format!("load-{worker}-{turn}");
                match client.create_virtual_mfa_device(&name, None, &[]).await {
                    Ok(device) => {
                        requests.fetch_add(1, Ordering::Relaxed);
                        client
                            .delete_virtual_mfa_device(&device.serial_number)
                            .await
                    }
                    Err(error) => Err(error),
                }
            }
        };
        requests.fetch_add(1, Ordering::Relaxed);
        if let Err(error) = outcome {
            if errors.fetch_add(1, Ordering::Relaxed) < 5 {
                eprintln!("worker {worker}: {error}");
            }
        }
        turn += 1;
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    let settings = match settings() {
        Ok(settings) => settings,
        Err(message) => {
            eprintln!("load: {message}");
            return ExitCode::FAILURE;
        }
    };

    let options = AwsOptions::default()
        .endpoint_url(settings.endpoint.clone())
        .region("us-east-1")
        .static_credentials("AKIDLOAD", "secret", None)
        .max_attempts(1)
        .operation_timeout(Duration::from_secs(30));
    let client = match Client::aws(options).await {
        Ok(client) => client,
        Err(error) => {
            eprintln!("load: {error}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(error) = prepare(&client).await {
        eprintln!("load: preparing the endpoint failed: {error}");
        return ExitCode::FAILURE;
    }

    let requests = Arc::new(AtomicU64::new(0));
    let errors = Arc::new(AtomicU64::new(0));
    let workload: Arc<str> = Arc::from(settings.workload.as_str());
    let started = Instant::now();
    let deadline = started + Duration::from_secs(settings.seconds);
    let workers: Vec<_> = (0..settings.concurrency)
        .map(|worker| {
            tokio::spawn(work(
                client.clone(),
                worker,
                Arc::clone(&workload),
                deadline,
                Arc::clone(&requests),
                Arc::clone(&errors),
            ))
        })
        .collect();
    for worker in workers {
        worker.await.ok();
    }

    let seconds = started.elapsed().as_secs_f64();
    let requests = requests.load(Ordering::Relaxed);
    let errors = errors.load(Ordering::Relaxed);
    println!(
        "requests={requests} errors={errors} seconds={seconds:.1} rps={:.0}",
        requests as f64 / seconds
    );
    if errors == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
