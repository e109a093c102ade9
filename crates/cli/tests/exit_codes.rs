//! Every exit code of the table in the documentation, each caused for
//! real: by the emulator, by a fake IAM endpoint answering with IAM's
//! error documents, by a closed port, a silent server, a corrupt state
//! file, or a bad command line.

mod common;

#[path = "common/fake_iam.rs"]
mod fake_iam;

use common::{Sandbox, serial};
use fake_iam::{Behaviour, FakeIam, REQUEST_ID};

/// Runs get-mfa-device against a fake endpoint answering `code`.
fn against_fake(status: u16, code: &'static str) -> common::Run {
    let sandbox = Sandbox::new();
    let fake = FakeIam::start(Behaviour::Error { status, code });
    let run = sandbox.aws(
        &fake.url,
        &["get-mfa-device", "--serial-number", "GAHT00000001"],
    );
    assert_eq!(
        fake.actions.lock().unwrap().first().map(String::as_str),
        Some("GetMFADevice")
    );
    run
}

#[test]
fn service_error_codes_each_have_their_exit_code() {
    let cases = [
        (500, "ServiceFailure", 1),
        (400, "SomeCodeNobodyKnows", 1),
        (404, "NoSuchEntity", 3),
        (409, "EntityAlreadyExists", 4),
        (409, "DeleteConflict", 5),
        (403, "InvalidAuthenticationCode", 6),
        (409, "LimitExceeded", 7),
        (400, "ValidationError", 8),
        (409, "EntityTemporarilyUnmodifiable", 9),
        (409, "ConcurrentModification", 10),
        (403, "AccessDenied", 11),
        (403, "InvalidClientTokenId", 12),
        (400, "Throttling", 15),
    ];
    for (status, code, exit) in cases {
        let run = against_fake(status, code);
        run.exits(exit);
        let line = run.stderr.trim_end();
        assert_eq!(line.lines().count(), 1, "one line: {line}");
        assert!(
            line.starts_with(&format!(
                "An error occurred ({code}) when calling the GetMFADevice operation: "
            )),
            "{line}"
        );
        assert!(line.contains(&format!("canned {code} answer")), "{line}");
        assert!(
            line.ends_with(&format!("(request id: {REQUEST_ID})")),
            "{line}"
        );
        assert_eq!(run.stdout, "");
    }
}

#[test]
fn success_is_zero_and_usage_errors_are_two() {
    let sandbox = Sandbox::new();
    sandbox.local(&["list-virtual-mfa-devices"]).exits(0);
    let run = sandbox.run(&["list-mfa-devices", "--no-such-flag"]);
    run.exits(2);
    assert!(run.stderr.contains("--no-such-flag"), "{}", run.stderr);
}

#[test]
fn emulator_errors_have_their_exit_codes() {
    let sandbox = Sandbox::new();
    sandbox
        .local(&["local", "create-user", "--user-name", "dave"])
        .ok();
    let create = [
        "create-virtual-mfa-device",
        "--virtual-mfa-device-name",
        "dave-phone",
        "--show-seed",
    ];
    let created = sandbox.local(&create).json();
    let seed = created["VirtualMFADevice"]["Base32StringSeed"]
        .as_str()
        .unwrap()
        .to_owned();
    let seed_file = sandbox.path("dave.seed");
    std::fs::write(&seed_file, &seed).unwrap();
    let seed_path = seed_file.to_str().unwrap();
    let serial_number = serial("/", "dave-phone");

    let missing = sandbox.local(&[
        "get-mfa-device",
        "--serial-number",
        "arn:aws:iam::123456789012:mfa/nobody",
    ]);
    missing.exits(3);
    assert!(
        missing.stderr.contains("(NoSuchEntity)"),
        "{}",
        missing.stderr
    );
    sandbox.local(&create).exits(4);
    let wrong_codes = [
        "enable-mfa-device",
        "--user-name",
        "dave",
        "--serial-number",
        &serial_number,
        "--authentication-code1",
        "000000",
        "--authentication-code2",
        "000000",
    ];
    sandbox.local(&wrong_codes).exits(6);
    let bad_path = [
        "create-virtual-mfa-device",
        "--virtual-mfa-device-name",
        "x",
        "--path",
        "no-slash",
        "--show-seed",
    ];
    let invalid = sandbox.local(&bad_path);
    invalid.exits(8);
    assert!(invalid.stderr.contains("path"), "{}", invalid.stderr);

    sandbox
        .local(&[
            "enable-mfa-device",
            "--user-name",
            "dave",
            "--serial-number",
            &serial_number,
            "--seed-file",
            seed_path,
        ])
        .ok();
    sandbox
        .local(&["local", "delete-user", "--user-name", "dave"])
        .exits(5);

    // Eight devices per user is IAM's quota: seven hardware tokens more
    // fill it, the eighth is refused.
    for index in 0..8 {
        let token = format!("GAHT{index:08}");
        sandbox
            .local(&[
                "local",
                "register-hardware-token",
                "--serial-number",
                &token,
                "--seed-file",
                seed_path,
            ])
            .ok();
        let enabled = sandbox.local(&[
            "enable-mfa-device",
            "--user-name",
            "dave",
            "--serial-number",
            &token,
            "--seed-file",
            seed_path,
        ]);
        enabled.exits(if index < 7 { 0 } else { 7 });
    }
}

#[test]
fn transport_timeout_and_credential_failures_have_their_exit_codes() {
    let sandbox = Sandbox::new();

    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", closed.local_addr().unwrap());
    drop(closed);
    let refused = sandbox.aws(&url, &["list-virtual-mfa-devices"]);
    refused.exits(13);

    let silent = FakeIam::start(Behaviour::Silent);
    let started = std::time::Instant::now();
    let timed_out = sandbox.aws(
        &silent.url,
        &["list-virtual-mfa-devices", "--cli-read-timeout", "1"],
    );
    timed_out.exits(14);
    assert!(started.elapsed().as_secs() < 20);

    let fake = FakeIam::start(Behaviour::Error {
        status: 500,
        code: "ServiceFailure",
    });
    let no_credentials = sandbox.run_with(
        &["list-virtual-mfa-devices", "--endpoint-url", &fake.url],
        &[("AWS_REGION", "us-east-1"), ("AWS_MAX_ATTEMPTS", "1")],
    );
    no_credentials.exits(12);
    assert!(
        fake.actions.lock().unwrap().is_empty(),
        "nothing is sent unsigned"
    );
}

#[test]
fn a_corrupt_state_file_and_local_files_have_their_exit_codes() {
    let sandbox = Sandbox::new();
    std::fs::write(&sandbox.state, vec![b'x'; 4096]).unwrap();
    let corrupt = sandbox.local(&["list-virtual-mfa-devices"]);
    corrupt.exits(16);
    assert_eq!(
        corrupt.stderr.trim_end().lines().count(),
        2,
        "banner and one error line"
    );

    let fresh = Sandbox::new();
    let taken = fresh.path("taken.png");
    std::fs::write(&taken, "keep me").unwrap();
    let refused = fresh.local(&[
        "create-virtual-mfa-device",
        "--virtual-mfa-device-name",
        "eve-phone",
        "--outfile",
        taken.to_str().unwrap(),
        "--bootstrap-method",
        "QRCodePNG",
    ]);
    refused.exits(17);
    assert!(refused.stderr.contains("--force"), "{}", refused.stderr);
    let missing_seed = fresh.run(&["totp", "--seed-file", fresh.path("nope").to_str().unwrap()]);
    missing_seed.exits(17);
}
