//! The CLI's output boundary: everything printed goes through [`Out`] or
//! [`errln!`], so nothing reaches the terminal unescaped and a closed pipe
//! never panics.
//!
//! - Text is passed through [`safe_text::escape`] piece by piece as it is
//!   formatted (each piece is whole characters, so nothing splits). JSON
//!   output is written as it is: its bytes are the contract.
//! - A write to a closed pipe (`urenwijzer test … | head -1`) becomes
//!   [`Failure::BrokenPipe`], which ends the command quietly with status 141,
//!   the status a shell reports for a process ended by SIGPIPE. Writes to
//!   stderr that fail are dropped: there is nowhere left to report them.

use std::fmt;
use std::io::{self, Write};

use crate::{safe_text, Failure, Format};

/// The exit status after a closed pipe: 128 + SIGPIPE (13), as a shell reports it.
pub const BROKEN_PIPE_STATUS: u8 = 141;

/// A writer that escapes text (unless it carries JSON) and reports a closed pipe.
pub struct Out<W: Write> {
    inner: W,
    escape: bool,
}

/// Buffered stdout, escaped for text, as is for JSON.
pub fn stdout(format: Format) -> Out<io::BufWriter<io::StdoutLock<'static>>> {
    Out { inner: io::BufWriter::new(io::stdout().lock()), escape: format == Format::Text }
}

impl<W: Write> Out<W> {
    /// What `write!` and `writeln!` call.
    pub fn write_fmt(&mut self, args: fmt::Arguments<'_>) -> Result<(), Failure> {
        let mut adapter = Adapter { inner: &mut self.inner, escape: self.escape, error: None };
        match fmt::write(&mut adapter, args) {
            Ok(()) => Ok(()),
            Err(_) => Err(adapter.error.map_or_else(|| Failure::Io("kan de uitvoer niet opmaken".into()), failure)),
        }
    }

    /// Writes out what is buffered; call before the command ends.
    pub fn finish(mut self) -> Result<(), Failure> {
        self.inner.flush().map_err(failure)
    }
}

fn failure(e: io::Error) -> Failure {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Failure::BrokenPipe
    } else {
        Failure::Io(format!("kan de uitvoer niet schrijven: {e}"))
    }
}

struct Adapter<'a, W: Write> {
    inner: &'a mut W,
    escape: bool,
    error: Option<io::Error>,
}

impl<W: Write> fmt::Write for Adapter<'_, W> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let text = if self.escape { safe_text::escape(s) } else { s.into() };
        self.inner.write_all(text.as_bytes()).map_err(|e| {
            self.error = Some(e);
            fmt::Error
        })
    }
}

/// One escaped line on stderr; a failing stderr is ignored.
pub fn stderr_line(args: fmt::Arguments<'_>) {
    let mut out = Out { inner: io::stderr().lock(), escape: true };
    let _ = out.write_fmt(format_args!("{args}\n"));
}

/// `eprintln!` through the escaping boundary.
macro_rules! errln {
    ($($arg:tt)*) => { $crate::out::stderr_line(format_args!($($arg)*)) };
}
pub(crate) use errln;
