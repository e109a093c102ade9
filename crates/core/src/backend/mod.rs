//! The two backends a client can run over.
//!
//! [`local`] is the embedded IAM emulator; `aws` (behind the `aws` feature)
//! is the real service through `aws-sdk-iam`. Both receive arguments that
//! [`crate::validate`] has already checked.

#[cfg(feature = "aws")]
pub mod aws;
pub mod local;

/// The backend behind a [`crate::Client`].
pub(crate) enum Backend {
    Local(local::LocalBackend),
    #[cfg(feature = "aws")]
    Aws(aws::AwsBackend),
}

impl Backend {
    pub(crate) fn name(&self) -> &'static str {
        match self {
            Backend::Local(_) => "local",
            #[cfg(feature = "aws")]
            Backend::Aws(_) => "aws",
        }
    }
}
