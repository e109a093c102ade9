//! The one place where a Rust [`iam_mfa::Error`] becomes a Python
//! exception.
//!
//! The exception classes live in the pure-Python module `iam_mfa._errors`,
//! where they pickle like any Python exception; its table `_BY_KIND` maps
//! each kind name of [`ErrorKind`] to its class. An error of a kind the
//! table lacks becomes the base class, `IamMfaError`.

use iam_mfa::{Error, ErrorKind};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyTuple};

/// `iam_mfa._errors._BY_KIND`, looked up once.
static CLASSES: PyOnceLock<Py<PyDict>> = PyOnceLock::new();

/// The Python exception for `error`: an instance of the class of its
/// kind, carrying its message, AWS error code and request id.
pub fn to_py_err(error: Error) -> PyErr {
    Python::attach(|py| exception(py, &error).unwrap_or_else(|failure| failure))
}

fn exception(py: Python<'_>, error: &Error) -> PyResult<PyErr> {
    let classes = CLASSES.get_or_try_init(py, || -> PyResult<Py<PyDict>> {
        let table = py.import("iam_mfa._errors")?.getattr("_BY_KIND")?;
        Ok(table.cast_into::<PyDict>()?.unbind())
    })?;
    let classes = classes.bind(py);

    let class = match classes.get_item(error.kind().name())? {
        Some(class) => class,
        None => py.import("iam_mfa._errors")?.getattr("IamMfaError")?,
    };
    let arguments = PyTuple::new(
        py,
        [
            error.message().into_pyobject(py)?.into_any(),
            error.code().into_pyobject(py)?,
            error.request_id().into_pyobject(py)?,
        ],
    )?;
    Ok(PyErr::from_value(class.call1(arguments)?))
}

/// The names of every error kind, in the order of [`ErrorKind::ALL`].
pub fn kind_names() -> Vec<&'static str> {
    ErrorKind::ALL.iter().map(|kind| kind.name()).collect()
}

/// The exception that an error of the named kind becomes, for testing the
/// conversion from Python. The code defaults to the kind's own.
///
/// # Errors
///
/// `InvalidInputError` for a name that is not a kind.
pub fn for_kind(
    kind: &str,
    message: String,
    code: Option<String>,
    request_id: Option<String>,
) -> PyResult<PyErr> {
    let Some(kind) = ErrorKind::ALL
        .into_iter()
        .find(|known| known.name() == kind)
    else {
        return Err(to_py_err(Error::invalid_input(format!(
            "kind: {kind:?} is not one of {:?}",
            kind_names()
        ))));
    };

    let mut error = Error::new(kind, message);
    if let Some(code) = code {
        error = error.with_code(code);
    }
    if let Some(request_id) = request_id {
        error = error.with_request_id(request_id);
    }
    Ok(to_py_err(error))
}
