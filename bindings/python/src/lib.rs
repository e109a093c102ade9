//! The native part of the `iam_mfa` Python package, `iam_mfa._native`.
//!
//! The pure-Python package re-exports everything public from here and
//! defines the exception classes; this module holds the client, the result
//! classes and the TOTP helpers, over the `iam-mfa` crate's blocking
//! client.

use pyo3::prelude::*;

mod client;
mod convert;
mod errors;
mod iter;
mod logging;
mod model;
mod totp;

/// The module `iam_mfa._native`.
#[pymodule]
mod _native {
    use pyo3::prelude::*;
    use pyo3::types::PyTuple;

    #[pymodule_export]
    use crate::client::{Client, LocalClient};
    #[pymodule_export]
    use crate::error_for_kind;
    #[pymodule_export]
    use crate::iter::ListIterator;
    #[pymodule_export]
    use crate::model::{MfaDevice, MfaDeviceDetail, Tag, User, VirtualMfaDevice};
    #[pymodule_export]
    use crate::totp::{enable_codes, totp_code};

    #[pymodule_init]
    fn init(module: &Bound<'_, PyModule>) -> PyResult<()> {
        module.add("__version__", env!("CARGO_PKG_VERSION"))?;
        let kinds = PyTuple::new(module.py(), crate::errors::kind_names())?;
        module.add("_ERROR_KINDS", kinds)?;
        crate::logging::install();
        Ok(())
    }
}

/// The exception an error of the named kind becomes; the conversion of
/// every error of the library goes through the same code.
#[pyfunction]
#[pyo3(name = "_error_for_kind", signature = (kind, message, code=None, request_id=None))]
fn error_for_kind(
    py: Python<'_>,
    kind: &str,
    message: String,
    code: Option<String>,
    request_id: Option<String>,
) -> PyResult<Py<PyAny>> {
    let error = errors::for_kind(kind, message, code, request_id)?;
    Ok(error.into_value(py).into_any())
}
