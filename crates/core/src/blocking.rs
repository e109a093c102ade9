//! A blocking [`Client`] for callers without an async runtime: the C and
//! Python front ends, scripts, and tests.
//!
//! Calls on the local backend run on the caller's thread and never touch
//! a runtime: the emulator's futures complete on their first poll. Calls
//! on IAM run on the library's shared runtime ([`crate::runtime`]). Do not
//! call the blocking client from inside an async runtime's task; use the
//! async [`crate::Client`] there.

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use crate::backend::local::{LocalBackend, LocalOptions};
use crate::error::{Error, ErrorKind, Result};
use crate::model::{
    AssignmentStatus, MfaDevice, MfaDeviceDetail, Page, PageRequest, Tag, User, VirtualMfaDevice,
};
use crate::pager::{
    ListMfaDeviceTags, ListMfaDevices, ListUsers, ListVirtualMfaDevices, Listing, Paginator,
};

#[cfg(feature = "aws")]
use crate::backend::aws::AwsOptions;

/// The blocking twin of [`crate::Client`], with the same operations.
///
/// Cloning is cheap; clones share one backend. Safe to share between
/// threads.
#[derive(Clone, Debug)]
pub struct Client {
    inner: crate::Client,
    /// The process the client was made in. An IAM client's connections
    /// belong to that process's runtime and cannot be used after a fork.
    creator: u32,
}

impl Client {
    /// Wraps an async client.
    pub fn new(inner: crate::Client) -> Client {
        Client {
            inner,
            creator: std::process::id(),
        }
    }

    /// See [`crate::Client::local`].
    ///
    /// # Errors
    ///
    /// As [`crate::Client::local`].
    pub fn local(options: LocalOptions) -> Result<Client> {
        crate::Client::local(options).map(Client::new)
    }

    /// See [`crate::Client::in_memory`].
    ///
    /// # Errors
    ///
    /// As [`crate::Client::in_memory`].
    pub fn in_memory() -> Result<Client> {
        crate::Client::in_memory().map(Client::new)
    }

    /// See [`crate::Client::aws`]; runs on the shared runtime.
    ///
    /// # Errors
    ///
    /// As [`crate::Client::aws`], and [`ErrorKind::ServiceFailure`] when
    /// the runtime cannot start.
    #[cfg(feature = "aws")]
    pub fn aws(options: AwsOptions) -> Result<Client> {
        let runtime = crate::runtime::shared()?;
        runtime
            .block_on(crate::Client::aws(options))
            .map(Client::new)
    }

    /// The async client behind this one.
    pub fn as_async(&self) -> &crate::Client {
        &self.inner
    }

    /// `"local"` or `"aws"`.
    pub fn backend_name(&self) -> &'static str {
        self.inner.backend_name()
    }

    /// See [`crate::Client::as_local`].
    pub fn as_local(&self) -> Option<&LocalBackend> {
        self.inner.as_local()
    }

    /// Runs a call of the async client to completion.
    fn run<T>(&self, call: impl Future<Output = Result<T>>) -> Result<T> {
        let mut call = pin!(call);
        if self.inner.as_local().is_some() {
            let mut context = Context::from_waker(Waker::noop());
            if let Poll::Ready(result) = call.as_mut().poll(&mut context) {
                return result;
            }
        }
        if self.creator != std::process::id() {
            return Err(Error::new(
                ErrorKind::Transport,
                "this client was made before the process forked and cannot reach IAM from the \
                 child; make a new client in the child process",
            ));
        }
        crate::runtime::shared()?.block_on(call)
    }

    /// See [`crate::Client::create_virtual_mfa_device`].
    ///
    /// # Errors
    ///
    /// As the async call.
    pub fn create_virtual_mfa_device(
        &self,
        virtual_mfa_device_name: &str,
        path: Option<&str>,
        tags: &[Tag],
    ) -> Result<VirtualMfaDevice> {
        self.run(
            self.inner
                .create_virtual_mfa_device(virtual_mfa_device_name, path, tags),
        )
    }

    /// See [`crate::Client::enable_mfa_device`].
    ///
    /// # Errors
    ///
    /// As the async call.
    pub fn enable_mfa_device(
        &self,
        user_name: &str,
        serial_number: &str,
        authentication_code1: &str,
        authentication_code2: &str,
    ) -> Result<()> {
        self.run(self.inner.enable_mfa_device(
            user_name,
            serial_number,
            authentication_code1,
            authentication_code2,
        ))
    }

    /// See [`crate::Client::deactivate_mfa_device`].
    ///
    /// # Errors
    ///
    /// As the async call.
    pub fn deactivate_mfa_device(
        &self,
        serial_number: &str,
        user_name: Option<&str>,
    ) -> Result<()> {
        self.run(self.inner.deactivate_mfa_device(serial_number, user_name))
    }

    /// See [`crate::Client::delete_virtual_mfa_device`].
    ///
    /// # Errors
    ///
    /// As the async call.
    pub fn delete_virtual_mfa_device(&self, serial_number: &str) -> Result<()> {
        self.run(self.inner.delete_virtual_mfa_device(serial_number))
    }

    /// See [`crate::Client::list_mfa_devices`].
    ///
    /// # Errors
    ///
    /// As the async call.
    pub fn list_mfa_devices(
        &self,
        user_name: Option<&str>,
        page: &PageRequest,
    ) -> Result<Page<MfaDevice>> {
        self.run(self.inner.list_mfa_devices(user_name, page))
    }

    /// See [`crate::Client::list_virtual_mfa_devices`].
    ///
    /// # Errors
    ///
    /// As the async call.
    pub fn list_virtual_mfa_devices(
        &self,
        assignment_status: AssignmentStatus,
        page: &PageRequest,
    ) -> Result<Page<VirtualMfaDevice>> {
        self.run(self.inner.list_virtual_mfa_devices(assignment_status, page))
    }

    /// See [`crate::Client::get_mfa_device`].
    ///
    /// # Errors
    ///
    /// As the async call.
    pub fn get_mfa_device(
        &self,
        serial_number: &str,
        user_name: Option<&str>,
    ) -> Result<MfaDeviceDetail> {
        self.run(self.inner.get_mfa_device(serial_number, user_name))
    }

    /// See [`crate::Client::resync_mfa_device`].
    ///
    /// # Errors
    ///
    /// As the async call.
    pub fn resync_mfa_device(
        &self,
        user_name: &str,
        serial_number: &str,
        authentication_code1: &str,
        authentication_code2: &str,
    ) -> Result<()> {
        self.run(self.inner.resync_mfa_device(
            user_name,
            serial_number,
            authentication_code1,
            authentication_code2,
        ))
    }

    /// See [`crate::Client::tag_mfa_device`].
    ///
    /// # Errors
    ///
    /// As the async call.
    pub fn tag_mfa_device(&self, serial_number: &str, tags: &[Tag]) -> Result<()> {
        self.run(self.inner.tag_mfa_device(serial_number, tags))
    }

    /// See [`crate::Client::untag_mfa_device`].
    ///
    /// # Errors
    ///
    /// As the async call.
    pub fn untag_mfa_device(&self, serial_number: &str, tag_keys: &[String]) -> Result<()> {
        self.run(self.inner.untag_mfa_device(serial_number, tag_keys))
    }

    /// See [`crate::Client::list_mfa_device_tags`].
    ///
    /// # Errors
    ///
    /// As the async call.
    pub fn list_mfa_device_tags(
        &self,
        serial_number: &str,
        page: &PageRequest,
    ) -> Result<Page<Tag>> {
        self.run(self.inner.list_mfa_device_tags(serial_number, page))
    }

    /// See [`crate::Client::create_user`].
    ///
    /// # Errors
    ///
    /// As the async call.
    pub fn create_user(&self, user_name: &str, path: Option<&str>) -> Result<User> {
        self.run(self.inner.create_user(user_name, path))
    }

    /// See [`crate::Client::get_user`].
    ///
    /// # Errors
    ///
    /// As the async call.
    pub fn get_user(&self, user_name: Option<&str>) -> Result<User> {
        self.run(self.inner.get_user(user_name))
    }

    /// See [`crate::Client::delete_user`].
    ///
    /// # Errors
    ///
    /// As the async call.
    pub fn delete_user(&self, user_name: &str) -> Result<()> {
        self.run(self.inner.delete_user(user_name))
    }

    /// See [`crate::Client::list_users`].
    ///
    /// # Errors
    ///
    /// As the async call.
    pub fn list_users(&self, path_prefix: Option<&str>, page: &PageRequest) -> Result<Page<User>> {
        self.run(self.inner.list_users(path_prefix, page))
    }

    /// Every device enabled for a user, as an iterator that follows
    /// markers.
    pub fn list_mfa_devices_all(&self, user_name: Option<&str>) -> Iter<ListMfaDevices> {
        self.iter(self.inner.list_mfa_devices_paginator(user_name))
    }

    /// Every virtual device of an assignment status, following markers.
    pub fn list_virtual_mfa_devices_all(
        &self,
        assignment_status: AssignmentStatus,
    ) -> Iter<ListVirtualMfaDevices> {
        self.iter(
            self.inner
                .list_virtual_mfa_devices_paginator(assignment_status),
        )
    }

    /// Every tag of a device, following markers.
    pub fn list_mfa_device_tags_all(&self, serial_number: &str) -> Iter<ListMfaDeviceTags> {
        self.iter(self.inner.list_mfa_device_tags_paginator(serial_number))
    }

    /// Every user, following markers.
    pub fn list_users_all(&self, path_prefix: Option<&str>) -> Iter<ListUsers> {
        self.iter(self.inner.list_users_paginator(path_prefix))
    }

    fn iter<L: Listing>(&self, paginator: Paginator<L>) -> Iter<L> {
        Iter {
            client: self.clone(),
            paginator,
        }
    }
}

/// The items of a list operation, fetched page by page as the iteration
/// goes. It stops after the first error, which it yields.
pub struct Iter<L: Listing> {
    client: Client,
    paginator: Paginator<L>,
}

impl<L: Listing> Iter<L> {
    /// Asks for pages of at most `max_items` items (1 to 1000).
    pub fn page_size(mut self, max_items: u32) -> Iter<L> {
        self.paginator = self.paginator.page_size(max_items);
        self
    }

    /// The next whole page, or `None` after the last one.
    pub fn next_page(&mut self) -> Option<Result<Page<L::Item>>> {
        let client = self.client.clone();
        client
            .run(async { Ok(self.paginator.next_page().await) })
            .unwrap_or_else(|error| Some(Err(error)))
    }
}

impl<L: Listing> Iterator for Iter<L> {
    type Item = Result<L::Item>;

    fn next(&mut self) -> Option<Result<L::Item>> {
        let client = self.client.clone();
        client
            .run(async { Ok(self.paginator.next().await) })
            .unwrap_or_else(|error| Some(Err(error)))
    }
}
