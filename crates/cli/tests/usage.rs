//! Bad flags and values are refused with exit code 2 before anything is
//! done; secret files are written owner-only and never overwritten
//! without --force; every command's help shows an example; completion
//! scripts are generated for bash, zsh and fish.

mod common;

use common::{Sandbox, mode};

#[test]
fn bad_flags_and_values_are_usage_errors_that_change_nothing() {
    let sandbox = Sandbox::new();
    let outfile = sandbox.path("x.seed");
    let outfile = outfile.to_str().unwrap();
    let cases: Vec<Vec<&str>> = vec![
        vec!["no-such-command"],
        vec!["list-mfa-devices", "--bogus"],
        vec!["create-virtual-mfa-device", "--show-seed"],
        vec![
            "create-virtual-mfa-device",
            "--virtual-mfa-device-name",
            "x",
        ],
        vec![
            "create-virtual-mfa-device",
            "--virtual-mfa-device-name",
            "x",
            "--outfile",
            outfile,
        ],
        vec![
            "create-virtual-mfa-device",
            "--virtual-mfa-device-name",
            "x",
            "--outfile",
            outfile,
            "--bootstrap-method",
            "JPEG",
        ],
        vec![
            "create-virtual-mfa-device",
            "--virtual-mfa-device-name",
            "x",
            "--show-seed",
            "--tags",
            "team=ops",
        ],
        vec![
            "create-virtual-mfa-device",
            "--virtual-mfa-device-name",
            "x",
            "--show-seed",
            "--tags",
            "[{\"Key\": 1}]",
        ],
        vec![
            "list-virtual-mfa-devices",
            "--assignment-status",
            "assigned",
        ],
        vec!["list-virtual-mfa-devices", "--max-items", "0"],
        vec!["list-virtual-mfa-devices", "--max-items", "many"],
        vec!["list-virtual-mfa-devices", "--page-size", "1001"],
        vec!["list-virtual-mfa-devices", "--starting-token", "W10="],
        vec!["list-virtual-mfa-devices", "--output", "xml"],
        vec![
            "enable-mfa-device",
            "--user-name",
            "a",
            "--serial-number",
            "GAHT00000001",
        ],
        vec![
            "enable-mfa-device",
            "--user-name",
            "a",
            "--serial-number",
            "GAHT00000001",
            "--authentication-code1",
            "123456",
            "--authentication-code2",
            "123456",
            "--seed-file",
            "s",
        ],
        vec!["get-mfa-device"],
        vec!["tag-mfa-device", "--serial-number", "GAHT00000001"],
        vec![
            "untag-mfa-device",
            "--serial-number",
            "GAHT00000001",
            "--tag-keys",
            "[1, 2]",
        ],
        vec!["completions", "powershell-7"],
    ];
    for args in cases {
        let run = sandbox.local(&args);
        run.exits(2);
        assert!(!run.stderr.trim().is_empty(), "{args:?} says why");
        assert_eq!(run.stdout, "", "{args:?}");
    }
    let local_and_endpoint = sandbox.run(&[
        "list-virtual-mfa-devices",
        "--local",
        "--endpoint-url",
        "http://x",
    ]);
    local_and_endpoint.exits(2);
    let bad_backend = sandbox.run_with(
        &["list-virtual-mfa-devices"],
        &[("IAM_MFA_BACKEND", "moto")],
    );
    bad_backend.exits(2);
    assert!(
        bad_backend.stderr.contains("IAM_MFA_BACKEND"),
        "{}",
        bad_backend.stderr
    );

    assert!(
        !std::path::Path::new(outfile).exists(),
        "no file was written"
    );
    let listed = sandbox.local(&["list-virtual-mfa-devices"]).json();
    assert_eq!(
        listed,
        serde_json::json!({"VirtualMFADevices": []}),
        "nothing was created"
    );
}

#[test]
fn outfiles_are_private_and_never_overwritten_without_force() {
    let sandbox = Sandbox::new();
    let png = sandbox.path("phone.png");
    let png_path = png.to_str().unwrap();
    let create = |name: &str, force: bool| {
        let mut args = vec![
            "create-virtual-mfa-device",
            "--virtual-mfa-device-name",
            name,
            "--outfile",
            png_path,
            "--bootstrap-method",
            "QRCodePNG",
        ];
        if force {
            args.push("--force");
        }
        sandbox.local(&args)
    };

    create("first", false).ok();
    assert_eq!(mode(&png), 0o600);
    let first = std::fs::read(&png).unwrap();
    assert!(first.starts_with(b"\x89PNG\r\n\x1a\n"));

    let refused = create("second", false);
    refused.exits(17);
    assert!(
        refused.stderr.contains("refusing to overwrite"),
        "{}",
        refused.stderr
    );
    assert_eq!(std::fs::read(&png).unwrap(), first, "the file is untouched");
    let listed = sandbox.local(&["list-virtual-mfa-devices"]).json();
    assert_eq!(
        listed["VirtualMFADevices"].as_array().unwrap().len(),
        1,
        "no device was made"
    );

    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&png, std::fs::Permissions::from_mode(0o644)).unwrap();
    create("second", true).ok();
    assert_eq!(mode(&png), 0o600, "--force also makes the file private");
    assert_ne!(std::fs::read(&png).unwrap(), first);

    let failed = create("second", false);
    failed.exits(17);
    let taken_name = sandbox.path("new.png");
    let name_taken = sandbox.local(&[
        "create-virtual-mfa-device",
        "--virtual-mfa-device-name",
        "second",
        "--outfile",
        taken_name.to_str().unwrap(),
        "--bootstrap-method",
        "QRCodePNG",
    ]);
    name_taken.exits(4);
    assert!(
        !taken_name.exists(),
        "a failed create leaves no file behind"
    );
}

#[test]
fn a_seed_is_printed_only_when_asked_for() {
    let sandbox = Sandbox::new();
    let seed_file = sandbox.path("s.seed");
    let quiet = sandbox.local(&[
        "create-virtual-mfa-device",
        "--virtual-mfa-device-name",
        "quiet",
        "--outfile",
        seed_file.to_str().unwrap(),
        "--bootstrap-method",
        "Base32StringSeed",
    ]);
    let seed = std::fs::read_to_string(&seed_file).unwrap();
    assert!(!quiet.ok().stdout.contains(&seed) && !quiet.stderr.contains(&seed));
    let shown = sandbox
        .local(&[
            "create-virtual-mfa-device",
            "--virtual-mfa-device-name",
            "shown",
            "--show-seed",
        ])
        .json();
    let shown_seed = shown["VirtualMFADevice"]["Base32StringSeed"]
        .as_str()
        .unwrap();
    assert_eq!(shown_seed.len(), 64);
}

#[test]
fn every_command_has_help_with_an_example() {
    let sandbox = Sandbox::new();
    let commands: &[&[&str]] = &[
        &["create-virtual-mfa-device"],
        &["enable-mfa-device"],
        &["deactivate-mfa-device"],
        &["delete-virtual-mfa-device"],
        &["list-mfa-devices"],
        &["list-virtual-mfa-devices"],
        &["get-mfa-device"],
        &["resync-mfa-device"],
        &["tag-mfa-device"],
        &["untag-mfa-device"],
        &["list-mfa-device-tags"],
        &["local"],
        &["local", "create-user"],
        &["local", "delete-user"],
        &["local", "register-hardware-token"],
        &["totp"],
        &["demo"],
        &["completions"],
    ];
    for command in commands {
        let mut args = command.to_vec();
        args.push("--help");
        let run = sandbox.run(&args);
        run.ok();
        let example = format!("iam-mfa {}", command.join(" "));
        assert!(run.stdout.contains("Example:"), "{command:?}");
        assert!(
            run.stdout.contains(&example),
            "{command:?} shows itself in use"
        );
    }
    let top = sandbox.run(&["--help"]);
    assert!(top.ok().stdout.contains("Example"), "{}", top.stdout);
}

#[test]
fn completion_scripts_cover_every_command() {
    let sandbox = Sandbox::new();
    for shell in ["bash", "zsh", "fish"] {
        let run = sandbox.run(&["completions", shell]);
        run.ok();
        for command in [
            "create-virtual-mfa-device",
            "list-mfa-device-tags",
            "serve",
            "demo",
        ] {
            assert!(run.stdout.contains(command), "{shell}: {command}");
        }
        assert!(run.stdout.contains("virtual-mfa-device-name"), "{shell}");
    }
    let script = sandbox.path("iam-mfa.bash");
    std::fs::write(&script, sandbox.run(&["completions", "bash"]).stdout).unwrap();
    let checked = std::process::Command::new("bash")
        .arg("-n")
        .arg(&script)
        .status();
    if let Ok(status) = checked {
        assert!(status.success(), "bash -n accepts the bash script");
    }
}

#[test]
fn version_is_printed() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&["--version"]);
    assert_eq!(
        run.ok().stdout.trim(),
        format!("iam-mfa {}", env!("CARGO_PKG_VERSION"))
    );
}
