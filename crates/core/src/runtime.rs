//! The one tokio runtime that the blocking client runs IAM calls on.
//!
//! It starts on first use, with two worker threads. A process that forks
//! after it started (Python's multiprocessing does) has no runtime threads
//! in the child; the child therefore gets a runtime of its own on its
//! first call, and the parent's, which cannot be shut down from the child,
//! is leaked there on purpose.

use std::sync::{Arc, Mutex};

use tokio::runtime::Runtime;

use crate::error::{Error, ErrorKind, Result};

/// The runtime and the process it was started in.
static SHARED: Mutex<Option<(u32, Arc<Runtime>)>> = Mutex::new(None);

/// The runtime of this process, started if need be.
///
/// # Errors
///
/// [`ErrorKind::ServiceFailure`] when the runtime's threads cannot start.
pub fn shared() -> Result<Arc<Runtime>> {
    let pid = std::process::id();
    let mut shared = SHARED
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some((owner, runtime)) = shared.as_ref() {
        if *owner == pid {
            return Ok(Arc::clone(runtime));
        }
    }

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("iam-mfa")
        .enable_all()
        .build()
        .map_err(|error| {
            Error::new(
                ErrorKind::ServiceFailure,
                format!("could not start the library's async runtime: {error}"),
            )
        })?;
    let runtime = Arc::new(runtime);
    if let Some((_, inherited)) = shared.replace((pid, Arc::clone(&runtime))) {
        // A runtime inherited across fork has no threads here; dropping it
        // would wait for them forever.
        std::mem::forget(inherited);
    }
    Ok(runtime)
}
