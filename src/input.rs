//! Reading input up to a size limit, and no further.

use std::io::Read;
use std::path::Path;
use thiserror::Error;

/// Why input could not be read by [`read_limited`] or [`read_file_limited`].
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum ReadError {
    /// Reading failed.
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// The input is larger than the limit; it was not read past the limit.
    #[error("the input is {size} bytes or more, over the limit of {limit} bytes")]
    TooLarge {
        /// The input's size when known (a file's length), otherwise `limit + 1`: the
        /// input is at least this long.
        size: u64,
        /// The limit in force.
        limit: usize,
    },
}

/// Read all of `reader` if it holds at most `limit` bytes; otherwise stop after
/// `limit + 1` bytes with [`ReadError::TooLarge`]. Memory and time are bounded by the
/// limit, whatever the size of the input.
///
/// ```
/// use zfxxgk::{read_limited, ReadError};
/// let data = vec![b'x'; 1000];
/// assert_eq!(read_limited(&data[..], 1000).unwrap().len(), 1000);
/// assert!(matches!(
///     read_limited(std::io::repeat(b'x'), 1000), // endless input
///     Err(ReadError::TooLarge { size: 1001, limit: 1000 })
/// ));
/// ```
pub fn read_limited<R: Read>(reader: R, limit: usize) -> Result<Vec<u8>, ReadError> {
    read_with_hint(reader, limit, 0)
}

fn read_with_hint<R: Read>(reader: R, limit: usize, hint: usize) -> Result<Vec<u8>, ReadError> {
    let cap = limit as u64 + 1;
    let mut buf = Vec::with_capacity(hint.min(limit).saturating_add(1));
    reader.take(cap).read_to_end(&mut buf)?;
    if buf.len() > limit {
        return Err(ReadError::TooLarge { size: cap, limit });
    }
    Ok(buf)
}

/// Read a file if it holds at most `limit` bytes. A regular file whose length is over
/// the limit is refused from its metadata, without reading it; other files (pipes,
/// devices) are read up to `limit + 1` bytes at most, as by [`read_limited`].
///
/// ```
/// # let dir = std::env::temp_dir().join(format!("zfxxgk-doc-{}", std::process::id()));
/// # std::fs::create_dir_all(&dir).unwrap();
/// let path = dir.join("report.txt");
/// std::fs::write(&path, "一、总体情况\n").unwrap();
/// let bytes = zfxxgk::read_file_limited(&path, zfxxgk::DEFAULT_MAX_INPUT_BYTES).unwrap();
/// let report = zfxxgk::parse_bytes(&bytes).unwrap();
/// assert_eq!(report.sections.len(), 1);
/// assert!(matches!(
///     zfxxgk::read_file_limited(&path, 4),
///     Err(zfxxgk::ReadError::TooLarge { size: 19, limit: 4 })
/// ));
/// # std::fs::remove_dir_all(&dir).unwrap();
/// ```
pub fn read_file_limited(path: impl AsRef<Path>, limit: usize) -> Result<Vec<u8>, ReadError> {
    let file = std::fs::File::open(path)?;
    let meta = file.metadata()?;
    let mut hint = 0;
    if meta.is_file() {
        if meta.len() > limit as u64 {
            return Err(ReadError::TooLarge {
                size: meta.len(),
                limit,
            });
        }
        hint = usize::try_from(meta.len()).unwrap_or(limit);
    }
    read_with_hint(file, limit, hint)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits() {
        assert_eq!(read_limited(&b"abc"[..], 3).unwrap(), b"abc");
        assert!(matches!(
            read_limited(&b"abcd"[..], 3),
            Err(ReadError::TooLarge { size: 4, limit: 3 })
        ));
        assert_eq!(read_limited(&b""[..], 0).unwrap(), b"");
    }

    #[test]
    fn sparse_file_refused_from_its_length() {
        let dir = std::env::temp_dir().join(format!("zfxxgk-input-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("big.txt");
        let f = std::fs::File::create(&path).unwrap();
        // 1 GiB, sparse: nothing is written or read.
        f.set_len(1 << 30).unwrap();
        drop(f);
        let r = read_file_limited(&path, 16 << 20);
        assert!(matches!(
            r,
            Err(ReadError::TooLarge {
                size: 1_073_741_824,
                limit: 16_777_216
            })
        ));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
