//! Exit codes and the one line an error prints on stderr.
//!
//! | code | meaning |
//! | ---: | --- |
//! | 0 | success |
//! | 1 | service error of no kind below (`ServiceFailure`, unknown codes) |
//! | 2 | usage error: a bad flag or value, caught before any call |
//! | 3 | `NoSuchEntity` |
//! | 4 | `EntityAlreadyExists` |
//! | 5 | `DeleteConflict` |
//! | 6 | `InvalidAuthenticationCode` |
//! | 7 | `LimitExceeded` |
//! | 8 | `ValidationError` / `InvalidInput`: a value broke one of IAM's rules |
//! | 9 | `EntityTemporarilyUnmodifiable` |
//! | 10 | `ConcurrentModification` |
//! | 11 | `AccessDenied` |
//! | 12 | credentials missing or rejected |
//! | 13 | transport: the request could not be sent or its answer not read |
//! | 14 | timeout |
//! | 15 | throttled after every retry |
//! | 16 | the emulator's state file failed |
//! | 17 | a local file: an outfile that exists, a seed file unreadable |

use std::fmt;
use std::process::ExitCode;

use iam_mfa::{Error, ErrorKind};

/// Success.
pub const OK: u8 = 0;
/// A service error without a code of its own.
pub const SERVICE: u8 = 1;
/// A usage error.
pub const USAGE: u8 = 2;
/// A local file could not be read or written, or would be overwritten.
pub const FILE: u8 = 17;

/// The exit code of an error kind.
pub fn code_of(kind: ErrorKind) -> u8 {
    match kind {
        ErrorKind::NoSuchEntity => 3,
        ErrorKind::EntityAlreadyExists => 4,
        ErrorKind::DeleteConflict => 5,
        ErrorKind::InvalidAuthenticationCode => 6,
        ErrorKind::LimitExceeded => 7,
        ErrorKind::InvalidInput => 8,
        ErrorKind::EntityTemporarilyUnmodifiable => 9,
        ErrorKind::ConcurrentModification => 10,
        ErrorKind::AccessDenied => 11,
        ErrorKind::Credentials => 12,
        ErrorKind::Transport => 13,
        ErrorKind::Timeout => 14,
        ErrorKind::Throttling => 15,
        ErrorKind::Storage => 16,
        _ => SERVICE,
    }
}

/// Why a command failed.
#[derive(Debug)]
pub enum Failure {
    /// The service, the emulator or the library refused the call.
    Service {
        /// The operation's name in IAM, such as `EnableMFADevice`.
        operation: &'static str,
        /// What the service said.
        error: Error,
    },
    /// The command line was wrong in a way its parser cannot see.
    Usage(String),
    /// A local file could not be read or written.
    File(String),
}

impl Failure {
    /// A service error of `operation`.
    pub fn service(operation: &'static str) -> impl FnOnce(Error) -> Failure {
        move |error| Failure::Service { operation, error }
    }

    /// The process exit code.
    pub fn code(&self) -> u8 {
        match self {
            Failure::Service { error, .. } => code_of(error.kind()),
            Failure::Usage(_) => USAGE,
            Failure::File(_) => FILE,
        }
    }
}

impl fmt::Display for Failure {
    /// One line, in the AWS CLI's words for a service error:
    /// `An error occurred (CODE) when calling the OPERATION operation:
    /// MESSAGE`, then the request id when the service gave one.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Service { operation, error } => {
                let code = error.code().unwrap_or(error.kind().name());
                let message = error.message().replace('\n', " ");
                write!(
                    f,
                    "An error occurred ({code}) when calling the {operation} operation: {message}"
                )?;
                if let Some(request_id) = error.request_id() {
                    write!(f, " (request id: {request_id})")?;
                }
                Ok(())
            }
            Failure::Usage(message) => write!(f, "iam-mfa: error: {message}"),
            Failure::File(message) => write!(f, "iam-mfa: {message}"),
        }
    }
}

/// Prints the failure's line on stderr and gives its exit code.
pub fn report(result: Result<(), Failure>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::from(OK),
        Err(failure) => {
            eprintln!("{failure}");
            ExitCode::from(failure.code())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_its_own_code_apart_from_the_catch_all() {
        let mut seen = std::collections::BTreeMap::new();
        for kind in ErrorKind::ALL {
            let code = code_of(kind);
            assert!(code != OK && code != USAGE && code != FILE, "{kind}");
            if code != SERVICE {
                assert!(seen.insert(code, kind).is_none(), "{kind} shares {code}");
            }
        }
        assert_eq!(code_of(ErrorKind::ServiceFailure), SERVICE);
        assert_eq!(code_of(ErrorKind::Unhandled), SERVICE);
    }

    #[test]
    fn a_service_error_is_one_line_with_code_and_request_id() {
        let error = Error::new(ErrorKind::NoSuchEntity, "no\nsuch").with_request_id("r-1");
        let failure = Failure::service("GetMFADevice")(error);
        assert_eq!(
            failure.to_string(),
            "An error occurred (NoSuchEntity) when calling the GetMFADevice operation: no such \
             (request id: r-1)"
        );
        assert_eq!(failure.code(), 3);
    }
}
