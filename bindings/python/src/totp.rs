//! `totp_code` and `enable_codes`: the codes an authenticator app shows.

use iam_mfa::totp;
use pyo3::prelude::*;

use crate::convert;
use crate::errors::to_py_err;

/// The six-digit code of a base32 seed at `at` (a timezone-aware datetime
/// or seconds since the Unix epoch; now when `None`).
#[pyfunction]
#[pyo3(signature = (seed, at=None))]
pub fn totp_code(seed: &Bound<'_, PyAny>, at: Option<&Bound<'_, PyAny>>) -> PyResult<String> {
    let seed = convert::seed(seed)?;
    let at = convert::instant("at", at)?;

    let code = totp::code_at(seed.expose(), at).map_err(to_py_err)?;
    Ok(code.as_str().to_owned())
}

/// The two consecutive codes that enable a device at `at`: those of the
/// previous and of the current 30-second step.
#[pyfunction]
#[pyo3(signature = (seed, at=None))]
pub fn enable_codes(
    seed: &Bound<'_, PyAny>,
    at: Option<&Bound<'_, PyAny>>,
) -> PyResult<(String, String)> {
    let seed = convert::seed(seed)?;
    let at = convert::instant("at", at)?;

    let (code1, code2) = totp::enable_codes(seed.expose(), at).map_err(to_py_err)?;
    Ok((code1.as_str().to_owned(), code2.as_str().to_owned()))
}
