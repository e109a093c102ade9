//! Running the built `iam-mfa` binary in a clean, private environment.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use tempfile::TempDir;

/// The binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_iam-mfa");

/// A private directory, a state file in it, and an environment without
/// the caller's AWS or iam-mfa settings.
pub struct Sandbox {
    pub dir: TempDir,
    pub state: PathBuf,
}

/// What a run of the binary did.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    fn from(output: Output) -> Run {
        Run {
            code: output.status.code().expect("the binary exits, not killed"),
            stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
        }
    }

    /// Asserts success and parses stdout as JSON.
    pub fn json(&self) -> serde_json::Value {
        assert_eq!(self.code, 0, "stderr: {}", self.stderr);
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| panic!("{e}: {}", self.stdout))
    }

    /// Asserts success.
    pub fn ok(&self) -> &Run {
        assert_eq!(
            self.code, 0,
            "stdout: {}\nstderr: {}",
            self.stdout, self.stderr
        );
        self
    }

    /// Asserts the exit code.
    pub fn exits(&self, code: i32) -> &Run {
        assert_eq!(
            self.code, code,
            "expected exit {code}\nstdout: {}\nstderr: {}",
            self.stdout, self.stderr
        );
        self
    }
}

impl Sandbox {
    pub fn new() -> Sandbox {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let state = dir.path().join("state.db");
        Sandbox { dir, state }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// The binary with a clean environment: no AWS_* or IAM_MFA_*
    /// variables, HOME and XDG_DATA_HOME inside the sandbox, no config
    /// files, no metadata service.
    pub fn command(&self) -> Command {
        let mut command = Command::new(BIN);
        for (key, _) in std::env::vars_os() {
            let key = key.to_string_lossy().into_owned();
            if key.starts_with("AWS_") || key.starts_with("IAM_MFA_") {
                command.env_remove(&key);
            }
        }
        command
            .env("HOME", self.dir.path().join("home"))
            .env("XDG_DATA_HOME", self.dir.path().join("data"))
            .env("AWS_CONFIG_FILE", self.dir.path().join("no-aws-config"))
            .env(
                "AWS_SHARED_CREDENTIALS_FILE",
                self.dir.path().join("no-aws-credentials"),
            )
            .env("AWS_EC2_METADATA_DISABLED", "true")
            .stdin(Stdio::null());
        command
    }

    /// Runs the binary with `args` exactly.
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_with(args, &[])
    }

    /// Runs the binary with `args` and extra environment variables.
    pub fn run_with(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        let mut command = self.command();
        command.args(args);
        for (key, value) in env {
            command.env(key, value);
        }
        Run::from(command.output().expect("the binary runs"))
    }

    /// Runs the binary on the sandbox's emulator state file.
    pub fn local(&self, args: &[&str]) -> Run {
        let mut all: Vec<&str> = args.to_vec();
        let state = self.state.to_str().expect("a UTF-8 path");
        all.extend(["--state", state]);
        self.run(&all)
    }

    /// Runs the binary against an IAM endpoint with test credentials and
    /// no retries.
    pub fn aws(&self, endpoint: &str, args: &[&str]) -> Run {
        let mut all: Vec<&str> = args.to_vec();
        all.extend(["--endpoint-url", endpoint]);
        self.run_with(&all, &aws_test_env())
    }
}

/// Credentials and settings for talking to a local IAM endpoint.
pub fn aws_test_env() -> Vec<(&'static str, &'static str)> {
    vec![
        ("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE"),
        (
            "AWS_SECRET_ACCESS_KEY",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        ),
        ("AWS_DEFAULT_REGION", "us-east-1"),
        ("AWS_REGION", "us-east-1"),
        ("AWS_MAX_ATTEMPTS", "1"),
    ]
}

/// The file's permission bits.
pub fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .expect("the file exists")
        .permissions()
        .mode()
        & 0o777
}

/// The serial number of a virtual device named `name` at `path` in the
/// emulator's default account.
pub fn serial(path: &str, name: &str) -> String {
    format!("arn:aws:iam::123456789012:mfa{path}{name}")
}
