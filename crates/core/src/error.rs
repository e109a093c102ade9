//! The one error type of the library and the table of error kinds.
//!
//! Every front end (the C status codes, the Python exception classes, the
//! HTTP statuses of the emulator's server) derives its own names from
//! [`ErrorKind`], so the table below is the single place where an AWS error
//! code, a kind and an HTTP status are tied together.

use std::fmt;

/// What went wrong, in the terms of IAM's own error codes.
///
/// New kinds may be added in later versions; match with a wildcard arm.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// The user, device or serial number does not exist (`NoSuchEntity`).
    NoSuchEntity,
    /// A device of that name exists, or the device is already assigned
    /// (`EntityAlreadyExists`).
    EntityAlreadyExists,
    /// The entity is still in use: an assigned device, or a user who holds
    /// MFA devices (`DeleteConflict`).
    DeleteConflict,
    /// The authentication codes did not match the device
    /// (`InvalidAuthenticationCode`).
    InvalidAuthenticationCode,
    /// A quota would be exceeded (`LimitExceeded`).
    LimitExceeded,
    /// An argument broke one of IAM's rules (`ValidationError` or
    /// `InvalidInput`). Nothing was sent and nothing was changed.
    InvalidInput,
    /// The entity is being changed elsewhere and cannot be modified now
    /// (`EntityTemporarilyUnmodifiable`).
    EntityTemporarilyUnmodifiable,
    /// Another request changed the same entity at the same time
    /// (`ConcurrentModification`).
    ConcurrentModification,
    /// The service failed (`ServiceFailure`, or an HTTP 5xx answer).
    ServiceFailure,
    /// The caller is not allowed to make the request (`AccessDenied`).
    AccessDenied,
    /// No credentials were found, or the service rejected them
    /// (`InvalidClientTokenId`, `SignatureDoesNotMatch`, `ExpiredToken`...).
    Credentials,
    /// The request could not be sent or its answer not read. The request
    /// may or may not have reached the service.
    Transport,
    /// The request took longer than the configured timeout. It may or may
    /// not have been carried out.
    Timeout,
    /// The service kept throttling the request after every retry.
    Throttling,
    /// The emulator's SQLite store failed (disk full, file unreadable,
    /// database locked for longer than the busy timeout).
    Storage,
    /// The service answered with an error code this library does not know.
    /// The code itself is kept in [`Error::code`].
    Unhandled,
}

impl ErrorKind {
    /// Every kind, in the order of their C status numbers.
    pub const ALL: [ErrorKind; 16] = [
        ErrorKind::NoSuchEntity,
        ErrorKind::EntityAlreadyExists,
        ErrorKind::DeleteConflict,
        ErrorKind::InvalidAuthenticationCode,
        ErrorKind::LimitExceeded,
        ErrorKind::InvalidInput,
        ErrorKind::EntityTemporarilyUnmodifiable,
        ErrorKind::ConcurrentModification,
        ErrorKind::ServiceFailure,
        ErrorKind::AccessDenied,
        ErrorKind::Credentials,
        ErrorKind::Transport,
        ErrorKind::Timeout,
        ErrorKind::Throttling,
        ErrorKind::Storage,
        ErrorKind::Unhandled,
    ];

    /// The kind's name in CamelCase, as used in logs and by the front ends.
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::NoSuchEntity => "NoSuchEntity",
            ErrorKind::EntityAlreadyExists => "EntityAlreadyExists",
            ErrorKind::DeleteConflict => "DeleteConflict",
            ErrorKind::InvalidAuthenticationCode => "InvalidAuthenticationCode",
            ErrorKind::LimitExceeded => "LimitExceeded",
            ErrorKind::InvalidInput => "InvalidInput",
            ErrorKind::EntityTemporarilyUnmodifiable => "EntityTemporarilyUnmodifiable",
            ErrorKind::ConcurrentModification => "ConcurrentModification",
            ErrorKind::ServiceFailure => "ServiceFailure",
            ErrorKind::AccessDenied => "AccessDenied",
            ErrorKind::Credentials => "Credentials",
            ErrorKind::Transport => "Transport",
            ErrorKind::Timeout => "Timeout",
            ErrorKind::Throttling => "Throttling",
            ErrorKind::Storage => "Storage",
            ErrorKind::Unhandled => "Unhandled",
        }
    }

    /// The AWS error code IAM answers with for this kind, and the HTTP
    /// status of that answer. Kinds that never come from the service
    /// (transport, timeout, storage) answer as a service failure would.
    pub fn aws_code_and_status(self) -> (&'static str, u16) {
        match self {
            ErrorKind::NoSuchEntity => ("NoSuchEntity", 404),
            ErrorKind::EntityAlreadyExists => ("EntityAlreadyExists", 409),
            ErrorKind::DeleteConflict => ("DeleteConflict", 409),
            ErrorKind::InvalidAuthenticationCode => ("InvalidAuthenticationCode", 403),
            ErrorKind::LimitExceeded => ("LimitExceeded", 409),
            ErrorKind::InvalidInput => ("ValidationError", 400),
            ErrorKind::EntityTemporarilyUnmodifiable => ("EntityTemporarilyUnmodifiable", 409),
            ErrorKind::ConcurrentModification => ("ConcurrentModification", 409),
            ErrorKind::AccessDenied => ("AccessDenied", 403),
            ErrorKind::Credentials => ("InvalidClientTokenId", 403),
            ErrorKind::Throttling => ("Throttling", 400),
            ErrorKind::ServiceFailure
            | ErrorKind::Transport
            | ErrorKind::Timeout
            | ErrorKind::Storage
            | ErrorKind::Unhandled => ("ServiceFailure", 500),
        }
    }

    /// The kind of an AWS error code. Unknown codes are
    /// [`ErrorKind::Unhandled`].
    pub fn from_aws_code(code: &str) -> ErrorKind {
        match code {
            "NoSuchEntity" => ErrorKind::NoSuchEntity,
            "EntityAlreadyExists" => ErrorKind::EntityAlreadyExists,
            "DeleteConflict" => ErrorKind::DeleteConflict,
            "InvalidAuthenticationCode" => ErrorKind::InvalidAuthenticationCode,
            "LimitExceeded" => ErrorKind::LimitExceeded,
            "InvalidInput"
            | "ValidationError"
            | "MalformedQueryString"
            | "InvalidParameterValue"
            | "MissingParameter"
            | "InvalidAction" => ErrorKind::InvalidInput,
            "EntityTemporarilyUnmodifiable" => ErrorKind::EntityTemporarilyUnmodifiable,
            "ConcurrentModification" => ErrorKind::ConcurrentModification,
            "ServiceFailure" | "InternalFailure" | "ServiceUnavailable" => {
                ErrorKind::ServiceFailure
            }
            "AccessDenied" | "AccessDeniedException" => ErrorKind::AccessDenied,
            "InvalidClientTokenId"
            | "SignatureDoesNotMatch"
            | "ExpiredToken"
            | "IncompleteSignature"
            | "MissingAuthenticationToken"
            | "UnrecognizedClientException" => ErrorKind::Credentials,
            "Throttling" | "ThrottlingException" | "RequestLimitExceeded" => ErrorKind::Throttling,
            _ => ErrorKind::Unhandled,
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// An error from any operation of the library.
///
/// It carries a kind to match on, a message that names what was wrong,
/// and, when the service answered, the AWS error code and request id.
pub struct Error {
    kind: ErrorKind,
    message: String,
    code: Option<String>,
    request_id: Option<String>,
    source: Option<Box<dyn std::error::Error + Send + Sync + 'static>>,
}

/// The result type of every fallible operation of the library.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// An error of `kind` with a message. The AWS code defaults to the
    /// kind's own code for kinds that the service answers with.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        let code = match kind {
            ErrorKind::Transport
            | ErrorKind::Timeout
            | ErrorKind::Storage
            | ErrorKind::Credentials
            | ErrorKind::Unhandled => None,
            _ => Some(kind.aws_code_and_status().0.to_owned()),
        };
        Error {
            kind,
            message: message.into(),
            code,
            request_id: None,
            source: None,
        }
    }

    /// An [`ErrorKind::InvalidInput`] error with IAM's `ValidationError`
    /// code.
    pub fn validation(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::InvalidInput, message)
    }

    /// An [`ErrorKind::InvalidInput`] error with IAM's `InvalidInput` code,
    /// which IAM uses for rules that are not length or pattern checks.
    pub fn invalid_input(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::InvalidInput, message).with_code("InvalidInput")
    }

    /// Replaces the AWS error code.
    pub fn with_code(mut self, code: impl Into<String>) -> Error {
        self.code = Some(code.into());
        self
    }

    /// Sets the request id the service gave.
    pub fn with_request_id(mut self, request_id: impl Into<String>) -> Error {
        self.request_id = Some(request_id.into());
        self
    }

    /// Attaches the lower-level error that caused this one.
    pub fn with_source(
        mut self,
        source: impl Into<Box<dyn std::error::Error + Send + Sync + 'static>>,
    ) -> Error {
        self.source = Some(source.into());
        self
    }

    /// What went wrong.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The message, naming the field, entity or rule concerned.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The AWS error code, such as `NoSuchEntity`, when there is one.
    pub fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }

    /// The request id of the service's answer, when there was one.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Error")
            .field("kind", &self.kind)
            .field("message", &self.message)
            .field("code", &self.code)
            .field("request_id", &self.request_id)
            .field("source", &self.source)
            .finish()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.code {
            Some(code) => write!(f, "{}: {}", code, self.message)?,
            None => write!(f, "{}: {}", self.kind, self.message)?,
        }
        if let Some(request_id) = &self.request_id {
            write!(f, " (request id {request_id})")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_deref()
            .map(|source| source as &(dyn std::error::Error + 'static))
    }
}

impl From<rusqlite::Error> for Error {
    fn from(error: rusqlite::Error) -> Error {
        Error::new(ErrorKind::Storage, format!("emulator store: {error}")).with_source(error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_with_a_service_code_maps_back_to_itself() {
        for kind in ErrorKind::ALL {
            let (code, status) = kind.aws_code_and_status();
            assert!((400..600).contains(&status), "{kind}: {status}");
            if status < 500 {
                assert_eq!(ErrorKind::from_aws_code(code), kind, "{kind} -> {code}");
            }
        }
    }

    #[test]
    fn unknown_codes_are_unhandled() {
        assert_eq!(ErrorKind::from_aws_code("Bogus"), ErrorKind::Unhandled);
    }

    #[test]
    fn display_shows_code_message_and_request_id() {
        let error = Error::new(ErrorKind::NoSuchEntity, "no such user").with_request_id("r-1");
        assert_eq!(
            error.to_string(),
            "NoSuchEntity: no such user (request id r-1)"
        );
        let error = Error::new(ErrorKind::Timeout, "took too long");
        assert_eq!(error.to_string(), "Timeout: took too long");
    }
}
