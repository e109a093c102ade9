//! A QR code drawn in the terminal with half-block characters, so that a
//! phone can scan it from the screen.
//!
//! Each character cell shows two modules, one above the other: `█` both
//! light, `▀` the upper one light, `▄` the lower one light, a space both
//! dark. Light modules are drawn in the foreground colour, which suits the
//! usual light-on-dark terminal; when the output is a terminal the code is
//! also wrapped in escapes for white on black, so it scans on any theme.
//! A quiet zone of four light modules surrounds the symbol, as the QR
//! standard asks. The drawing spells the seed, so its text is wiped from
//! memory once printed.

use iam_mfa::Secret;
use zeroize::Zeroizing;

/// The light border around the symbol, in modules.
const QUIET_ZONE: usize = 4;

/// White foreground on a black background, and back to normal.
const COLOURS_ON: &str = "\x1b[97;40m";
const COLOURS_OFF: &str = "\x1b[0m";

/// The lines of the drawing of the QR code of `text`, without colours.
///
/// # Errors
///
/// `InvalidInput` when the text is too long for a QR code.
pub fn lines(text: &Secret) -> iam_mfa::Result<Vec<Zeroizing<String>>> {
    let (width, dark) = iam_mfa::qr::modules(text.expose())?;
    let side = width + 2 * QUIET_ZONE;
    let is_light = |row: usize, column: usize| -> bool {
        let inside = |i: usize| (QUIET_ZONE..QUIET_ZONE + width).contains(&i);
        if !inside(row) || !inside(column) {
            return true;
        }
        !dark[(row - QUIET_ZONE) * width + (column - QUIET_ZONE)]
    };

    let mut lines = Vec::with_capacity(side.div_ceil(2));
    for top in (0..side).step_by(2) {
        // Each glyph is three bytes in UTF-8: reserving them up front means
        // the buffer never moves, leaving no unwiped copy behind.
        let mut line = Zeroizing::new(String::with_capacity(side * 3));
        for column in 0..side {
            line.push(match (is_light(top, column), is_light(top + 1, column)) {
                (true, true) => '█',
                (true, false) => '▀',
                (false, true) => '▄',
                (false, false) => ' ',
            });
        }
        lines.push(line);
    }
    Ok(lines)
}

/// The drawing as text to print, coloured when `colour` is set.
///
/// # Errors
///
/// As [`lines`].
pub fn render(text: &Secret, colour: bool) -> iam_mfa::Result<Zeroizing<String>> {
    let lines = lines(text)?;
    let colours = COLOURS_ON.len() + COLOURS_OFF.len();
    let size = lines.iter().map(|line| line.len() + colours + 1).sum();
    let mut out = Zeroizing::new(String::with_capacity(size));
    for line in lines {
        if colour {
            out.push_str(COLOURS_ON);
            out.push_str(&line);
            out.push_str(COLOURS_OFF);
        } else {
            out.push_str(&line);
        }
        out.push('\n');
    }
    Ok(out)
}

/// Prints the drawing on stderr, coloured when stderr is a terminal.
///
/// # Errors
///
/// As [`lines`].
pub fn print(text: &Secret) -> iam_mfa::Result<()> {
    use std::io::{IsTerminal, Write};
    let drawing = render(text, std::io::stderr().is_terminal())?;
    let mut stderr = std::io::stderr().lock();
    let _ = stderr.write_all(drawing.as_bytes());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_drawing_has_a_light_quiet_zone_and_two_rows_per_line() {
        let lines = lines(&Secret::from("otpauth://totp/x".to_owned())).unwrap();
        let width = lines[0].chars().count();
        assert!(lines[0].chars().all(|c| c == '█'));
        assert!(lines.iter().all(|line| line.chars().count() == width));
        assert_eq!(lines.len(), width.div_ceil(2));
    }
}
