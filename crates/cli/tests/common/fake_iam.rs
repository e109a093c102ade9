//! A fake IAM endpoint that answers every request with one canned error,
//! or never answers, to reach the error kinds the emulator cannot cause.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

/// What the endpoint does with each request.
#[derive(Clone)]
pub enum Behaviour {
    /// Answers with IAM's error document for `code`, with `status`.
    Error { status: u16, code: &'static str },
    /// Reads the request and never answers.
    Silent,
}

/// A running fake endpoint; it stops serving when dropped (its thread
/// ends with the test process).
pub struct FakeIam {
    pub url: String,
    pub actions: Arc<Mutex<Vec<String>>>,
}

pub const REQUEST_ID: &str = "3d9ab6a2-0000-4000-8000-fa4e1a3c0de5";

impl FakeIam {
    pub fn start(behaviour: Behaviour) -> FakeIam {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
        let url = format!("http://{}", listener.local_addr().unwrap());
        let actions = Arc::new(Mutex::new(Vec::new()));
        let seen = Arc::clone(&actions);
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let behaviour = behaviour.clone();
                let seen = Arc::clone(&seen);
                thread::spawn(move || serve(stream, &behaviour, &seen));
            }
        });
        FakeIam { url, actions }
    }
}

fn serve(stream: TcpStream, behaviour: &Behaviour, seen: &Mutex<Vec<String>>) {
    let mut reader = BufReader::new(stream.try_clone().expect("a socket clone"));
    loop {
        let mut length = 0usize;
        let mut line = String::new();
        loop {
            line.clear();
            if reader.read_line(&mut line).unwrap_or(0) == 0 {
                return;
            }
            let lower = line.to_ascii_lowercase();
            if let Some(value) = lower.strip_prefix("content-length:") {
                length = value.trim().parse().unwrap_or(0);
            }
            if line == "\r\n" {
                break;
            }
        }
        let mut body = vec![0u8; length];
        if reader.read_exact(&mut body).is_err() {
            return;
        }
        let body = String::from_utf8_lossy(&body).into_owned();
        let action = body
            .split('&')
            .find_map(|pair| pair.strip_prefix("Action="))
            .unwrap_or_default()
            .to_owned();
        seen.lock().unwrap().push(action);

        match behaviour {
            Behaviour::Silent => {
                thread::sleep(Duration::from_secs(60));
                return;
            }
            Behaviour::Error { status, code } => {
                let xml = format!(
                    "<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">\
                     <Error><Type>Sender</Type><Code>{code}</Code>\
                     <Message>canned {code} answer</Message></Error>\
                     <RequestId>{REQUEST_ID}</RequestId></ErrorResponse>"
                );
                let response = format!(
                    "HTTP/1.1 {status} Canned\r\ncontent-type: text/xml\r\n\
                     x-amzn-requestid: {REQUEST_ID}\r\ncontent-length: {}\r\n\r\n{xml}",
                    xml.len()
                );
                let mut writer = &stream;
                if writer.write_all(response.as_bytes()).is_err() {
                    return;
                }
            }
        }
    }
}
