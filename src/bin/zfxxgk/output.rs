//! Where output goes: standard output, or files written whole or not at all (a
//! temporary file in the same folder, renamed into place once complete).

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// Why a command stopped.
#[derive(Debug)]
pub enum Failure {
    /// The command line asks for something impossible.
    Usage(String),
    /// The output could not be written.
    Write(io::Error),
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Failure::Write(e)
    }
}

/// Whether a write failed because the reader went away (`… | head -1`): the run
/// then ends quietly.
pub fn is_closed_pipe(e: &io::Error) -> bool {
    e.kind() == io::ErrorKind::BrokenPipe
}

/// A message on standard error; a closed standard error is ignored rather than fatal.
pub fn note(msg: impl std::fmt::Display) {
    let _ = writeln!(io::stderr().lock(), "{msg}");
}

/// A file that appears under its name only when [`AtomicFile::commit`] succeeds.
pub struct AtomicFile {
    tmp: PathBuf,
    dest: PathBuf,
    writer: Option<BufWriter<File>>,
}

impl AtomicFile {
    /// Start writing `dest` (through a temporary file beside it).
    pub fn create(dest: &Path) -> io::Result<AtomicFile> {
        let name = dest
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let tmp = dest.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
        let file = File::create(&tmp)?;
        Ok(AtomicFile {
            tmp,
            dest: dest.to_path_buf(),
            writer: Some(BufWriter::with_capacity(1 << 16, file)),
        })
    }

    /// Flush, sync and rename into place.
    pub fn commit(mut self) -> io::Result<()> {
        let writer = self
            .writer
            .take()
            .ok_or_else(|| io::Error::other("closed"))?;
        let file = writer.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&self.tmp, &self.dest)
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self.writer.as_mut() {
            Some(w) => w.write(buf),
            None => Err(io::Error::other("closed")),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self.writer.as_mut() {
            Some(w) => w.write_all(buf),
            None => Err(io::Error::other("closed")),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self.writer.as_mut() {
            Some(w) => w.flush(),
            None => Ok(()),
        }
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        // Not committed: leave nothing behind.
        if self.writer.take().is_some() {
            let _ = std::fs::remove_file(&self.tmp);
        }
    }
}

/// The output of `parse` and `validate`: standard output, or `-o FILE`.
pub enum Sink {
    /// Standard output, buffered.
    Stdout(BufWriter<io::Stdout>),
    /// A file written whole or not at all.
    File(AtomicFile),
}

impl Sink {
    /// Standard output, or a new file at `path`.
    pub fn open(path: Option<&Path>) -> Result<Sink, Failure> {
        match path {
            None => Ok(Sink::Stdout(BufWriter::with_capacity(
                1 << 16,
                io::stdout(),
            ))),
            Some(p) => AtomicFile::create(p)
                .map(Sink::File)
                .map_err(|e| Failure::Usage(format!("cannot create {}: {e}", p.display()))),
        }
    }

    /// Flush everything; a file is renamed into place.
    pub fn finish(self) -> io::Result<()> {
        match self {
            Sink::Stdout(mut w) => w.flush(),
            Sink::File(f) => f.commit(),
        }
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Sink::Stdout(w) => w.write(buf),
            Sink::File(f) => f.write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self {
            Sink::Stdout(w) => w.write_all(buf),
            Sink::File(f) => f.write_all(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Stdout(w) => w.flush(),
            Sink::File(f) => f.flush(),
        }
    }
}

/// The end of a command whose writes returned `written`: a closed pipe ends the run
/// quietly with `status`; any other write error is a failure.
pub fn settle(
    status: crate::Status,
    written: io::Result<()>,
    sink: Sink,
) -> Result<crate::Status, Failure> {
    match written.and_then(|()| sink.finish()) {
        Ok(()) => Ok(status),
        Err(e) if is_closed_pipe(&e) => Ok(status),
        Err(e) => Err(Failure::Write(e)),
    }
}
