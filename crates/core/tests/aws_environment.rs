//! The IAM backend's configuration chain, each case in a child process
//! whose environment holds only what the case sets (and an empty home
//! directory), so that nothing on the machine leaks in:
//!
//! - with nothing configured, the first call fails within seconds with a
//!   credentials error that names the fix;
//! - `AWS_ENDPOINT_URL_IAM`, `AWS_REGION`, the profile's region and
//!   credentials, and the access keys in the environment are honoured;
//! - the region defaults to `us-east-1`.
//!
//! A one-file HTTP responder on 127.0.0.1 stands in for IAM and records
//! the `Authorization` header, whose credential scope shows the access key
//! and the region the request was signed with.

#![cfg(feature = "aws")]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::path::Path;
use std::process::Command;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use iam_mfa::{AssignmentStatus, AwsOptions, Client, ErrorKind, PageRequest};

/// Set in the child process to the name of the case it runs.
const CHILD: &str = "IAM_MFA_AWS_ENVIRONMENT_CASE";

/// Where the child process finds the parent's stand-in for IAM.
const RESPONDER: &str = "IAM_MFA_AWS_ENVIRONMENT_RESPONDER";

/// Whether this process is the child that runs the case `name`.
fn is_child(name: &str) -> bool {
    std::env::var(CHILD).as_deref() == Ok(name)
}

/// Runs the test `name` again in a child process with a clean environment
/// plus `vars`, and `HOME` pointing at a fresh directory prepared by
/// `prepare_home`; fails if the child fails.
fn run_child(name: &str, vars: &[(&str, &str)], prepare_home: impl FnOnce(&Path)) {
    let home = tempfile::tempdir().unwrap();
    prepare_home(home.path());
    let output = Command::new(std::env::current_exe().unwrap())
        .args([name, "--exact", "--nocapture", "--test-threads=1"])
        .env_clear()
        .env(CHILD, name)
        .env("HOME", home.path())
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .envs(vars.iter().copied())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "case {name} failed:\n{stdout}\n{stderr}"
    );
    assert!(
        stdout.contains("1 passed"),
        "case {name} did not run:\n{stdout}"
    );
    print!("{stdout}");
}

/// A stand-in for IAM that answers every request with an empty
/// `ListVirtualMFADevices` page and sends each `Authorization` header it
/// receives down the channel.
fn responder() -> (String, mpsc::Receiver<String>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let (sender, receiver) = mpsc::channel();

    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let mut stream = stream.unwrap();
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut authorization = String::new();
            let mut content_length = 0;
            loop {
                let mut line = String::new();
                reader.read_line(&mut line).unwrap();
                let line = line.trim_end();
                if line.is_empty() {
                    break;
                }
                let (name, value) = line.split_once(':').unwrap_or((line, ""));
                match name.to_ascii_lowercase().as_str() {
                    "authorization" => authorization = value.trim().to_owned(),
                    "content-length" => content_length = value.trim().parse().unwrap(),
                    _ => {}
                }
            }
            let mut body = vec![0; content_length];
            reader.read_exact(&mut body).unwrap();

            let xml = "<ListVirtualMFADevicesResponse \
                 xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">\
                 <ListVirtualMFADevicesResult><IsTruncated>false</IsTruncated>\
                 <VirtualMFADevices/></ListVirtualMFADevicesResult>\
                 </ListVirtualMFADevicesResponse>";
            let response = format!(
                "HTTP/1.1 200 OK\r\ncontent-type: text/xml\r\ncontent-length: {}\r\n\
                 connection: close\r\n\r\n{xml}",
                xml.len()
            );
            stream.write_all(response.as_bytes()).unwrap();
            let _ = sender.send(authorization);
        }
    });
    (url, receiver)
}

/// In the child: makes one call through a client of `options`.
fn call(options: AwsOptions) {
    runtime().block_on(async {
        let client = Client::aws(options.max_attempts(1)).await.unwrap();
        client
            .list_virtual_mfa_devices(AssignmentStatus::Any, &PageRequest::first())
            .await
            .unwrap();
    });
}

/// In the child: the parent's stand-in for IAM.
fn responder_url() -> String {
    std::env::var(RESPONDER).unwrap()
}

/// In the parent: the `Authorization` header of the next request.
fn next_authorization(receiver: &mpsc::Receiver<String>) -> String {
    receiver.recv_timeout(Duration::from_secs(5)).unwrap()
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

#[test]
fn nothing_configured_fails_fast_naming_the_fix() {
    let name = "nothing_configured_fails_fast_naming_the_fix";
    if !is_child(name) {
        // The EC2 metadata service is left enabled, as on a user's machine.
        run_child(name, &[], |_| {});
        return;
    }

    // Nothing listens on port 9 of the loopback address: should credentials
    // be found after all, the call fails as a transport error instead.
    let started = Instant::now();
    let error = runtime().block_on(async {
        let options = AwsOptions::default().endpoint_url("http://127.0.0.1:9");
        let client = Client::aws(options).await.unwrap();
        client
            .list_virtual_mfa_devices(AssignmentStatus::Any, &PageRequest::first())
            .await
            .unwrap_err()
    });
    let elapsed = started.elapsed();

    println!("failed after {elapsed:?}: {error}");
    assert_eq!(error.kind(), ErrorKind::Credentials, "{error:?}");
    assert!(error.message().contains("AWS_ACCESS_KEY_ID"), "{error}");
    assert!(error.message().contains("AWS_PROFILE"), "{error}");
    assert!(
        elapsed < Duration::from_secs(15),
        "took {elapsed:?}: a hang"
    );
}

#[test]
fn a_silent_metadata_service_still_fails_within_seconds() {
    let name = "a_silent_metadata_service_still_fails_within_seconds";
    if !is_child(name) {
        // A metadata service that accepts connections and never answers,
        // as a firewall that drops packets would look.
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        run_child(name, &[("AWS_EC2_METADATA_SERVICE_ENDPOINT", &url)], |_| {});
        drop(listener);
        return;
    }

    let started = Instant::now();
    let error = runtime().block_on(async {
        let options = AwsOptions::default().endpoint_url("http://127.0.0.1:9");
        let client = Client::aws(options).await.unwrap();
        client
            .list_mfa_devices(None, &PageRequest::first())
            .await
            .unwrap_err()
    });
    let elapsed = started.elapsed();

    println!("failed after {elapsed:?}: {error}");
    assert_eq!(error.kind(), ErrorKind::Credentials, "{error:?}");
    assert!(error.message().contains("AWS_ACCESS_KEY_ID"), "{error}");
    assert!(
        elapsed < Duration::from_secs(15),
        "took {elapsed:?}: a hang"
    );
}

#[test]
fn endpoint_url_iam_and_environment_keys_are_honoured_and_the_region_defaults() {
    let name = "endpoint_url_iam_and_environment_keys_are_honoured_and_the_region_defaults";
    if is_child(name) {
        call(AwsOptions::default());
        return;
    }

    let (url, receiver) = responder();
    let vars = [
        ("AWS_ENDPOINT_URL_IAM", url.as_str()),
        ("AWS_ACCESS_KEY_ID", "AKIDFROMENVIRONMENT"),
        ("AWS_SECRET_ACCESS_KEY", "secret-from-environment"),
        ("AWS_EC2_METADATA_DISABLED", "true"),
    ];
    run_child(name, &vars, |_| {});

    let authorization = next_authorization(&receiver);
    assert!(
        authorization.contains("Credential=AKIDFROMENVIRONMENT/"),
        "{authorization}"
    );
    assert!(
        authorization.contains("/us-east-1/iam/aws4_request"),
        "{authorization}"
    );
}

#[test]
fn aws_region_is_honoured_and_options_win_over_the_environment() {
    let name = "aws_region_is_honoured_and_options_win_over_the_environment";
    if is_child(name) {
        let options = AwsOptions::default()
            .endpoint_url(responder_url())
            .static_credentials("AKIDFROMOPTIONS", "secret", None);
        call(options.clone());
        call(options.region("us-west-2"));
        return;
    }

    let (url, receiver) = responder();
    let vars = [
        (RESPONDER, url.as_str()),
        ("AWS_REGION", "eu-west-1"),
        ("AWS_ENDPOINT_URL_IAM", "http://127.0.0.1:9"),
        ("AWS_ACCESS_KEY_ID", "AKIDFROMENVIRONMENT"),
        ("AWS_SECRET_ACCESS_KEY", "secret-from-environment"),
        ("AWS_EC2_METADATA_DISABLED", "true"),
    ];
    run_child(name, &vars, |_| {});

    let authorization = next_authorization(&receiver);
    assert!(
        authorization.contains("Credential=AKIDFROMOPTIONS/"),
        "{authorization}"
    );
    assert!(authorization.contains("/eu-west-1/iam/"), "{authorization}");
    let authorization = next_authorization(&receiver);
    assert!(authorization.contains("/us-west-2/iam/"), "{authorization}");
}

#[test]
fn a_named_profile_gives_region_and_credentials() {
    let name = "a_named_profile_gives_region_and_credentials";
    if is_child(name) {
        call(
            AwsOptions::default()
                .endpoint_url(responder_url())
                .profile("ops"),
        );
        return;
    }

    let (url, receiver) = responder();
    let vars = [
        (RESPONDER, url.as_str()),
        ("AWS_EC2_METADATA_DISABLED", "true"),
    ];
    run_child(name, &vars, |home| {
        let aws = home.join(".aws");
        std::fs::create_dir(&aws).unwrap();
        std::fs::write(aws.join("config"), "[profile ops]\nregion = ap-south-1\n").unwrap();
        let credentials = "[ops]\naws_access_key_id = AKIDFROMPROFILE\n\
                           aws_secret_access_key = secret-from-profile\n";
        std::fs::write(aws.join("credentials"), credentials).unwrap();
    });

    let authorization = next_authorization(&receiver);
    assert!(
        authorization.contains("Credential=AKIDFROMPROFILE/"),
        "{authorization}"
    );
    assert!(
        authorization.contains("/ap-south-1/iam/"),
        "{authorization}"
    );
}
