//! `iam_mfa_client`: the handle every operation runs on, over the local
//! emulator or the real IAM service, and the option structs that make it.

use std::ffi::c_char;
use std::path::PathBuf;
use std::time::{Duration, UNIX_EPOCH};

use core_api::blocking::Client;
use core_api::{AwsOptions, Clock, LocalOptions, Secret};

use crate::boundary::{Failure, arg, boundary, free};
use crate::status::iam_mfa_status;

/// A client of IAM's MFA operations, over the embedded emulator or the
/// real IAM service. It wraps the core library's blocking client.
///
/// Made by `iam_mfa_client_new_local()` or `iam_mfa_client_new_aws()`,
/// freed by `iam_mfa_client_free()`. Thread safety: one client may be used
/// by any number of threads at once; calls block the calling thread.
/// Emulator calls run on the calling thread; IAM calls run on the
/// library's one async runtime, started on first use. After `fork()`, a
/// client of IAM made before it fails with `IAM_MFA_TRANSPORT` in the
/// child: make a new client there.
pub struct iam_mfa_client {
    pub(crate) inner: Client,
}

/// The header promises that a client may be shared between threads.
const _: () = {
    const fn shareable<T: Send + Sync>() {}
    shareable::<iam_mfa_client>();
};

/// How to open a local emulator. Zero-initialise it (`= {0}`) and set
/// only what you need: every zero or NULL field takes its default.
///
/// The strings belong to the caller and are read only during
/// `iam_mfa_client_new_local()`. The layout of this struct is fixed for
/// the life of a major version; new options come as new functions.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct iam_mfa_local_options {
    /// The SQLite file to open or create; NULL keeps everything in memory,
    /// gone when the client is freed.
    pub path: *const c_char,
    /// The 12-digit account id in every ARN; NULL is `123456789012`.
    pub account_id: *const c_char,
    /// The most virtual MFA devices the account may hold; 0 is IAM's
    /// default of 5000.
    pub max_virtual_mfa_devices: u32,
    /// The most MFA devices one user may hold; 0 is IAM's default of 8.
    pub max_mfa_devices_per_user: u32,
    /// When true, the emulator's clock is stopped at
    /// `manual_clock_unix_seconds` and moves only with
    /// `iam_mfa_client_set_time()` and `iam_mfa_client_advance_time()`;
    /// when false it follows the system clock.
    pub manual_clock: bool,
    /// The manual clock's start, in seconds since the Unix epoch (0 or
    /// more).
    pub manual_clock_unix_seconds: i64,
}

/// How to reach IAM. Zero-initialise it (`= {0}`) and set only what you
/// need: every NULL or zero field comes from the standard AWS
/// configuration chain (environment variables, the shared config and
/// credentials files, SSO, the metadata services), as the AWS CLI
/// resolves it.
///
/// The strings belong to the caller and are read only during
/// `iam_mfa_client_new_aws()`; the library keeps its own copies, and wipes
/// its copies of the secret key and session token when the client is
/// freed. The layout of this struct is fixed for the life of a major
/// version; new options come as new functions.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct iam_mfa_aws_options {
    /// The region to sign for; NULL: `AWS_REGION`, `AWS_DEFAULT_REGION`,
    /// the profile's region, then `us-east-1`.
    pub region: *const c_char,
    /// The profile of the shared config and credentials files; NULL:
    /// `AWS_PROFILE`, then `default`.
    pub profile: *const c_char,
    /// The endpoint to send requests to, such as an `iam-mfa serve`
    /// address (`http://127.0.0.1:PORT`); NULL: `AWS_ENDPOINT_URL_IAM`,
    /// `AWS_ENDPOINT_URL`, the profile's, then IAM itself.
    pub endpoint_url: *const c_char,
    /// The access key id of static credentials, which replace the
    /// credential chain; needs `secret_access_key`.
    pub access_key_id: *const c_char,
    /// The secret access key of static credentials.
    pub secret_access_key: *const c_char,
    /// The session token of temporary static credentials, or NULL.
    pub session_token: *const c_char,
    /// How long to wait for a connection, in milliseconds; 0 is the SDK's
    /// default (3.1 s).
    pub connect_timeout_ms: u64,
    /// How long one operation may take, retries included, in
    /// milliseconds; 0 sets no limit.
    pub operation_timeout_ms: u64,
    /// How many attempts an operation gets, the first included (1 turns
    /// retries off); 0: `AWS_MAX_ATTEMPTS`, the profile's, then 3.
    pub max_attempts: u32,
}

/// The core library's options for an emulator.
///
/// # Safety
///
/// The strings of `options` must be NULL or NUL-terminated.
unsafe fn local_options(options: &iam_mfa_local_options) -> Result<LocalOptions, Failure> {
    let mut local = LocalOptions::default();
    if let Some(path) = unsafe { arg::opt_str("options->path", options.path) }? {
        local.path = Some(PathBuf::from(path));
    }
    if let Some(account_id) = unsafe { arg::opt_str("options->account_id", options.account_id) }? {
        local.account_id = account_id.to_owned();
    }
    if options.max_virtual_mfa_devices != 0 {
        local.max_virtual_mfa_devices = options.max_virtual_mfa_devices;
    }
    if options.max_mfa_devices_per_user != 0 {
        local.max_mfa_devices_per_user = options.max_mfa_devices_per_user;
    }
    if options.manual_clock {
        let start = u64::try_from(options.manual_clock_unix_seconds).map_err(|_| {
            crate::boundary::invalid("options->manual_clock_unix_seconds: must be 0 or more")
        })?;
        local.clock = Clock::manual(UNIX_EPOCH + Duration::from_secs(start));
    }
    Ok(local)
}

/// The core library's options for IAM.
///
/// # Safety
///
/// The strings of `options` must be NULL or NUL-terminated.
unsafe fn aws_options(options: &iam_mfa_aws_options) -> Result<AwsOptions, Failure> {
    let text = |name, pointer| unsafe { arg::opt_str(name, pointer) }.map(|s| s.map(str::to_owned));
    let millis = |ms: u64| (ms != 0).then(|| Duration::from_millis(ms));

    Ok(AwsOptions {
        region: text("options->region", options.region)?,
        profile: text("options->profile", options.profile)?,
        endpoint_url: text("options->endpoint_url", options.endpoint_url)?,
        access_key_id: text("options->access_key_id", options.access_key_id)?,
        secret_access_key: text("options->secret_access_key", options.secret_access_key)?
            .map(Secret::from),
        session_token: text("options->session_token", options.session_token)?.map(Secret::from),
        connect_timeout: millis(options.connect_timeout_ms),
        operation_timeout: millis(options.operation_timeout_ms),
        max_attempts: (options.max_attempts != 0).then_some(options.max_attempts),
    })
}

/// Opens a local IAM emulator, in memory or in a SQLite file, and makes a
/// client of it. `options` NULL is a fresh in-memory emulator with
/// account `123456789012`, IAM's default quotas and the system clock.
///
/// A file store may be opened by several clients and processes at once.
///
/// Ownership: on success `*client_out` is the caller's; free it with
/// `iam_mfa_client_free()`. Nothing is written on failure. NULL:
/// `client_out` NULL gives `IAM_MFA_NULL_ARGUMENT`. Thread safety: any
/// thread. Returns `IAM_MFA_OK`; `IAM_MFA_STORAGE` when the store cannot
/// be opened; `IAM_MFA_INVALID_INPUT` for a malformed account id or a
/// negative clock; `IAM_MFA_INVALID_UTF8` for a string that is not UTF-8;
/// `IAM_MFA_NULL_ARGUMENT`; `IAM_MFA_PANIC`.
///
/// # Safety
///
/// `options` must be NULL or point to a valid struct whose strings are
/// NULL or NUL-terminated; `client_out` NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iam_mfa_client_new_local(
    options: *const iam_mfa_local_options,
    client_out: *mut *mut iam_mfa_client,
) -> iam_mfa_status {
    boundary("iam_mfa_client_new_local", || {
        let options = match unsafe { options.as_ref() } {
            Some(options) => unsafe { local_options(options) }?,
            None => LocalOptions::default(),
        };
        let client_out = unsafe { arg::out("client_out", client_out) }?;

        let inner = Client::local(options)?;

        *client_out = Box::into_raw(Box::new(iam_mfa_client { inner }));
        Ok(())
    })
}

/// Makes a client of the real IAM service (or of anything that speaks its
/// protocol, such as `iam-mfa serve`). `options` NULL takes everything
/// from the standard AWS configuration chain. Nothing is sent yet;
/// credentials are looked for on the first call.
///
/// Ownership: on success `*client_out` is the caller's; free it with
/// `iam_mfa_client_free()`. Nothing is written on failure. NULL:
/// `client_out` NULL gives `IAM_MFA_NULL_ARGUMENT`. Thread safety: any
/// thread. Returns `IAM_MFA_OK`; `IAM_MFA_INVALID_INPUT` for contradictory
/// options (an empty region or profile, an endpoint that is not `http://`
/// or `https://`, half a pair of static credentials, a session token
/// without keys); `IAM_MFA_SERVICE_FAILURE` when the library's runtime
/// cannot start; `IAM_MFA_INVALID_UTF8`; `IAM_MFA_NULL_ARGUMENT`;
/// `IAM_MFA_PANIC`.
///
/// # Safety
///
/// `options` must be NULL or point to a valid struct whose strings are
/// NULL or NUL-terminated; `client_out` NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iam_mfa_client_new_aws(
    options: *const iam_mfa_aws_options,
    client_out: *mut *mut iam_mfa_client,
) -> iam_mfa_status {
    boundary("iam_mfa_client_new_aws", || {
        let options = match unsafe { options.as_ref() } {
            Some(options) => unsafe { aws_options(options) }?,
            None => AwsOptions::default(),
        };
        let client_out = unsafe { arg::out("client_out", client_out) }?;

        let inner = Client::aws(options)?;

        *client_out = Box::into_raw(Box::new(iam_mfa_client { inner }));
        Ok(())
    })
}

/// The client's backend: `"local"` or `"aws"`.
///
/// Ownership: the string is static; never free it. NULL: `client` or
/// `backend_out` NULL gives `IAM_MFA_NULL_ARGUMENT` and writes nothing.
/// Thread safety: any thread. Returns `IAM_MFA_OK` or
/// `IAM_MFA_NULL_ARGUMENT`.
///
/// # Safety
///
/// `client` must be NULL or a live client; `backend_out` NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iam_mfa_client_backend(
    client: *const iam_mfa_client,
    backend_out: *mut *const c_char,
) -> iam_mfa_status {
    boundary("iam_mfa_client_backend", || {
        let client = unsafe { arg::handle("client", client) }?;
        let backend_out = unsafe { arg::out("backend_out", backend_out) }?;

        let backend: &'static [u8] = match client.inner.backend_name() {
            "local" => b"local\0",
            _ => b"aws\0",
        };

        *backend_out = backend.as_ptr().cast();
        Ok(())
    })
}

/// Frees a client. An in-memory emulator is gone with it; a file store
/// stays on disk. Results made by the client stay valid.
///
/// NULL is accepted and does nothing. Freeing twice is undefined
/// behaviour. Thread safety: call it once every other thread is done with
/// the client. Does not touch the last error.
///
/// # Safety
///
/// `client` must be NULL or a client made by the library, not yet freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iam_mfa_client_free(client: *mut iam_mfa_client) {
    unsafe { free(client) }
}
