//! Files that hold secrets: seeds and QR codes written owner-only and
//! never overwritten by accident, and seed files read back.

use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use iam_mfa::Secret;

use crate::exit::Failure;

/// A secret file opened for writing before the call that produces its
/// contents, so that a name already taken is refused before anything is
/// changed. Dropped without [`SecretFile::write`], it removes the file it
/// created.
pub struct SecretFile {
    path: PathBuf,
    file: Option<File>,
    created: bool,
}

impl SecretFile {
    /// Opens `path` for writing with mode 0600. An existing file is
    /// refused unless `force` is set, in which case it is truncated and
    /// its mode set to 0600.
    ///
    /// # Errors
    ///
    /// A file failure when the file exists (without `force`) or cannot be
    /// opened.
    pub fn create(path: &Path, force: bool) -> Result<SecretFile, Failure> {
        let mut options = OpenOptions::new();
        options.write(true).mode(0o600);
        if force {
            options.create(true).truncate(true);
        } else {
            options.create_new(true);
        }
        let existed = path.exists();
        let file = options.open(path).map_err(|error| {
            if error.kind() == std::io::ErrorKind::AlreadyExists {
                Failure::File(format!(
                    "refusing to overwrite {}: it exists (pass --force to replace it)",
                    path.display()
                ))
            } else {
                Failure::File(format!("cannot write {}: {error}", path.display()))
            }
        })?;
        file.set_permissions(std::fs::Permissions::from_mode(0o600))
            .map_err(|error| Failure::File(format!("cannot chmod {}: {error}", path.display())))?;
        Ok(SecretFile {
            path: path.to_owned(),
            file: Some(file),
            created: !existed,
        })
    }

    /// Writes the contents and closes the file.
    ///
    /// # Errors
    ///
    /// A file failure when the write fails.
    pub fn write(mut self, contents: &[u8]) -> Result<(), Failure> {
        let mut file = self.file.take().expect("a secret file is written once");
        file.write_all(contents)
            .and_then(|()| file.sync_all())
            .map_err(|error| {
                Failure::File(format!("cannot write {}: {error}", self.path.display()))
            })
    }
}

impl Drop for SecretFile {
    fn drop(&mut self) {
        if self.file.take().is_some() && self.created {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// Reads a base32 seed from a file, as `create-virtual-mfa-device
/// --bootstrap-method Base32StringSeed --outfile` writes it. Surrounding
/// whitespace is ignored.
///
/// # Errors
///
/// A file failure when the file cannot be read or holds no seed.
pub fn read_seed(path: &Path) -> Result<Secret, Failure> {
    let mut bytes = Vec::new();
    File::open(path)
        .and_then(|mut file| file.read_to_end(&mut bytes))
        .map_err(|error| {
            Failure::File(format!("cannot read seed file {}: {error}", path.display()))
        })?;
    let bytes = Secret::new(bytes);
    let trimmed = bytes.expose().trim_ascii();
    if trimmed.is_empty() {
        return Err(Failure::File(format!(
            "seed file {} is empty",
            path.display()
        )));
    }
    if let Err(error) = iam_mfa::totp::Key::from_base32(trimmed) {
        return Err(Failure::File(format!(
            "seed file {}: {}",
            path.display(),
            error.message()
        )));
    }
    Ok(Secret::new(trimmed.to_vec()))
}
