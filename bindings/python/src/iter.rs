//! `ListIterator`: the items of a list operation, page after page.
//!
//! Each page is fetched when the iteration reaches it, with the GIL
//! released. After an error, which the iteration raises, it stops.

use std::sync::{Mutex, PoisonError};

use iam_mfa::blocking::Iter;
use iam_mfa::pager::{ListMfaDeviceTags, ListMfaDevices, ListUsers, ListVirtualMfaDevices};
use pyo3::prelude::*;

use crate::errors::to_py_err;
use crate::model::{MfaDevice, Tag, User, VirtualMfaDevice};

/// One of the list operations, part way through.
pub enum Listing {
    MfaDevices(Iter<ListMfaDevices>),
    VirtualMfaDevices(Iter<ListVirtualMfaDevices>),
    MfaDeviceTags(Iter<ListMfaDeviceTags>),
    Users(Iter<ListUsers>),
}

/// An item of any of the list operations.
enum Item {
    MfaDevice(iam_mfa::MfaDevice),
    VirtualMfaDevice(iam_mfa::VirtualMfaDevice),
    Tag(iam_mfa::Tag),
    User(iam_mfa::User),
}

impl Listing {
    fn next(&mut self) -> Option<iam_mfa::Result<Item>> {
        match self {
            Listing::MfaDevices(iter) => iter.next().map(|item| item.map(Item::MfaDevice)),
            Listing::VirtualMfaDevices(iter) => {
                iter.next().map(|item| item.map(Item::VirtualMfaDevice))
            }
            Listing::MfaDeviceTags(iter) => iter.next().map(|item| item.map(Item::Tag)),
            Listing::Users(iter) => iter.next().map(|item| item.map(Item::User)),
        }
    }
}

/// An iterator over every item of a list operation, which follows
/// markers from page to page as it goes.
#[pyclass(frozen, module = "iam_mfa")]
pub struct ListIterator {
    /// The operation's Python name, for the repr.
    operation: &'static str,
    listing: Mutex<Listing>,
}

impl ListIterator {
    pub fn new(listing: Listing) -> ListIterator {
        let operation = match &listing {
            Listing::MfaDevices(_) => "list_mfa_devices",
            Listing::VirtualMfaDevices(_) => "list_virtual_mfa_devices",
            Listing::MfaDeviceTags(_) => "list_mfa_device_tags",
            Listing::Users(_) => "list_users",
        };
        ListIterator {
            operation,
            listing: Mutex::new(listing),
        }
    }
}

#[pymethods]
impl ListIterator {
    fn __iter__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    fn __next__(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        let next = py.detach(|| {
            self.listing
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .next()
        });

        let item = match next {
            None => return Ok(None),
            Some(Err(error)) => return Err(to_py_err(error)),
            Some(Ok(item)) => item,
        };
        let object = match item {
            Item::MfaDevice(device) => Py::new(py, MfaDevice::from(device))?.into_any(),
            Item::VirtualMfaDevice(device) => {
                Py::new(py, VirtualMfaDevice::from(device))?.into_any()
            }
            Item::Tag(tag) => Py::new(py, Tag::from(tag))?.into_any(),
            Item::User(user) => Py::new(py, User::from(user))?.into_any(),
        };
        Ok(Some(object))
    }

    fn __repr__(&self) -> String {
        format!("<ListIterator of {}>", self.operation)
    }
}
