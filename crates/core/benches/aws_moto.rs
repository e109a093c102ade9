//! Our `aws` backend against boto3 on the same moto server: client-side
//! CPU time per call, for creating a virtual MFA device and for listing a
//! page of 100 of them.
//!
//! Run with `cargo bench -p iam-mfa --bench aws_moto` (optionally followed
//! by `-- CALLS`, 300 by default). It starts `moto_server` on a free port,
//! measures our client in this process with the process's CPU clock
//! (`CLOCK_PROCESS_CPUTIME_ID`, so moto's own work is not counted), then
//! runs `aws_boto3.py` with the virtualenv's Python, which measures boto3
//! the same way (`time.process_time_ns`), and prints both side by side.
//! The figures are in docs/aws-backend.md.

#[path = "../tests/support/moto.rs"]
mod moto;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use iam_mfa::{AssignmentStatus, AwsOptions, Client, PageRequest};

/// Calls made and discarded before measuring.
const WARM_UP: usize = 20;

/// The devices that exist while the list is measured, all on one page.
const LISTED: usize = 100;

/// The process's CPU time so far, all threads.
fn process_cpu_time() -> Duration {
    let mut now = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `now` is a valid, writable timespec for the call's duration.
    let status = unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut now) };
    assert_eq!(status, 0, "clock_gettime(CLOCK_PROCESS_CPUTIME_ID)");
    Duration::new(now.tv_sec as u64, now.tv_nsec as u32)
}

/// CPU and wall microseconds of one operation's calls.
struct Spent {
    cpu_us: Vec<f64>,
    wall_us: Vec<f64>,
}

/// Runs `call` `calls` times on `runtime`, timing each call.
fn measure<F, Fut>(runtime: &tokio::runtime::Runtime, calls: usize, mut call: F) -> Spent
where
    F: FnMut(usize) -> Fut,
    Fut: Future<Output = ()>,
{
    let mut spent = Spent {
        cpu_us: Vec::with_capacity(calls),
        wall_us: Vec::with_capacity(calls),
    };
    for index in 0..calls {
        let cpu = process_cpu_time();
        let wall = Instant::now();
        runtime.block_on(call(index));
        spent.wall_us.push(wall.elapsed().as_secs_f64() * 1e6);
        spent
            .cpu_us
            .push((process_cpu_time() - cpu).as_secs_f64() * 1e6);
    }
    spent
}

/// Mean and median of a sample.
fn summary(sample: &[f64]) -> (f64, f64) {
    let mut sorted = sample.to_vec();
    sorted.sort_by(f64::total_cmp);
    let mean = sorted.iter().sum::<f64>() / sorted.len() as f64;
    (mean, sorted[sorted.len() / 2])
}

/// Our client's CPU time per create and per list.
fn measure_ours(server: &moto::Moto, calls: usize) -> (Spent, Spent) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let options = AwsOptions::default()
        .endpoint_url(server.url())
        .region("us-east-1")
        .static_credentials("testing", "testing", None)
        .max_attempts(1);
    let client = runtime.block_on(Client::aws(options)).unwrap();
    let create = |prefix: &'static str| {
        let client = client.clone();
        move |index: usize| {
            let client = client.clone();
            async move {
                let name = format!("{prefix}{index}");
                client
                    .create_virtual_mfa_device(&name, None, &[])
                    .await
                    .unwrap();
            }
        }
    };
    let list = |_: usize| {
        let client = client.clone();
        async move {
            let page = PageRequest::first().max_items(LISTED as u32);
            let page = client
                .list_virtual_mfa_devices(AssignmentStatus::Any, &page)
                .await
                .unwrap();
            assert_eq!(page.items.len(), LISTED);
        }
    };

    server.reset();
    measure(&runtime, WARM_UP, create("warm"));
    server.reset();
    let created = measure(&runtime, calls, create("r"));

    server.reset();
    measure(&runtime, LISTED, create("r"));
    measure(&runtime, WARM_UP, list);
    let listed = measure(&runtime, calls, list);
    (created, listed)
}

/// The Python of the project's virtualenv, else `python3`.
fn python() -> PathBuf {
    let in_venv = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../.venv/bin/python");
    if in_venv.is_file() {
        in_venv
    } else {
        PathBuf::from("python3")
    }
}

/// boto3's CPU time per create and per list, by operation name.
fn measure_boto3(server: &moto::Moto, calls: usize) -> Vec<(String, Vec<f64>)> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/aws_boto3.py");
    let output = Command::new(python())
        .arg(&script)
        .arg(server.url())
        .arg(calls.to_string())
        .output()
        .expect("run aws_boto3.py");
    assert!(
        output.status.success(),
        "aws_boto3.py failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );

    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|line| {
            let operation = between(line, "\"operation\": \"", "\"");
            let values = between(line, "\"cpu_us\": [", "]")
                .split(',')
                .map(|value| value.trim().parse().expect("a number"))
                .collect();
            (operation.to_owned(), values)
        })
        .collect()
}

/// The text of `line` between `start` and the next `end`.
fn between<'a>(line: &'a str, start: &str, end: &str) -> &'a str {
    let from = line.find(start).expect("the field") + start.len();
    let length = line[from..].find(end).expect("the field's end");
    &line[from..from + length]
}

fn main() {
    let calls = std::env::args()
        .skip(1)
        .find_map(|argument| argument.parse::<usize>().ok())
        .unwrap_or(300);
    let server = moto::Moto::start().unwrap_or_else(|error| panic!("{error}"));

    let (created, listed) = measure_ours(&server, calls);
    let boto3 = measure_boto3(&server, calls);

    println!(
        "client-side CPU time per call, {calls} calls each, moto at {}",
        server.url()
    );
    println!(
        "{:<34} {:>12} {:>12} {:>12} {:>12} {:>8}",
        "operation", "ours mean", "ours median", "boto3 mean", "boto3 median", "ratio"
    );
    let rows = [
        ("CreateVirtualMFADevice", &created, "create"),
        ("ListVirtualMFADevices (page of 100)", &listed, "list"),
    ];
    for (label, ours, key) in rows {
        let (_, theirs) = boto3
            .iter()
            .find(|(operation, _)| operation == key)
            .expect("boto3 measured the operation");
        let (our_mean, our_median) = summary(&ours.cpu_us);
        let (their_mean, their_median) = summary(theirs);
        println!(
            "{label:<34} {our_mean:>10.0}us {our_median:>10.0}us {their_mean:>10.0}us \
             {their_median:>10.0}us {:>7.1}x",
            their_mean / our_mean
        );
    }
    let (create_wall, _) = summary(&created.wall_us);
    let (list_wall, _) = summary(&listed.wall_us);
    println!(
        "our wall time per call, moto's work included: create {create_wall:.0}us, \
         list {list_wall:.0}us"
    );
}
