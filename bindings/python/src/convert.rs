//! Python arguments turned into owned Rust values, before any work starts.
//!
//! A value of the wrong type raises `TypeError`; a value of the right type
//! that breaks a rule (a naive datetime, a negative duration) raises
//! `InvalidInputError`, which is also a `ValueError`. The rules of IAM
//! itself (lengths, patterns, ranges) are checked later by the core, so
//! that every front end gives the same messages.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use iam_mfa::{Error, Secret, Tag};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{
    PyBool, PyByteArray, PyBytes, PyDateTime, PyDelta, PyFloat, PyInt, PyMapping, PyString,
};

use crate::errors::to_py_err;

/// A mapping of tag keys to values, in the mapping's own order.
///
/// # Errors
///
/// `TypeError` when `tags` is not a mapping or a key or value is not a
/// `str`.
pub fn tags(field: &str, tags: &Bound<'_, PyAny>) -> PyResult<Vec<Tag>> {
    let mapping = tags.cast::<PyMapping>().map_err(|_| {
        PyTypeError::new_err(format!(
            "{field}: expected a mapping of str to str, got {}",
            type_name(tags)
        ))
    })?;

    let mut converted = Vec::new();
    for item in mapping.items()?.iter() {
        let (key, value): (Bound<'_, PyAny>, Bound<'_, PyAny>) = item.extract()?;
        converted.push(Tag::new(
            string(&format!("{field} key"), &key)?,
            string(&format!("{field} value"), &value)?,
        ));
    }
    Ok(converted)
}

/// An iterable of tag keys. A lone `str` is refused rather than read as
/// a sequence of one-character keys.
///
/// # Errors
///
/// `TypeError` when `keys` is a `str`, is not iterable, or holds anything
/// but `str`.
pub fn tag_keys(keys: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
    if keys.is_instance_of::<PyString>() || keys.is_instance_of::<PyBytes>() {
        return Err(PyTypeError::new_err(
            "tag_keys: expected an iterable of str, got a single string",
        ));
    }

    let iterator = keys.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "tag_keys: expected an iterable of str, got {}",
            type_name(keys)
        ))
    })?;
    iterator.map(|key| string("tag_keys item", &key?)).collect()
}

/// A `str`, with a message naming the field when it is not one.
fn string(field: &str, value: &Bound<'_, PyAny>) -> PyResult<String> {
    if !value.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(format!(
            "{field}: expected str, got {}",
            type_name(value)
        )));
    }
    value.extract()
}

/// A base32 seed given as `bytes` or `str`, held in wiped memory.
///
/// # Errors
///
/// `TypeError` for anything but `bytes`, `bytearray` or `str`.
pub fn seed(seed: &Bound<'_, PyAny>) -> PyResult<Secret> {
    if seed.is_instance_of::<PyString>() {
        return Ok(Secret::from(seed.extract::<String>()?));
    }
    if let Ok(bytes) = seed.cast::<PyBytes>() {
        return Ok(Secret::new(bytes.as_bytes().to_vec()));
    }
    if let Ok(bytes) = seed.cast::<PyByteArray>() {
        return Ok(Secret::new(bytes.to_vec()));
    }
    Err(PyTypeError::new_err(format!(
        "seed: expected bytes or str, got {}",
        type_name(seed)
    )))
}

/// A point in time: a timezone-aware `datetime`, or seconds since the
/// Unix epoch as an `int` or `float`. `None` is now.
///
/// # Errors
///
/// `TypeError` for other types; `InvalidInputError` for a naive
/// datetime, a time before 1970, or a number that is not finite.
pub fn instant(field: &str, at: Option<&Bound<'_, PyAny>>) -> PyResult<SystemTime> {
    let Some(at) = at else {
        return Ok(SystemTime::now());
    };

    if let Ok(datetime) = at.cast::<PyDateTime>() {
        if datetime.getattr("utcoffset")?.call0()?.is_none() {
            return Err(invalid(format!(
                "{field}: the datetime must be timezone-aware (for example \
                 tzinfo=datetime.timezone.utc)"
            )));
        }
        let epoch_seconds: f64 = datetime.call_method0("timestamp")?.extract()?;
        if epoch_seconds < 0.0 {
            return Err(invalid(format!("{field}: must not be before 1970")));
        }
        return datetime.extract::<SystemTime>();
    }

    let seconds = number(field, at)?;
    if seconds < 0.0 {
        return Err(invalid(format!("{field}: must not be before 1970")));
    }
    Ok(UNIX_EPOCH + duration_from_seconds(field, seconds)?)
}

/// A length of time: a `timedelta`, or seconds as an `int` or `float`.
///
/// # Errors
///
/// `TypeError` for other types; `InvalidInputError` for a negative or
/// non-finite length.
pub fn duration(field: &str, value: &Bound<'_, PyAny>) -> PyResult<Duration> {
    let seconds = if let Ok(delta) = value.cast::<PyDelta>() {
        delta.call_method0("total_seconds")?.extract::<f64>()?
    } else {
        number(field, value)?
    };
    if seconds < 0.0 {
        return Err(invalid(format!("{field}: must not be negative")));
    }
    duration_from_seconds(field, seconds)
}

/// An `int` or `float` (not a `bool`) as a finite `f64`.
fn number(field: &str, value: &Bound<'_, PyAny>) -> PyResult<f64> {
    let is_number = value.is_instance_of::<PyInt>() || value.is_instance_of::<PyFloat>();
    if !is_number || value.is_instance_of::<PyBool>() {
        return Err(PyTypeError::new_err(format!(
            "{field}: expected a number of seconds, got {}",
            type_name(value)
        )));
    }

    let seconds: f64 = value.extract()?;
    if !seconds.is_finite() {
        return Err(invalid(format!("{field}: must be a finite number")));
    }
    Ok(seconds)
}

fn duration_from_seconds(field: &str, seconds: f64) -> PyResult<Duration> {
    Duration::try_from_secs_f64(seconds)
        .map_err(|_| invalid(format!("{field}: {seconds} seconds is out of range")))
}

/// A count given as a Python `int`, from 0 to 4294967295.
///
/// # Errors
///
/// `TypeError` for anything but an `int`; `InvalidInputError` for a
/// count out of that range.
pub fn count(field: &str, value: Option<&Bound<'_, PyAny>>) -> PyResult<Option<u32>> {
    let Some(value) = value else {
        return Ok(None);
    };
    integer(field, value)?;

    value.extract::<u32>().map(Some).map_err(|_| {
        invalid(format!(
            "{field}: must be from 0 to {}, got {value}",
            u32::MAX
        ))
    })
}

/// A page size (`MaxItems`) given as a Python `int`, clamped into `u32`
/// so that the core reports out-of-range values with IAM's own message.
///
/// # Errors
///
/// `TypeError` for anything but an `int`.
pub fn page_size(field: &str, value: Option<&Bound<'_, PyAny>>) -> PyResult<Option<u32>> {
    let Some(value) = value else {
        return Ok(None);
    };
    integer(field, value)?;

    if value.lt(0)? {
        return Ok(Some(0));
    }
    Ok(Some(value.extract::<u32>().unwrap_or(u32::MAX)))
}

/// Refuses anything but an `int` (a `bool` included).
fn integer(field: &str, value: &Bound<'_, PyAny>) -> PyResult<()> {
    if !value.is_instance_of::<PyInt>() || value.is_instance_of::<PyBool>() {
        return Err(PyTypeError::new_err(format!(
            "{field}: expected int, got {}",
            type_name(value)
        )));
    }
    Ok(())
}

/// An `InvalidInputError` with the given message.
pub fn invalid(message: String) -> PyErr {
    to_py_err(Error::invalid_input(message))
}

fn type_name(value: &Bound<'_, PyAny>) -> String {
    value
        .get_type()
        .name()
        .map(|name| name.to_string())
        .unwrap_or_else(|_| "an unknown type".to_owned())
}
