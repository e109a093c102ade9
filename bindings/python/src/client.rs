//! `Client` and `LocalClient`: every operation of the core's blocking
//! client, with Python arguments.
//!
//! Each method converts its arguments to owned Rust values first, then
//! runs the call with the GIL released, so other Python threads run while
//! it waits on IAM or on the emulator's store.

use std::path::PathBuf;

use iam_mfa::blocking::Client as BlockingClient;
use iam_mfa::{AssignmentStatus, AwsOptions, Clock, LocalBackend, LocalOptions, PageRequest};
use pyo3::prelude::*;
use pyo3::types::PyDateTime;

use crate::convert;
use crate::errors::to_py_err;
use crate::iter::{ListIterator, Listing};
use crate::model::{MfaDevice, MfaDeviceDetail, Tag, User, VirtualMfaDevice};

/// One page of a list operation: its items, whether more follow, and the
/// marker of the next page.
type Page<T> = (Vec<T>, bool, Option<String>);

/// Runs `work` with the GIL released and turns its error into the
/// exception of its kind.
fn call<T: Send>(py: Python<'_>, work: impl FnOnce() -> iam_mfa::Result<T> + Send) -> PyResult<T> {
    py.detach(work).map_err(to_py_err)
}

/// Converts the items of a page of the core into result classes.
fn page<T, U: From<T>>(page: iam_mfa::Page<T>) -> Page<U> {
    let items = page.items.into_iter().map(U::from).collect();
    (items, page.is_truncated, page.marker)
}

fn page_request(
    marker: Option<String>,
    max_items: Option<&Bound<'_, PyAny>>,
) -> PyResult<PageRequest> {
    Ok(PageRequest {
        marker,
        max_items: convert::page_size("max_items", max_items)?,
    })
}

/// A client of IAM's MFA operations, over IAM (`Client.aws`) or the
/// embedded emulator (`Client.local`). Safe to share between threads.
#[pyclass(frozen, subclass, module = "iam_mfa")]
pub struct Client {
    inner: BlockingClient,
}

#[pymethods]
impl Client {
    /// A client of the embedded IAM emulator: in memory, or stored in the
    /// SQLite file at `path`. With `now`, its clock stands still at that
    /// time and moves only by `set_clock` and `advance_clock`.
    #[staticmethod]
    #[pyo3(signature = (
        path=None,
        account_id=None,
        *,
        now=None,
        max_virtual_mfa_devices=None,
        max_mfa_devices_per_user=None,
    ))]
    fn local(
        py: Python<'_>,
        path: Option<PathBuf>,
        account_id: Option<String>,
        now: Option<&Bound<'_, PyAny>>,
        max_virtual_mfa_devices: Option<&Bound<'_, PyAny>>,
        max_mfa_devices_per_user: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Py<LocalClient>> {
        let mut options = LocalOptions {
            path,
            ..LocalOptions::default()
        };
        if let Some(account_id) = account_id {
            options.account_id = account_id;
        }
        if now.is_some() {
            options.clock = Clock::manual(convert::instant("now", now)?);
        }
        let per_account = convert::count("max_virtual_mfa_devices", max_virtual_mfa_devices)?;
        if let Some(quota) = per_account {
            options.max_virtual_mfa_devices = quota;
        }
        let per_user = convert::count("max_mfa_devices_per_user", max_mfa_devices_per_user)?;
        if let Some(quota) = per_user {
            options.max_mfa_devices_per_user = quota;
        }

        let inner = call(py, || BlockingClient::local(options))?;
        let client = PyClassInitializer::from(Client { inner }).add_subclass(LocalClient);
        Py::new(py, client)
    }

    /// A client of the real IAM service. Whatever is left `None` comes
    /// from the standard AWS configuration chain (environment variables,
    /// shared config and credentials files, SSO, instance metadata).
    /// `timeout` bounds each operation, retries included; seconds or a
    /// `timedelta`.
    #[staticmethod]
    #[pyo3(signature = (
        region=None,
        profile=None,
        endpoint_url=None,
        max_attempts=None,
        timeout=None,
        *,
        connect_timeout=None,
        access_key_id=None,
        secret_access_key=None,
        session_token=None,
    ))]
    #[allow(clippy::too_many_arguments)]
    fn aws(
        py: Python<'_>,
        region: Option<String>,
        profile: Option<String>,
        endpoint_url: Option<String>,
        max_attempts: Option<&Bound<'_, PyAny>>,
        timeout: Option<&Bound<'_, PyAny>>,
        connect_timeout: Option<&Bound<'_, PyAny>>,
        access_key_id: Option<String>,
        secret_access_key: Option<String>,
        session_token: Option<String>,
    ) -> PyResult<Client> {
        let operation_timeout = timeout
            .map(|timeout| convert::duration("timeout", timeout))
            .transpose()?;
        let connect_timeout = connect_timeout
            .map(|timeout| convert::duration("connect_timeout", timeout))
            .transpose()?;
        let options = AwsOptions {
            region,
            profile,
            endpoint_url,
            access_key_id,
            secret_access_key: secret_access_key.map(iam_mfa::Secret::from),
            session_token: session_token.map(iam_mfa::Secret::from),
            connect_timeout,
            operation_timeout,
            max_attempts: convert::count("max_attempts", max_attempts)?,
        };

        let inner = call(py, || BlockingClient::aws(options))?;
        Ok(Client { inner })
    }

    /// `"local"` or `"aws"`.
    #[getter]
    fn backend(&self) -> &'static str {
        self.inner.backend_name()
    }

    /// `CreateVirtualMFADevice`: a new, unassigned virtual device, with
    /// its seed and QR code.
    #[pyo3(
        signature = (name, path="/".to_owned(), tags=None),
        text_signature = "(self, /, name, path='/', tags=None)"
    )]
    fn create_virtual_mfa_device(
        &self,
        py: Python<'_>,
        name: String,
        path: String,
        tags: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<VirtualMfaDevice> {
        let tags = match tags {
            Some(tags) => convert::tags("tags", tags)?,
            None => Vec::new(),
        };
        call(py, || {
            self.inner
                .create_virtual_mfa_device(&name, Some(&path), &tags)
        })
        .map(VirtualMfaDevice::from)
    }

    /// `EnableMFADevice`: assigns a device to a user, proven by two
    /// consecutive codes.
    fn enable_mfa_device(
        &self,
        py: Python<'_>,
        user_name: String,
        serial_number: String,
        code1: String,
        code2: String,
    ) -> PyResult<()> {
        call(py, || {
            self.inner
                .enable_mfa_device(&user_name, &serial_number, &code1, &code2)
        })
    }

    /// `DeactivateMFADevice`: removes a device from its user; without
    /// `user_name`, from the calling user.
    #[pyo3(signature = (serial_number, user_name=None))]
    fn deactivate_mfa_device(
        &self,
        py: Python<'_>,
        serial_number: String,
        user_name: Option<String>,
    ) -> PyResult<()> {
        call(py, || {
            self.inner
                .deactivate_mfa_device(&serial_number, user_name.as_deref())
        })
    }

    /// `DeleteVirtualMFADevice`: deletes an unassigned virtual device.
    fn delete_virtual_mfa_device(&self, py: Python<'_>, serial_number: String) -> PyResult<()> {
        call(py, || self.inner.delete_virtual_mfa_device(&serial_number))
    }

    /// `GetMFADevice`: what IAM knows of one device.
    #[pyo3(signature = (serial_number, user_name=None))]
    fn get_mfa_device(
        &self,
        py: Python<'_>,
        serial_number: String,
        user_name: Option<String>,
    ) -> PyResult<MfaDeviceDetail> {
        call(py, || {
            self.inner
                .get_mfa_device(&serial_number, user_name.as_deref())
        })
        .map(MfaDeviceDetail::from)
    }

    /// `ResyncMFADevice`: brings a drifted device back in step from two
    /// consecutive codes.
    fn resync_mfa_device(
        &self,
        py: Python<'_>,
        user_name: String,
        serial_number: String,
        code1: String,
        code2: String,
    ) -> PyResult<()> {
        call(py, || {
            self.inner
                .resync_mfa_device(&user_name, &serial_number, &code1, &code2)
        })
    }

    /// `TagMFADevice`: adds tags, replacing the values of keys the device
    /// already has.
    fn tag_mfa_device(
        &self,
        py: Python<'_>,
        serial_number: String,
        tags: &Bound<'_, PyAny>,
    ) -> PyResult<()> {
        let tags = convert::tags("tags", tags)?;
        call(py, || self.inner.tag_mfa_device(&serial_number, &tags))
    }

    /// `UntagMFADevice`: removes the tags of the given keys.
    fn untag_mfa_device(
        &self,
        py: Python<'_>,
        serial_number: String,
        tag_keys: &Bound<'_, PyAny>,
    ) -> PyResult<()> {
        let tag_keys = convert::tag_keys(tag_keys)?;
        call(py, || {
            self.inner.untag_mfa_device(&serial_number, &tag_keys)
        })
    }

    /// `ListMFADevices`, every page: the devices enabled for a user, or
    /// for the calling user.
    #[pyo3(signature = (user_name=None, *, page_size=None))]
    fn list_mfa_devices(
        &self,
        user_name: Option<String>,
        page_size: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<ListIterator> {
        let mut iter = self.inner.list_mfa_devices_all(user_name.as_deref());
        if let Some(size) = convert::page_size("page_size", page_size)? {
            iter = iter.page_size(size);
        }
        Ok(ListIterator::new(Listing::MfaDevices(iter)))
    }

    /// `ListMFADevices`, one page.
    #[pyo3(signature = (user_name=None, *, marker=None, max_items=None))]
    fn list_mfa_devices_page(
        &self,
        py: Python<'_>,
        user_name: Option<String>,
        marker: Option<String>,
        max_items: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Page<MfaDevice>> {
        let request = page_request(marker, max_items)?;
        call(py, || {
            self.inner.list_mfa_devices(user_name.as_deref(), &request)
        })
        .map(page)
    }

    /// `ListVirtualMFADevices`, every page. `assignment_status` is
    /// `"Assigned"`, `"Unassigned"` or `"Any"`.
    #[pyo3(
        signature = (assignment_status="Any".to_owned(), *, page_size=None),
        text_signature = "(self, /, assignment_status='Any', *, page_size=None)"
    )]
    fn list_virtual_mfa_devices(
        &self,
        assignment_status: String,
        page_size: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<ListIterator> {
        let status = assignment_status
            .parse::<AssignmentStatus>()
            .map_err(to_py_err)?;
        let mut iter = self.inner.list_virtual_mfa_devices_all(status);
        if let Some(size) = convert::page_size("page_size", page_size)? {
            iter = iter.page_size(size);
        }
        Ok(ListIterator::new(Listing::VirtualMfaDevices(iter)))
    }

    /// `ListVirtualMFADevices`, one page.
    #[pyo3(
        signature = (assignment_status="Any".to_owned(), *, marker=None, max_items=None),
        text_signature = "(self, /, assignment_status='Any', *, marker=None, max_items=None)"
    )]
    fn list_virtual_mfa_devices_page(
        &self,
        py: Python<'_>,
        assignment_status: String,
        marker: Option<String>,
        max_items: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Page<VirtualMfaDevice>> {
        let status = assignment_status
            .parse::<AssignmentStatus>()
            .map_err(to_py_err)?;
        let request = page_request(marker, max_items)?;
        call(py, || self.inner.list_virtual_mfa_devices(status, &request)).map(page)
    }

    /// `ListMFADeviceTags`, every page, sorted by key.
    #[pyo3(signature = (serial_number, *, page_size=None))]
    fn list_mfa_device_tags(
        &self,
        serial_number: String,
        page_size: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<ListIterator> {
        let mut iter = self.inner.list_mfa_device_tags_all(&serial_number);
        if let Some(size) = convert::page_size("page_size", page_size)? {
            iter = iter.page_size(size);
        }
        Ok(ListIterator::new(Listing::MfaDeviceTags(iter)))
    }

    /// `ListMFADeviceTags`, one page.
    #[pyo3(signature = (serial_number, *, marker=None, max_items=None))]
    fn list_mfa_device_tags_page(
        &self,
        py: Python<'_>,
        serial_number: String,
        marker: Option<String>,
        max_items: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Page<Tag>> {
        let request = page_request(marker, max_items)?;
        call(py, || {
            self.inner.list_mfa_device_tags(&serial_number, &request)
        })
        .map(page)
    }

    /// `CreateUser`.
    #[pyo3(
        signature = (user_name, path="/".to_owned()),
        text_signature = "(self, /, user_name, path='/')"
    )]
    fn create_user(&self, py: Python<'_>, user_name: String, path: String) -> PyResult<User> {
        call(py, || self.inner.create_user(&user_name, Some(&path))).map(User::from)
    }

    /// `GetUser`: one user, or the calling user.
    #[pyo3(signature = (user_name=None))]
    fn get_user(&self, py: Python<'_>, user_name: Option<String>) -> PyResult<User> {
        call(py, || self.inner.get_user(user_name.as_deref())).map(User::from)
    }

    /// `DeleteUser`.
    fn delete_user(&self, py: Python<'_>, user_name: String) -> PyResult<()> {
        call(py, || self.inner.delete_user(&user_name))
    }

    /// `ListUsers`, every page, optionally under a path prefix.
    #[pyo3(signature = (path_prefix=None, *, page_size=None))]
    fn list_users(
        &self,
        path_prefix: Option<String>,
        page_size: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<ListIterator> {
        let mut iter = self.inner.list_users_all(path_prefix.as_deref());
        if let Some(size) = convert::page_size("page_size", page_size)? {
            iter = iter.page_size(size);
        }
        Ok(ListIterator::new(Listing::Users(iter)))
    }

    /// `ListUsers`, one page.
    #[pyo3(signature = (path_prefix=None, *, marker=None, max_items=None))]
    fn list_users_page(
        &self,
        py: Python<'_>,
        path_prefix: Option<String>,
        marker: Option<String>,
        max_items: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Page<User>> {
        let request = page_request(marker, max_items)?;
        call(py, || {
            self.inner.list_users(path_prefix.as_deref(), &request)
        })
        .map(page)
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        let class = slf.get_type().name()?;
        let backend = slf.get().inner.backend_name();
        Ok(format!("<iam_mfa.{class} backend='{backend}'>"))
    }
}

/// A client of the embedded emulator, with its administrative calls:
/// users' hardware tokens, the calling user, and the clock.
#[pyclass(frozen, extends = Client, module = "iam_mfa")]
pub struct LocalClient;

impl LocalClient {
    fn backend<'a>(slf: &'a PyRef<'_, Self>) -> &'a LocalBackend {
        slf.as_super()
            .inner
            .as_local()
            .expect("a LocalClient is only made over the local backend")
    }

    /// The backend's clock, when it is set by hand.
    fn manual_clock(slf: &PyRef<'_, Self>, method: &str) -> PyResult<Clock> {
        let clock = LocalClient::backend(slf).clock();
        if !clock.is_manual() {
            return Err(convert::invalid(format!(
                "{method}: this emulator follows the system clock; open it with \
                 Client.local(now=...) to set its clock by hand"
            )));
        }
        Ok(clock.clone())
    }
}

#[pymethods]
impl LocalClient {
    /// The 12-digit account id in every ARN.
    #[getter]
    fn account_id(slf: PyRef<'_, Self>) -> String {
        LocalClient::backend(&slf).account_id().to_owned()
    }

    /// The calling user, or `None`.
    #[getter]
    fn caller(slf: PyRef<'_, Self>) -> Option<String> {
        LocalClient::backend(&slf).caller()
    }

    /// Makes `user_name` the calling user (the one `get_user()`,
    /// `list_mfa_devices()` and `deactivate_mfa_device()` act on without a
    /// user name); `None` makes nobody the caller.
    fn set_caller(slf: PyRef<'_, Self>, user_name: Option<String>) -> PyResult<()> {
        let backend = LocalClient::backend(&slf);
        call(slf.py(), || backend.set_caller(user_name.as_deref()))
    }

    /// Registers a hardware TOTP token by its serial number and base32
    /// seed, as its vendor's factory would; it can then be enabled.
    fn register_hardware_token(
        slf: PyRef<'_, Self>,
        serial_number: String,
        seed: &Bound<'_, PyAny>,
    ) -> PyResult<()> {
        let seed = convert::seed(seed)?;
        let backend = LocalClient::backend(&slf);
        call(slf.py(), || {
            backend.register_hardware_token(&serial_number, &seed)
        })
    }

    /// The emulator's current time.
    fn now<'py>(slf: PyRef<'py, Self>) -> PyResult<Bound<'py, PyDateTime>> {
        let now = LocalClient::backend(&slf).clock().now();
        now.into_pyobject(slf.py())
    }

    /// Sets the emulator's clock, which must have been opened with `now`.
    fn set_clock(slf: PyRef<'_, Self>, at: &Bound<'_, PyAny>) -> PyResult<()> {
        let at = convert::instant("at", Some(at))?;
        let mut clock = LocalClient::manual_clock(&slf, "set_clock")?;
        clock.set(at);
        Ok(())
    }

    /// Moves the emulator's clock forward by `seconds` (a number or a
    /// `timedelta`); it must have been opened with `now`.
    fn advance_clock(slf: PyRef<'_, Self>, seconds: &Bound<'_, PyAny>) -> PyResult<()> {
        let by = convert::duration("seconds", seconds)?;
        LocalClient::manual_clock(&slf, "advance_clock")?.advance(by);
        Ok(())
    }
}
