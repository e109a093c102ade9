//! The result classes: frozen Python views of the core's model.
//!
//! Fields carry IAM's names in snake case. Times are timezone-aware UTC
//! datetimes. Seeds and QR codes stay in the core's wiped memory; each
//! read of `base32_string_seed` or `qr_code_png` hands out a new `bytes`,
//! which Python cannot wipe. No `repr` shows a seed or a QR code. The
//! emulator's QR code is drawn on the first read of `qr_code_png`.

use std::collections::BTreeMap;
use std::time::SystemTime;

use iam_mfa::{QrCodePng, Secret, model};
use pyo3::BoundObject;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict};

/// A key and value attached to an MFA device.
#[pyclass(frozen, eq, hash, module = "iam_mfa")]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Tag {
    /// The key, case-sensitive.
    #[pyo3(get)]
    key: String,
    /// The value, possibly empty.
    #[pyo3(get)]
    value: String,
}

#[pymethods]
impl Tag {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Tag(key={}, value={})",
            repr(py, &self.key)?,
            repr(py, &self.value)?
        ))
    }
}

impl From<model::Tag> for Tag {
    fn from(tag: model::Tag) -> Tag {
        Tag {
            key: tag.key,
            value: tag.value,
        }
    }
}

/// An IAM user.
#[pyclass(frozen, eq, hash, module = "iam_mfa")]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct User {
    #[pyo3(get)]
    path: String,
    #[pyo3(get)]
    user_name: String,
    #[pyo3(get)]
    user_id: String,
    #[pyo3(get)]
    arn: String,
    #[pyo3(get)]
    create_date: SystemTime,
}

#[pymethods]
impl User {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "User(path={}, user_name={}, user_id={}, arn={}, create_date={})",
            repr(py, &self.path)?,
            repr(py, &self.user_name)?,
            repr(py, &self.user_id)?,
            repr(py, &self.arn)?,
            repr(py, self.create_date)?
        ))
    }
}

impl From<model::User> for User {
    fn from(user: model::User) -> User {
        User {
            path: user.path,
            user_name: user.user_name,
            user_id: user.user_id,
            arn: user.arn,
            create_date: user.create_date,
        }
    }
}

/// A virtual MFA device. The seed and QR code are present only in the
/// answer to `create_virtual_mfa_device`.
#[pyclass(frozen, eq, module = "iam_mfa")]
#[derive(PartialEq, Eq)]
pub struct VirtualMfaDevice {
    #[pyo3(get)]
    serial_number: String,
    seed: Option<Secret>,
    qr_code: Option<QrCodePng>,
    #[pyo3(get)]
    user: Option<User>,
    #[pyo3(get)]
    enable_date: Option<SystemTime>,
    tags: Vec<(String, String)>,
}

#[pymethods]
impl VirtualMfaDevice {
    /// The seed as base32 text (ASCII bytes), or `None`.
    #[getter]
    fn base32_string_seed<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyBytes>> {
        self.seed
            .as_ref()
            .map(|seed| PyBytes::new(py, seed.expose()))
    }

    /// A PNG of the QR code of the device's `otpauth://` URI, or `None`.
    /// The emulator draws it on the first read, with the GIL released.
    #[getter]
    fn qr_code_png<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyBytes>> {
        let qr_code = self.qr_code.as_ref()?;
        let png = py.detach(|| qr_code.png());
        Some(PyBytes::new(py, png.expose()))
    }

    /// The device's tags, as a new dict on each read.
    #[getter]
    fn tags<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let tags = PyDict::new(py);
        for (key, value) in &self.tags {
            tags.set_item(key, value)?;
        }
        Ok(tags)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let user = match &self.user {
            Some(user) => user.__repr__(py)?,
            None => "None".to_owned(),
        };
        Ok(format!(
            "VirtualMfaDevice(serial_number={}, base32_string_seed={}, qr_code_png={}, \
             user={}, enable_date={}, tags={})",
            repr(py, &self.serial_number)?,
            redacted(self.seed.as_ref()),
            // Without its length, which would need the image drawn.
            if self.qr_code.is_some() {
                "<redacted PNG>"
            } else {
                "None"
            },
            user,
            repr(py, self.enable_date)?,
            self.tags(py)?.repr()?
        ))
    }
}

impl From<model::VirtualMfaDevice> for VirtualMfaDevice {
    fn from(device: model::VirtualMfaDevice) -> VirtualMfaDevice {
        VirtualMfaDevice {
            serial_number: device.serial_number,
            seed: device.base32_string_seed,
            qr_code: device.qr_code_png,
            user: device.user.map(User::from),
            enable_date: device.enable_date,
            tags: device
                .tags
                .into_iter()
                .map(|tag| (tag.key, tag.value))
                .collect(),
        }
    }
}

/// An MFA device enabled for a user, as `list_mfa_devices` yields it.
#[pyclass(frozen, eq, hash, module = "iam_mfa")]
#[derive(PartialEq, Eq, Hash)]
pub struct MfaDevice {
    #[pyo3(get)]
    user_name: String,
    #[pyo3(get)]
    serial_number: String,
    #[pyo3(get)]
    enable_date: SystemTime,
}

#[pymethods]
impl MfaDevice {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "MfaDevice(user_name={}, serial_number={}, enable_date={})",
            repr(py, &self.user_name)?,
            repr(py, &self.serial_number)?,
            repr(py, self.enable_date)?
        ))
    }
}

impl From<model::MfaDevice> for MfaDevice {
    fn from(device: model::MfaDevice) -> MfaDevice {
        MfaDevice {
            user_name: device.user_name,
            serial_number: device.serial_number,
            enable_date: device.enable_date,
        }
    }
}

/// What `get_mfa_device` returns about a device.
#[pyclass(frozen, eq, hash, module = "iam_mfa")]
#[derive(PartialEq, Eq, Hash)]
pub struct MfaDeviceDetail {
    #[pyo3(get)]
    user_name: Option<String>,
    #[pyo3(get)]
    serial_number: String,
    #[pyo3(get)]
    enable_date: Option<SystemTime>,
    #[pyo3(get)]
    certifications: BTreeMap<String, String>,
}

#[pymethods]
impl MfaDeviceDetail {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "MfaDeviceDetail(user_name={}, serial_number={}, enable_date={}, \
             certifications={})",
            repr(py, self.user_name.as_deref())?,
            repr(py, &self.serial_number)?,
            repr(py, self.enable_date)?,
            repr(py, &self.certifications)?
        ))
    }
}

impl From<model::MfaDeviceDetail> for MfaDeviceDetail {
    fn from(detail: model::MfaDeviceDetail) -> MfaDeviceDetail {
        MfaDeviceDetail {
            user_name: detail.user_name,
            serial_number: detail.serial_number,
            enable_date: detail.enable_date,
            certifications: detail.certifications,
        }
    }
}

/// Python's `repr` of a value converted to Python.
fn repr<'py>(py: Python<'py>, value: impl IntoPyObject<'py>) -> PyResult<String> {
    let object = value.into_pyobject(py).map_err(Into::into)?.into_bound();
    Ok(object.into_any().repr()?.to_string())
}

/// What a repr shows in place of a secret: its presence and length only.
fn redacted(secret: Option<&Secret>) -> String {
    match secret {
        Some(secret) => format!("<redacted, {} bytes>", secret.len()),
        None => "None".to_owned(),
    }
}
