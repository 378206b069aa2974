//! Reading a file whole, but never more than a limit: a file that is far too large (or
//! a pipe that never ends) is refused before it can take all the memory.

use std::io::Read as _;
use std::path::Path;

/// Why a file was not read.
#[derive(Debug, thiserror::Error)]
pub enum BoundedReadError {
    /// The operating system could not read it.
    #[error(transparent)]
    Io(#[from] std::io::Error),
    /// It is a folder.
    #[error("it is a folder")]
    Folder,
    /// It is larger than the limit.
    #[error("it is {} MB; the limit is {} MB", size / 1_000_000, limit / 1_000_000)]
    TooLarge {
        /// Its size in bytes (at least), as far as it was measured.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
}

/// Reads the file at `path` whole, refusing it without reading when its size is over
/// `limit` bytes, and stopping at the limit when the size it claims is wrong (a pipe,
/// a file still growing).
pub fn read_at_most(path: &Path, limit: u64) -> Result<Vec<u8>, BoundedReadError> {
    let file = std::fs::File::open(path)?;
    let metadata = file.metadata()?;
    if metadata.is_dir() {
        return Err(BoundedReadError::Folder);
    }
    if metadata.len() > limit {
        return Err(BoundedReadError::TooLarge {
            size: metadata.len(),
            limit,
        });
    }
    let mut bytes = Vec::new();
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(BoundedReadError::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_over_the_limit_and_folders_are_refused() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("p.json");
        std::fs::write(&path, b"0123456789").unwrap();
        assert_eq!(read_at_most(&path, 10).unwrap(), b"0123456789");
        let err = read_at_most(&path, 9).unwrap_err();
        assert!(
            matches!(err, BoundedReadError::TooLarge { size: 10, limit: 9 }),
            "{err}"
        );
        assert!(matches!(
            read_at_most(folder.path(), 10),
            Err(BoundedReadError::Folder)
        ));
        assert!(matches!(
            read_at_most(&folder.path().join("gone"), 10),
            Err(BoundedReadError::Io(_))
        ));
    }
}
