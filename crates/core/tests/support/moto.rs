//! A moto server for tests and benchmarks: started on a free port of
//! 127.0.0.1, polled until it answers, reset between tests, stopped at the
//! end.
//!
//! `moto_server` is taken from the project's virtualenv (`.venv/bin`) when
//! it is there, else from `PATH`. It runs under a small shell that waits on
//! its standard input and stops moto when that input closes, which happens
//! when this process exits in any way, so that a server kept in a `static`
//! (whose destructor never runs) does not outlive the tests.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::time::{Duration, Instant};

/// The account id moto puts in every ARN.
pub const ACCOUNT_ID: &str = "123456789012";

/// How long moto may take to answer its first request.
const START_TIMEOUT: Duration = Duration::from_secs(30);

/// A running moto server.
pub struct Moto {
    child: Child,
    /// Closing it stops the server; see the module documentation.
    stdin: Option<ChildStdin>,
    port: u16,
}

impl Moto {
    /// Starts `moto_server` on a free port and waits until it answers.
    ///
    /// # Errors
    ///
    /// A message saying that moto is not installed (and how to install
    /// it), or that it did not start in time.
    pub fn start() -> Result<Moto, String> {
        let program = moto_server()?;
        let port = free_port()?;

        let script = "\"$0\" -H 127.0.0.1 -p \"$1\" >/dev/null 2>&1 & server=$!; \
                      cat >/dev/null; kill \"$server\" 2>/dev/null; wait \"$server\"";
        let mut child = Command::new("sh")
            .args(["-c", script])
            .arg(&program)
            .arg(port.to_string())
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|error| format!("could not start {}: {error}", program.display()))?;
        let stdin = child.stdin.take();
        let mut moto = Moto { child, stdin, port };

        let started = Instant::now();
        while started.elapsed() < START_TIMEOUT {
            if moto.request("GET", "/moto-api/").is_ok() {
                return Ok(moto);
            }
            if let Ok(Some(status)) = moto.child.try_wait() {
                return Err(format!("{} exited at start: {status}", program.display()));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        moto.stop();
        Err(format!(
            "moto did not answer on port {port} within {START_TIMEOUT:?}"
        ))
    }

    /// The server's base URL.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Forgets every entity the server holds.
    ///
    /// # Panics
    ///
    /// When the server does not accept the reset.
    pub fn reset(&self) {
        let answer = self
            .request("POST", "/moto-api/reset")
            .unwrap_or_else(|error| panic!("moto reset: {error}"));
        assert!(answer.starts_with("HTTP/1.1 200"), "moto reset: {answer}");
    }

    /// Stops the server and waits for it.
    pub fn stop(&mut self) {
        drop(self.stdin.take());
        let _ = self.child.wait();
    }

    /// Sends one bodiless request and returns the whole answer.
    fn request(&self, method: &str, path: &str) -> std::io::Result<String> {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port))?;
        stream.set_read_timeout(Some(Duration::from_secs(10)))?;
        let request = format!(
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nContent-Length: 0\r\n\
             Connection: close\r\n\r\n",
            self.port
        );
        stream.write_all(request.as_bytes())?;
        stream.shutdown(Shutdown::Write)?;
        let mut answer = String::new();
        stream.read_to_string(&mut answer)?;
        Ok(answer)
    }
}

impl Drop for Moto {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Where `moto_server` is: the project's virtualenv first, then `PATH`.
fn moto_server() -> Result<PathBuf, String> {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let in_venv = workspace.join(".venv/bin/moto_server");
    if in_venv.is_file() {
        return Ok(in_venv);
    }

    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .map(|dir| dir.join("moto_server"))
        .find(|candidate| candidate.is_file())
        .ok_or_else(|| {
            "moto_server not found in .venv/bin or PATH: install it with \
             `python3 -m venv .venv && .venv/bin/pip install 'moto[server]'`"
                .to_owned()
        })
}

/// A port of 127.0.0.1 that nothing listens on now.
fn free_port() -> Result<u16, String> {
    let listener = TcpListener::bind("127.0.0.1:0").map_err(|error| error.to_string())?;
    let port = listener
        .local_addr()
        .map_err(|error| error.to_string())?
        .port();
    Ok(port)
}
