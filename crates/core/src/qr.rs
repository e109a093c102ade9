//! QR codes of `otpauth://` URIs, rendered as PNG images.
//!
//! The QR symbol comes from the `qrcodegen` crate and the PNG encoding from
//! the `png` crate; this module only lays the modules out as pixels. The
//! pixel buffer is wiped after encoding. The QR encoder's and the PNG
//! encoder's own internal buffers cannot be reached from here and are not
//! wiped.

use qrcodegen::{Mask, QrCode, QrCodeEcc, QrSegment, Version};
use zeroize::Zeroizing;

use crate::error::{Error, ErrorKind, Result};
use crate::secret::Secret;

/// Pixels per QR module.
const SCALE: usize = 6;

/// The blank border around the symbol, in modules, as the QR standard asks.
const QUIET_ZONE: usize = 4;

/// The mask pattern of the emulator's PNGs. Encoders normally score all
/// eight patterns and keep the one that looks least like the finder marks;
/// that scoring costs some 20 times as much as drawing the symbol, and the
/// emulator draws a symbol for every device it creates. Decoders read
/// every pattern, so the PNGs use this one. The terminal drawing, which a
/// phone's camera reads off a screen, keeps the scored choice.
const PNG_MASK: u8 = 0;

/// The most bytes a QR code holds in byte mode at the error correction
/// level used here (version 40, level M).
pub const MAX_BYTES: usize = 2331;

/// Checks that `text` fits in one QR code, without drawing it.
///
/// # Errors
///
/// [`ErrorKind::InvalidInput`] when it does not.
pub fn check_fits(text: &[u8]) -> Result<()> {
    if text.len() > MAX_BYTES {
        return Err(Error::new(
            ErrorKind::InvalidInput,
            format!(
                "QR code: the text is {} bytes, more than the {MAX_BYTES} a QR code holds",
                text.len()
            ),
        ));
    }
    Ok(())
}

/// The QR symbol of `text` as a grid of dark (`true`) and light modules,
/// without a quiet zone, row by row, with the best-scoring mask pattern.
///
/// # Errors
///
/// [`ErrorKind::InvalidInput`] when the text is too long for a QR code.
pub fn modules(text: &[u8]) -> Result<(usize, Zeroizing<Vec<bool>>)> {
    symbol(text, None)
}

fn symbol(text: &[u8], mask: Option<Mask>) -> Result<(usize, Zeroizing<Vec<bool>>)> {
    let segments = [QrSegment::make_bytes(text)];
    let code = QrCode::encode_segments_advanced(
        &segments,
        QrCodeEcc::Medium,
        Version::MIN,
        Version::MAX,
        mask,
        true,
    )
    .map_err(|error| Error::new(ErrorKind::InvalidInput, format!("QR code: {error}")))?;
    let width = usize::try_from(code.size()).expect("a QR code is at most 177 modules wide");
    let side = code.size();
    let dark = (0..side)
        .flat_map(|y| (0..side).map(move |x| (x, y)))
        .map(|(x, y)| code.get_module(x, y))
        .collect();
    Ok((width, Zeroizing::new(dark)))
}

/// A grayscale PNG of the QR code of `text`.
///
/// # Errors
///
/// [`ErrorKind::InvalidInput`] when the text is too long for a QR code.
pub fn png(text: &Secret) -> Result<Secret> {
    let (width, dark) = symbol(text.expose(), Some(Mask::new(PNG_MASK)))?;
    let side = (width + 2 * QUIET_ZONE) * SCALE;

    // One bit a pixel, most significant bit first; 1 is white. Each row of
    // modules is drawn once and repeated SCALE times.
    let row_bytes = side.div_ceil(8);
    let mut pixels = Zeroizing::new(Vec::with_capacity(row_bytes * side));
    let mut row = Zeroizing::new(vec![0xffu8; row_bytes]);
    pixels.resize(row_bytes * QUIET_ZONE * SCALE, 0xff);
    for modules in dark.chunks(width) {
        row.fill(0xff);
        for (x, _) in modules.iter().enumerate().filter(|(_, is_dark)| **is_dark) {
            let left = (x + QUIET_ZONE) * SCALE;
            for column in left..left + SCALE {
                row[column / 8] &= !(0x80 >> (column % 8));
            }
        }
        for _ in 0..SCALE {
            pixels.extend_from_slice(&row);
        }
    }
    pixels.resize(row_bytes * side, 0xff);

    let mut encoded = Vec::with_capacity(pixels.len() / 4);
    let side_u32 = u32::try_from(side).expect("a QR code is at most 177 modules wide");
    let mut encoder = png::Encoder::new(&mut encoded, side_u32, side_u32);
    encoder.set_color(png::ColorType::Grayscale);
    encoder.set_depth(png::BitDepth::One);
    encoder.set_compression(png::Compression::Fast);
    encoder.set_filter(png::FilterType::NoFilter);
    encoder.set_adaptive_filter(png::AdaptiveFilterType::NonAdaptive);
    let written = encoder
        .write_header()
        .and_then(|mut writer| writer.write_image_data(&pixels));
    if let Err(error) = written {
        return Err(Error::new(
            ErrorKind::ServiceFailure,
            format!("QR code PNG: {error}"),
        ));
    }
    Ok(Secret::new(encoded))
}
