//! Following markers: list operations as sequences of pages or of items.
//!
//! A [`Paginator`] asks for one page at a time and passes each page's
//! marker to the next request, until a page says nothing follows. It owns
//! a clone of its client, so it can outlive the borrow it was made from.

use std::collections::VecDeque;
use std::future::Future;

use crate::client::Client;
use crate::error::Result;
use crate::model::{AssignmentStatus, MfaDevice, Page, PageRequest, Tag, User, VirtualMfaDevice};

/// A list operation with its fixed arguments, minus the page.
pub trait Listing: Clone + Send + Sync + 'static {
    /// What the pages hold.
    type Item: Send + 'static;

    /// Fetches one page.
    fn page(
        &self,
        client: &Client,
        page: &PageRequest,
    ) -> impl Future<Output = Result<Page<Self::Item>>> + Send;
}

/// `ListMFADevices` for one user, or the calling user.
#[derive(Debug, Clone)]
pub struct ListMfaDevices {
    /// The user; `None` is the calling user.
    pub user_name: Option<String>,
}

impl Listing for ListMfaDevices {
    type Item = MfaDevice;

    async fn page(&self, client: &Client, page: &PageRequest) -> Result<Page<MfaDevice>> {
        client
            .list_mfa_devices(self.user_name.as_deref(), page)
            .await
    }
}

/// `ListVirtualMFADevices` of one assignment status.
#[derive(Debug, Clone)]
pub struct ListVirtualMfaDevices {
    /// Which devices to list.
    pub assignment_status: AssignmentStatus,
}

impl Listing for ListVirtualMfaDevices {
    type Item = VirtualMfaDevice;

    async fn page(&self, client: &Client, page: &PageRequest) -> Result<Page<VirtualMfaDevice>> {
        client
            .list_virtual_mfa_devices(self.assignment_status, page)
            .await
    }
}

/// `ListMFADeviceTags` of one device.
#[derive(Debug, Clone)]
pub struct ListMfaDeviceTags {
    /// The device.
    pub serial_number: String,
}

impl Listing for ListMfaDeviceTags {
    type Item = Tag;

    async fn page(&self, client: &Client, page: &PageRequest) -> Result<Page<Tag>> {
        client.list_mfa_device_tags(&self.serial_number, page).await
    }
}

/// `ListUsers`, optionally under a path prefix.
#[derive(Debug, Clone)]
pub struct ListUsers {
    /// Only users whose path starts with this.
    pub path_prefix: Option<String>,
}

impl Listing for ListUsers {
    type Item = User;

    async fn page(&self, client: &Client, page: &PageRequest) -> Result<Page<User>> {
        client.list_users(self.path_prefix.as_deref(), page).await
    }
}

/// Pages, or items, of a list operation, fetched as they are asked for.
///
/// After an error the paginator is finished: it returns `None` from then
/// on, so a loop over it cannot spin on a failing request.
pub struct Paginator<L: Listing> {
    client: Client,
    listing: L,
    /// The next request, `None` once the last page was fetched.
    next: Option<PageRequest>,
    buffered: VecDeque<L::Item>,
}

impl<L: Listing> Paginator<L> {
    pub(crate) fn new(client: Client, listing: L) -> Paginator<L> {
        Paginator {
            client,
            listing,
            next: Some(PageRequest::default()),
            buffered: VecDeque::new(),
        }
    }

    /// Asks for pages of at most `max_items` items (1 to 1000).
    pub fn page_size(mut self, max_items: u32) -> Paginator<L> {
        if let Some(next) = &mut self.next {
            next.max_items = Some(max_items);
        }
        self
    }

    /// Starts from `marker` instead of the beginning.
    pub fn starting_at(mut self, marker: impl Into<String>) -> Paginator<L> {
        if let Some(next) = &mut self.next {
            next.marker = Some(marker.into());
        }
        self
    }

    /// The next page, or `None` after the last one.
    pub async fn next_page(&mut self) -> Option<Result<Page<L::Item>>> {
        let request = self.next.take()?;
        match self.listing.page(&self.client, &request).await {
            Ok(page) => {
                self.next = page.next_request(request.max_items);
                Some(Ok(page))
            }
            Err(error) => Some(Err(error)),
        }
    }

    /// The next item, fetching a page when the last one is used up.
    pub async fn next(&mut self) -> Option<Result<L::Item>> {
        loop {
            if let Some(item) = self.buffered.pop_front() {
                return Some(Ok(item));
            }
            match self.next_page().await? {
                Ok(page) => self.buffered.extend(page.items),
                Err(error) => return Some(Err(error)),
            }
        }
    }

    /// Every remaining item.
    ///
    /// # Errors
    ///
    /// The first error of any page; items already fetched are dropped.
    pub async fn try_collect(mut self) -> Result<Vec<L::Item>> {
        let mut items: Vec<L::Item> = self.buffered.drain(..).collect();
        while let Some(page) = self.next_page().await {
            items.extend(page?.items);
        }
        Ok(items)
    }
}
