//! The library's `tracing` events, handed to Python's `logging`.
//!
//! An event of target `iam_mfa::client` goes to the logger
//! `iam_mfa.client`, and so on for the AWS SDK's own targets; the Python
//! application decides with its logging configuration what is shown and
//! where. Nothing is ever written to stderr directly. The core logs no
//! secrets, so none reach Python's handlers either.
//!
//! The bridge is installed as the process's global `tracing` subscriber
//! when the module is imported, unless the process already has one.

use std::collections::BTreeMap;
use std::fmt::{self, Write as _};
use std::sync::{Mutex, MutexGuard};

use pyo3::intern;
use pyo3::prelude::*;
use tracing::field::{Field, Visit};
use tracing::{Event, Level, Subscriber};
use tracing_subscriber::layer::{Context, Layer};
use tracing_subscriber::prelude::*;

/// The Python logger of each `tracing` target, looked up once. Python's
/// `logging` never discards a logger, so a cached one stays the logger
/// that `logging.getLogger` would return.
static LOGGERS: Mutex<BTreeMap<&'static str, Py<PyAny>>> = Mutex::new(BTreeMap::new());

/// Makes Python's `logging` the destination of the library's events.
pub fn install() {
    let subscriber = tracing_subscriber::registry().with(PythonLogging);
    // Another library of the process may have installed its subscriber
    // first; its choice stands and events go there instead.
    let _ = tracing::subscriber::set_global_default(subscriber);
}

/// A `tracing` layer that forwards each event to Python's `logging`.
///
/// Every call of the library ends with a debug event, so the common case,
/// a logger not enabled for the event's level, is kept cheap: the logger
/// is cached and asked first, and the message is formatted only when it
/// will be logged.
struct PythonLogging;

impl<S: Subscriber> Layer<S> for PythonLogging {
    fn on_event(&self, event: &Event<'_>, _context: Context<'_, S>) {
        let metadata = event.metadata();
        let level = python_level(*metadata.level());
        // During interpreter shutdown there is no Python to log to; the
        // event is dropped then.
        Python::try_attach(|py| {
            if let Err(error) = emit(py, metadata.target(), level, event) {
                error.write_unraisable(py, None);
            }
        });
    }
}

/// Logs `event` on the logger of `target` at `level`, when that logger is
/// enabled for it.
fn emit(py: Python<'_>, target: &'static str, level: u8, event: &Event<'_>) -> PyResult<()> {
    let logger = logger(py, target)?;
    let logger = logger.bind(py);
    if !logger
        .call_method1(intern!(py, "isEnabledFor"), (level,))?
        .is_truthy()?
    {
        return Ok(());
    }

    let mut message = Message::default();
    event.record(&mut message);
    logger.call_method1(intern!(py, "log"), (level, "%s", message.line()))?;
    Ok(())
}

/// The logger of `target`: `iam_mfa::client` logs to `iam_mfa.client`.
///
/// The cache's lock is never held while Python code runs: `getLogger`
/// takes `logging`'s own lock, which a handler on another thread may hold
/// while it calls this library.
fn logger(py: Python<'_>, target: &'static str) -> PyResult<Py<PyAny>> {
    if let Some(logger) = loggers().get(target) {
        return Ok(logger.clone_ref(py));
    }
    let name = target.replace("::", ".");
    let logger = py
        .import("logging")?
        .call_method1("getLogger", (name,))?
        .unbind();
    Ok(loggers().entry(target).or_insert(logger).clone_ref(py))
}

fn loggers() -> MutexGuard<'static, BTreeMap<&'static str, Py<PyAny>>> {
    LOGGERS.lock().unwrap_or_else(|p| p.into_inner())
}

/// Python's number for a `tracing` level; TRACE is 5, below DEBUG.
fn python_level(level: Level) -> u8 {
    match level {
        Level::ERROR => 40,
        Level::WARN => 30,
        Level::INFO => 20,
        Level::DEBUG => 10,
        Level::TRACE => 5,
    }
}

/// An event's message followed by its other fields as `name=value`.
#[derive(Default)]
struct Message {
    text: String,
    fields: String,
}

impl Message {
    fn push(&mut self, field: &Field, value: fmt::Arguments<'_>) {
        if field.name() == "message" {
            let _ = write!(self.text, "{value}");
        } else {
            let _ = write!(self.fields, " {}={value}", field.name());
        }
    }
}

impl Visit for Message {
    fn record_str(&mut self, field: &Field, value: &str) {
        self.push(field, format_args!("{value}"));
    }

    fn record_debug(&mut self, field: &Field, value: &dyn fmt::Debug) {
        self.push(field, format_args!("{value:?}"));
    }
}

impl Message {
    /// The whole line: the message, then the fields.
    fn line(self) -> String {
        let mut line = self.text;
        line.push_str(&self.fields);
        line
    }
}
