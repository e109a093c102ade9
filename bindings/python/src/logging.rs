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

use std::fmt::{self, Write as _};

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use tracing::field::{Field, Visit};
use tracing::{Event, Level, Subscriber};
use tracing_subscriber::layer::{Context, Layer};
use tracing_subscriber::prelude::*;

/// `logging.getLogger`, looked up once.
static GET_LOGGER: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// Makes Python's `logging` the destination of the library's events.
pub fn install() {
    let subscriber = tracing_subscriber::registry().with(PythonLogging);
    // Another library of the process may have installed its subscriber
    // first; its choice stands and events go there instead.
    let _ = tracing::subscriber::set_global_default(subscriber);
}

/// A `tracing` layer that forwards each event to Python's `logging`.
struct PythonLogging;

impl<S: Subscriber> Layer<S> for PythonLogging {
    fn on_event(&self, event: &Event<'_>, _context: Context<'_, S>) {
        let metadata = event.metadata();
        let mut message = Message::default();
        event.record(&mut message);
        let line = message.line();

        let logger = metadata.target().replace("::", ".");
        let level = python_level(*metadata.level());
        // During interpreter shutdown there is no Python to log to; the
        // event is dropped then.
        Python::try_attach(|py| {
            if let Err(error) = emit(py, &logger, level, &line) {
                error.write_unraisable(py, None);
            }
        });
    }
}

/// Logs `text` on `logger` at `level`, when that logger is enabled for it.
fn emit(py: Python<'_>, logger: &str, level: u8, text: &str) -> PyResult<()> {
    let get_logger = GET_LOGGER.get_or_try_init(py, || -> PyResult<Py<PyAny>> {
        Ok(py.import("logging")?.getattr("getLogger")?.unbind())
    })?;
    let logger = get_logger.bind(py).call1((logger,))?;

    if logger.call_method1("isEnabledFor", (level,))?.is_truthy()? {
        logger.call_method1("log", (level, "%s", text))?;
    }
    Ok(())
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
