//! The same calls made by the AWS CLI and by `iam-mfa`, against one
//! `iam-mfa serve`: the outputs must be the same, byte for byte, in JSON,
//! text and table, paging tokens included; errors must carry the same
//! code and message.
//!
//! The AWS CLI is the one the test requirements install into the
//! workspace's `.venv` (`requirements-test.txt`), or `$AWS_CLI`, or `aws`
//! on the PATH. Without any of them the test says so and passes without
//! comparing.

mod common;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::SystemTime;

use common::{Run, Sandbox, aws_test_env, mode};

/// The AWS CLI to compare with, if one is installed.
fn aws_cli() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("AWS_CLI") {
        return Some(PathBuf::from(path));
    }
    let venv = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../.venv/bin/aws");
    if venv.exists() {
        return Some(venv);
    }
    let on_path = Command::new("aws").arg("--version").output();
    on_path
        .ok()
        .filter(|o| o.status.success())
        .map(|_| PathBuf::from("aws"))
}

/// `iam-mfa serve` on a free port, stopped when dropped.
struct Server {
    child: Child,
    url: String,
}

impl Server {
    fn start(sandbox: &Sandbox) -> Server {
        let mut child = sandbox
            .command()
            .args(["serve", "--port", "0"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("iam-mfa serve starts");
        let stdout = child.stdout.take().expect("piped stdout");
        let mut line = String::new();
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("a first line");
        let url = line
            .trim()
            .strip_prefix("listening on ")
            .unwrap_or_else(|| panic!("unexpected first line: {line}"))
            .to_owned();
        Server { child, url }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Both tools, pointed at one server.
struct Pair<'a> {
    sandbox: &'a Sandbox,
    aws: PathBuf,
    url: String,
}

impl Pair<'_> {
    /// Runs the AWS CLI with only PATH, a private HOME, no config files
    /// and the test credentials in its environment.
    fn aws(&self, args: &[&str]) -> Run {
        let mut all = vec!["--endpoint-url", &self.url, "iam"];
        all.extend(args);
        let output = Command::new(&self.aws)
            .args(&all)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.sandbox.path("home"))
            .env("AWS_CONFIG_FILE", self.sandbox.path("no-aws-config"))
            .env(
                "AWS_SHARED_CREDENTIALS_FILE",
                self.sandbox.path("no-aws-credentials"),
            )
            .envs(aws_test_env())
            .stdin(Stdio::null())
            .output()
            .expect("the AWS CLI runs");
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8(output.stdout).unwrap(),
            stderr: String::from_utf8(output.stderr).unwrap(),
        }
    }

    fn ours(&self, args: &[&str]) -> Run {
        self.sandbox.aws(&self.url, args)
    }

    /// Runs both and asserts that they print the same thing, in every
    /// output format. Returns the JSON output.
    fn same(&self, args: &[&str]) -> String {
        self.same_in(args, &["json", "text", "table"])
    }

    /// [`Pair::same`] in the given output formats only.
    fn same_in(&self, args: &[&str], formats: &[&str]) -> String {
        // The AWS CLI takes most of a second to start: run the formats at
        // the same time.
        let runs: Vec<(Vec<&str>, Run, Run)> = std::thread::scope(|scope| {
            let handles: Vec<_> = formats
                .iter()
                .map(|&format| {
                    let mut all = args.to_vec();
                    all.extend(["--output", format]);
                    scope.spawn(move || {
                        let theirs = self.aws(&all);
                        let ours = self.ours(&all);
                        (all, theirs, ours)
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        let mut json = String::new();
        for (all, theirs, ours) in runs {
            assert_eq!(theirs.code, 0, "aws {all:?}: {}", theirs.stderr);
            assert_eq!(ours.code, 0, "iam-mfa {all:?}: {}", ours.stderr);
            assert_eq!(ours.stdout, theirs.stdout, "{all:?}");
            if all.last() == Some(&"json") {
                json = ours.stdout;
            }
        }
        json
    }

    /// Runs both on an error and asserts the same code and message.
    fn same_error(&self, args: &[&str]) {
        let theirs = self.aws(args);
        let ours = self.ours(args);
        assert_ne!(theirs.code, 0);
        assert_ne!(ours.code, 0);
        let their_line = theirs
            .stderr
            .trim()
            .lines()
            .last()
            .unwrap_or_default()
            .to_owned();
        let our_line = ours.stderr.trim().to_owned();
        let our_line = match our_line.rfind(" (request id: ") {
            Some(at) => our_line[..at].to_owned(),
            None => our_line,
        };
        assert_eq!(our_line, their_line, "{args:?}");
    }
}

fn enable_codes(seed_file: &Path) -> (String, String) {
    let seed = std::fs::read(seed_file).unwrap();
    let (first, second) = iam_mfa::totp::enable_codes(&seed, SystemTime::now()).unwrap();
    (first.as_str().to_owned(), second.as_str().to_owned())
}

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap()
}

#[test]
fn iam_mfa_prints_what_the_aws_cli_prints() {
    let Some(aws) = aws_cli() else {
        eprintln!(
            "SKIPPED: no AWS CLI found (install requirements-test.txt into .venv, or set \
             AWS_CLI); the outputs were not compared"
        );
        return;
    };
    let sandbox = Sandbox::new();
    let server = Server::start(&sandbox);
    let pair = Pair {
        sandbox: &sandbox,
        aws,
        url: server.url.clone(),
    };

    for user in ["alice", "bob"] {
        let run = pair.aws(&["create-user", "--user-name", user]);
        assert_eq!(run.code, 0, "{}", run.stderr);
    }

    // Creating: the same answer but for the name, and the same file.
    let their_seed = sandbox.path("theirs.seed");
    let our_seed = sandbox.path("ours.seed");
    let create = |name: &str, seed: &Path| {
        vec![
            "create-virtual-mfa-device".to_owned(),
            "--virtual-mfa-device-name".to_owned(),
            name.to_owned(),
            "--path".to_owned(),
            "/team/".to_owned(),
            "--tags".to_owned(),
            "Key=owner,Value=alice".to_owned(),
            "Key=site,Value=lyon".to_owned(),
            "--outfile".to_owned(),
            seed.to_str().unwrap().to_owned(),
            "--bootstrap-method".to_owned(),
            "Base32StringSeed".to_owned(),
        ]
    };
    let theirs = pair.aws(
        &create("phone-a", &their_seed)
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
    let ours = pair.ours(
        &create("phone-b", &our_seed)
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
    assert_eq!(theirs.code, 0, "{}", theirs.stderr);
    assert_eq!(ours.code, 0, "{}", ours.stderr);
    assert_eq!(ours.stdout.replace("phone-b", "phone-a"), theirs.stdout);
    assert_eq!(mode(&their_seed), 0o600);
    assert_eq!(mode(&our_seed), 0o600);
    assert_eq!(
        std::fs::read(&our_seed).unwrap().len(),
        std::fs::read(&their_seed).unwrap().len()
    );
    let serial_a = "arn:aws:iam::123456789012:mfa/team/phone-a";
    let serial_b = "arn:aws:iam::123456789012:mfa/team/phone-b";

    for index in 0..5 {
        let name = format!("spare-{index}");
        let outfile = sandbox.path(&format!("spare-{index}.png"));
        let args = [
            "create-virtual-mfa-device",
            "--virtual-mfa-device-name",
            &name,
            "--outfile",
            outfile.to_str().unwrap(),
            "--bootstrap-method",
            "QRCodePNG",
        ];
        let run = if index % 2 == 0 {
            pair.aws(&args)
        } else {
            pair.ours(&args)
        };
        assert_eq!(run.code, 0, "{}", run.stderr);
    }

    // Enabling: each tool enables one device; both print nothing.
    let (code1, code2) = enable_codes(&their_seed);
    let theirs = pair.aws(&[
        "enable-mfa-device",
        "--user-name",
        "alice",
        "--serial-number",
        serial_a,
        "--authentication-code1",
        &code1,
        "--authentication-code2",
        &code2,
    ]);
    assert_eq!(
        (theirs.code, theirs.stdout.as_str()),
        (0, ""),
        "{}",
        theirs.stderr
    );
    let ours = pair.ours(&[
        "enable-mfa-device",
        "--user-name",
        "bob",
        "--serial-number",
        serial_b,
        "--seed-file",
        our_seed.to_str().unwrap(),
    ]);
    assert_eq!(
        (ours.code, ours.stdout.as_str()),
        (0, ""),
        "{}",
        ours.stderr
    );

    // Reading: identical output in every format.
    let all = pair.same(&["list-virtual-mfa-devices"]);
    assert_eq!(json(&all)["VirtualMFADevices"].as_array().unwrap().len(), 7);
    pair.same(&[
        "list-virtual-mfa-devices",
        "--assignment-status",
        "Assigned",
    ]);
    pair.same(&[
        "list-virtual-mfa-devices",
        "--assignment-status",
        "Unassigned",
    ]);
    pair.same(&["list-mfa-devices", "--user-name", "alice"]);
    pair.same(&["list-mfa-devices", "--user-name", "bob"]);
    pair.same(&["get-mfa-device", "--serial-number", serial_a]);
    pair.same(&[
        "get-mfa-device",
        "--serial-number",
        serial_b,
        "--user-name",
        "bob",
    ]);
    pair.same(&["list-mfa-device-tags", "--serial-number", serial_b]);

    // Paging: the same items and the same tokens, token after token.
    for extra in [vec![], vec!["--page-size", "2"], vec!["--page-size", "3"]] {
        let mut token: Option<String> = None;
        let mut pages = 0;
        loop {
            let mut args = vec!["list-virtual-mfa-devices", "--max-items", "2"];
            args.extend(extra.iter().copied());
            if let Some(token) = &token {
                args.extend(["--starting-token", token.as_str()]);
            }
            // Every format for the default page size; JSON, which holds
            // the token too, for the others (each AWS CLI run takes ~1 s).
            let formats: &[&str] = if extra.is_empty() {
                &["json", "text", "table"]
            } else {
                &["json"]
            };
            let page = json(&pair.same_in(&args, formats));
            pages += 1;
            match page.get("NextToken") {
                Some(next) => token = Some(next.as_str().unwrap().to_owned()),
                None => break,
            }
        }
        assert_eq!(pages, 4, "7 devices, 2 at a time, with {extra:?}");
    }
    pair.same(&[
        "list-mfa-device-tags",
        "--serial-number",
        serial_a,
        "--max-items",
        "1",
    ]);

    // Changing tags: each tool on its own device, then the same listing.
    let tag = |run: Run| assert_eq!((run.code, run.stdout.as_str()), (0, ""), "{}", run.stderr);
    tag(pair.aws(&[
        "tag-mfa-device",
        "--serial-number",
        serial_a,
        "--tags",
        "Key=site,Value=paris",
    ]));
    tag(pair.ours(&[
        "tag-mfa-device",
        "--serial-number",
        serial_b,
        "--tags",
        "Key=site,Value=paris",
    ]));
    tag(pair.aws(&[
        "untag-mfa-device",
        "--serial-number",
        serial_a,
        "--tag-keys",
        "owner",
    ]));
    tag(pair.ours(&[
        "untag-mfa-device",
        "--serial-number",
        serial_b,
        "--tag-keys",
        "owner",
    ]));
    let theirs = pair.same(&["list-mfa-device-tags", "--serial-number", serial_a]);
    let ours = pair.same(&["list-mfa-device-tags", "--serial-number", serial_b]);
    assert_eq!(ours, theirs);

    // Errors: the same code and message.
    pair.same_error(&[
        "get-mfa-device",
        "--serial-number",
        "arn:aws:iam::123456789012:mfa/none",
    ]);
    pair.same_error(&["delete-virtual-mfa-device", "--serial-number", serial_a]);
    pair.same_error(&[
        "create-virtual-mfa-device",
        "--virtual-mfa-device-name",
        "phone-a",
        "--outfile",
        sandbox.path("again.seed").to_str().unwrap(),
        "--bootstrap-method",
        "Base32StringSeed",
    ]);

    // Resynchronizing: both print nothing.
    let (code1, code2) = enable_codes(&their_seed);
    tag(pair.aws(&[
        "resync-mfa-device",
        "--user-name",
        "alice",
        "--serial-number",
        serial_a,
        "--authentication-code1",
        &code1,
        "--authentication-code2",
        &code2,
    ]));
    tag(pair.ours(&[
        "resync-mfa-device",
        "--user-name",
        "bob",
        "--serial-number",
        serial_b,
        "--seed-file",
        our_seed.to_str().unwrap(),
    ]));

    // Tearing down: each tool deactivates one device; both print nothing,
    // and the listings agree.
    for (serial, user) in [(serial_a, "alice"), (serial_b, "bob")] {
        let args = [
            "deactivate-mfa-device",
            "--user-name",
            user,
            "--serial-number",
            serial,
        ];
        tag(if user == "alice" {
            pair.aws(&args)
        } else {
            pair.ours(&args)
        });
        pair.same(&["list-mfa-devices", "--user-name", user]);
    }
    tag(pair.aws(&["delete-virtual-mfa-device", "--serial-number", serial_a]));
    tag(pair.ours(&["delete-virtual-mfa-device", "--serial-number", serial_b]));
    let rest = pair.same(&["list-virtual-mfa-devices"]);
    assert_eq!(
        json(&rest)["VirtualMFADevices"].as_array().unwrap().len(),
        5
    );
}
