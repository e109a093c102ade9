//! Every subcommand on the emulator, each in its own process, sharing a
//! state file: what one invocation does, the next one sees.

mod common;

use common::{Sandbox, mode, serial};
use serde_json::json;

fn create_user(sandbox: &Sandbox, name: &str) -> serde_json::Value {
    sandbox
        .local(&["local", "create-user", "--user-name", name])
        .json()
}

#[test]
fn a_device_lives_its_whole_life_across_invocations() {
    let sandbox = Sandbox::new();
    let seed_file = sandbox.path("alice.seed");
    let seed_path = seed_file.to_str().unwrap();

    let user = create_user(&sandbox, "alice");
    assert_eq!(user["User"]["UserName"], "alice");
    assert_eq!(user["User"]["Arn"], "arn:aws:iam::123456789012:user/alice");
    let keys: Vec<&String> = user["User"].as_object().unwrap().keys().collect();
    assert_eq!(
        keys.len(),
        5,
        "Path, UserName, UserId, Arn, CreateDate: {keys:?}"
    );

    let created = sandbox
        .local(&[
            "create-virtual-mfa-device",
            "--virtual-mfa-device-name",
            "alice-phone",
            "--path",
            "/ops/",
            "--tags",
            "Key=team,Value=ops",
            "Key=site,Value=lyon",
            "--outfile",
            seed_path,
            "--bootstrap-method",
            "Base32StringSeed",
        ])
        .json();
    let serial_number = serial("/ops/", "alice-phone");
    assert_eq!(
        created["VirtualMFADevice"]["SerialNumber"],
        serial_number.as_str()
    );
    assert!(
        created["VirtualMFADevice"]
            .get("Base32StringSeed")
            .is_none()
    );
    assert!(created["VirtualMFADevice"].get("QRCodePNG").is_none());
    let seed = std::fs::read_to_string(&seed_file).unwrap();
    assert_eq!(seed.len(), 64, "a 64-character base32 seed");
    assert_eq!(mode(&seed_file), 0o600);

    let unassigned = sandbox
        .local(&[
            "list-virtual-mfa-devices",
            "--assignment-status",
            "Unassigned",
        ])
        .json();
    assert_eq!(
        unassigned,
        json!({"VirtualMFADevices": [{"SerialNumber": serial_number}]})
    );

    let totp = sandbox.run(&["totp", "--seed-file", seed_path]).json();
    let code = totp["AuthenticationCode"].as_str().unwrap();
    assert_eq!(code.len(), 6);
    assert!(code.bytes().all(|b| b.is_ascii_digit()));
    let left = totp["SecondsLeft"].as_u64().unwrap();
    assert!((1..=30).contains(&left), "{left}");

    let enabled = sandbox.local(&[
        "enable-mfa-device",
        "--user-name",
        "alice",
        "--serial-number",
        &serial_number,
        "--seed-file",
        seed_path,
    ]);
    enabled.ok();
    assert_eq!(enabled.stdout, "", "enable prints nothing, as the AWS CLI");

    let devices = sandbox
        .local(&["list-mfa-devices", "--user-name", "alice"])
        .json();
    let device = &devices["MFADevices"][0];
    assert_eq!(device["UserName"], "alice");
    assert_eq!(device["SerialNumber"], serial_number.as_str());
    let enable_date = device["EnableDate"].as_str().unwrap();
    assert!(
        enable_date.ends_with('Z') && enable_date.len() == 20,
        "{enable_date}"
    );

    let detail = sandbox
        .local(&["get-mfa-device", "--serial-number", &serial_number])
        .json();
    assert_eq!(detail["UserName"], "alice");
    assert_eq!(detail["EnableDate"], enable_date);

    let assigned = sandbox
        .local(&[
            "list-virtual-mfa-devices",
            "--assignment-status",
            "Assigned",
        ])
        .json();
    let listed = &assigned["VirtualMFADevices"][0];
    assert_eq!(listed["User"]["UserName"], "alice");
    assert_eq!(listed["EnableDate"], enable_date);
    assert!(listed.get("Tags").is_none(), "lists never carry tags");

    sandbox
        .local(&[
            "tag-mfa-device",
            "--serial-number",
            &serial_number,
            "--tags",
            "Key=owner,Value=alice",
        ])
        .ok();
    sandbox
        .local(&[
            "untag-mfa-device",
            "--serial-number",
            &serial_number,
            "--tag-keys",
            "site",
        ])
        .ok();
    let tags = sandbox
        .local(&["list-mfa-device-tags", "--serial-number", &serial_number])
        .json();
    assert_eq!(
        tags,
        json!({"Tags": [{"Key": "owner", "Value": "alice"}, {"Key": "team", "Value": "ops"}]})
    );

    sandbox
        .local(&[
            "resync-mfa-device",
            "--user-name",
            "alice",
            "--serial-number",
            &serial_number,
            "--seed-file",
            seed_path,
        ])
        .ok();

    sandbox
        .local(&[
            "delete-virtual-mfa-device",
            "--serial-number",
            &serial_number,
        ])
        .exits(5);
    sandbox
        .local(&[
            "deactivate-mfa-device",
            "--user-name",
            "alice",
            "--serial-number",
            &serial_number,
        ])
        .ok();
    let unassigned = sandbox
        .local(&[
            "list-virtual-mfa-devices",
            "--assignment-status",
            "Unassigned",
        ])
        .json();
    assert_eq!(
        unassigned["VirtualMFADevices"][0]["SerialNumber"],
        serial_number.as_str()
    );
    sandbox
        .local(&[
            "delete-virtual-mfa-device",
            "--serial-number",
            &serial_number,
        ])
        .ok();
    sandbox
        .local(&["local", "delete-user", "--user-name", "alice"])
        .ok();

    let empty = sandbox.local(&["list-virtual-mfa-devices"]).json();
    assert_eq!(empty, json!({"VirtualMFADevices": []}));
    sandbox
        .local(&["get-mfa-device", "--serial-number", &serial_number])
        .exits(3);
}

#[test]
fn a_hardware_token_is_registered_and_enabled() {
    let sandbox = Sandbox::new();
    create_user(&sandbox, "bob");
    let seed_file = sandbox.path("token.seed");
    std::fs::write(&seed_file, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP\n").unwrap();
    let seed_path = seed_file.to_str().unwrap();

    sandbox
        .local(&[
            "local",
            "register-hardware-token",
            "--serial-number",
            "GAHT12345678",
            "--seed-file",
            seed_path,
        ])
        .ok();
    sandbox
        .local(&[
            "enable-mfa-device",
            "--user-name",
            "bob",
            "--serial-number",
            "GAHT12345678",
            "--seed-file",
            seed_path,
        ])
        .ok();
    let devices = sandbox
        .local(&["list-mfa-devices", "--user-name", "bob"])
        .json();
    assert_eq!(devices["MFADevices"][0]["SerialNumber"], "GAHT12345678");
    let virtual_devices = sandbox.local(&["list-virtual-mfa-devices"]).json();
    assert_eq!(virtual_devices, json!({"VirtualMFADevices": []}));
}

#[test]
fn the_emulator_says_so_and_uses_the_documented_default_state_file() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&["list-virtual-mfa-devices", "--local"]);
    run.ok();
    let expected = sandbox.path("data/iam-mfa/state.db");
    assert_eq!(
        run.stderr.trim(),
        format!("using the local emulator at {}", expected.display())
    );
    assert!(expected.exists());
    assert_eq!(mode(expected.parent().unwrap()), 0o700);

    let by_variable = sandbox.run_with(
        &["list-virtual-mfa-devices"],
        &[("IAM_MFA_BACKEND", "local")],
    );
    by_variable.ok();
    assert!(by_variable.stderr.contains("using the local emulator at"));

    let state = sandbox.path("elsewhere.db");
    let by_state_variable = sandbox.run_with(
        &["list-virtual-mfa-devices", "--local"],
        &[("IAM_MFA_STATE", state.to_str().unwrap())],
    );
    by_state_variable.ok();
    assert!(by_state_variable.stderr.contains(state.to_str().unwrap()));
}

#[test]
fn paging_follows_the_aws_clis_tokens() {
    let sandbox = Sandbox::new();
    for index in 0..7 {
        let name = format!("device-{index}");
        sandbox
            .local(&[
                "create-virtual-mfa-device",
                "--virtual-mfa-device-name",
                &name,
                "--show-seed",
            ])
            .ok();
    }
    let all = sandbox.local(&["list-virtual-mfa-devices"]).json();
    let all = all["VirtualMFADevices"].as_array().unwrap().clone();
    assert_eq!(all.len(), 7);
    let small_pages = sandbox
        .local(&["list-virtual-mfa-devices", "--page-size", "2"])
        .json();
    assert_eq!(small_pages["VirtualMFADevices"].as_array().unwrap(), &all);
    assert!(small_pages.get("NextToken").is_none());

    for page_size in [None, Some("2"), Some("3")] {
        let mut seen = Vec::new();
        let mut token: Option<String> = None;
        loop {
            let mut args = vec!["list-virtual-mfa-devices", "--max-items", "3"];
            if let Some(size) = page_size {
                args.extend(["--page-size", size]);
            }
            if let Some(token) = &token {
                args.extend(["--starting-token", token.as_str()]);
            }
            let page = sandbox.local(&args).json();
            let items = page["VirtualMFADevices"].as_array().unwrap();
            assert!(items.len() <= 3);
            seen.extend(items.iter().cloned());
            match page.get("NextToken") {
                Some(next) => token = Some(next.as_str().unwrap().to_owned()),
                None => break,
            }
        }
        assert_eq!(seen, all, "page size {page_size:?}");
    }
}

#[test]
fn text_and_table_output_follow_the_aws_cli() {
    let sandbox = Sandbox::new();
    create_user(&sandbox, "carol");
    let seed_file = sandbox.path("carol.seed");
    let seed_path = seed_file.to_str().unwrap();
    sandbox
        .local(&[
            "create-virtual-mfa-device",
            "--virtual-mfa-device-name",
            "carol-phone",
            "--outfile",
            seed_path,
            "--bootstrap-method",
            "Base32StringSeed",
        ])
        .ok();
    let serial_number = serial("/", "carol-phone");
    sandbox
        .local(&[
            "enable-mfa-device",
            "--user-name",
            "carol",
            "--serial-number",
            &serial_number,
            "--seed-file",
            seed_path,
        ])
        .ok();

    let json = sandbox
        .local(&["list-mfa-devices", "--user-name", "carol"])
        .json();
    let date = json["MFADevices"][0]["EnableDate"]
        .as_str()
        .unwrap()
        .to_owned();
    let text = sandbox.local(&[
        "list-mfa-devices",
        "--user-name",
        "carol",
        "--output",
        "text",
    ]);
    assert_eq!(
        text.ok().stdout,
        format!("MFADEVICES\t{date}\t{serial_number}\tcarol\n")
    );

    let table = sandbox.local(&[
        "list-mfa-devices",
        "--user-name",
        "carol",
        "--output",
        "table",
    ]);
    let lines: Vec<&str> = table.ok().stdout.lines().collect();
    assert!(lines[0].chars().all(|c| c == '-'), "{lines:?}");
    assert!(lines[1].contains("ListMFADevices"));
    // One row wider than 80 columns turns vertical, as in the AWS CLI.
    assert!(
        lines
            .iter()
            .any(|l| l.contains("EnableDate") && l.contains(&date))
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("SerialNumber") && l.contains(&serial_number))
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("UserName") && l.contains("carol"))
    );
    let width = lines[0].chars().count();
    assert!(
        lines.iter().all(|l| l.chars().count() == width),
        "{lines:#?}"
    );

    let iso = sandbox
        .local(&[
            "list-mfa-devices",
            "--user-name",
            "carol",
            "--cli-timestamp-format",
            "iso8601",
        ])
        .json();
    assert_eq!(
        iso["MFADevices"][0]["EnableDate"].as_str().unwrap(),
        date.replace('Z', "+00:00")
    );
}
