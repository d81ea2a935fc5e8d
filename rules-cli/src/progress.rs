//! The progress bar of long runs (`batch`, `compare`): on stderr, over the
//! bytes of the input file (the reader streams, so the number of households
//! is not known in advance), and hidden when stderr is not a terminal.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

pub fn bar(total_bytes: u64) -> ProgressBar {
    let target =
        if std::io::stderr().is_terminal() { ProgressDrawTarget::stderr() } else { ProgressDrawTarget::hidden() };
    let bar = ProgressBar::with_draw_target(Some(total_bytes), target);
    if let Ok(style) = ProgressStyle::with_template("[{bar:25}] {percent:>3}% {msg}") {
        bar.set_style(style.progress_chars("#> "));
    }
    bar
}
