//! QR codes of `otpauth://` URIs, rendered as PNG images.
//!
//! The QR symbol comes from the `qrcodegen` crate and the PNG encoding from
//! the `png` crate; this module only lays the modules out as pixels. The
//! pixel buffer is wiped after encoding. The QR encoder's and the PNG
//! encoder's own internal buffers cannot be reached from here and are not
//! wiped.

use qrcodegen::{QrCode, QrCodeEcc};
use zeroize::Zeroizing;

use crate::error::{Error, ErrorKind, Result};
use crate::secret::Secret;

/// Pixels per QR module.
const SCALE: usize = 6;

/// The blank border around the symbol, in modules, as the QR standard asks.
const QUIET_ZONE: usize = 4;

/// The QR symbol of `text` as a grid of dark (`true`) and light modules,
/// without a quiet zone, row by row.
///
/// # Errors
///
/// [`ErrorKind::InvalidInput`] when the text is too long for a QR code.
pub fn modules(text: &[u8]) -> Result<(usize, Zeroizing<Vec<bool>>)> {
    let code = QrCode::encode_binary(text, QrCodeEcc::Medium)
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
    let (width, dark) = modules(text.expose())?;
    let side = (width + 2 * QUIET_ZONE) * SCALE;

    // One bit a pixel, most significant bit first; 1 is white.
    let row_bytes = side.div_ceil(8);
    let mut pixels = Zeroizing::new(vec![0xffu8; row_bytes * side]);
    for (index, _) in dark.iter().enumerate().filter(|(_, is_dark)| **is_dark) {
        let top = (index / width + QUIET_ZONE) * SCALE;
        let left = (index % width + QUIET_ZONE) * SCALE;
        for row in top..top + SCALE {
            for column in left..left + SCALE {
                pixels[row * row_bytes + column / 8] &= !(0x80 >> (column % 8));
            }
        }
    }

    let mut encoded = Vec::with_capacity(pixels.len() / 4);
    let side_u32 = u32::try_from(side).expect("a QR code is at most 177 modules wide");
    let mut encoder = png::Encoder::new(&mut encoded, side_u32, side_u32);
    encoder.set_color(png::ColorType::Grayscale);
    encoder.set_depth(png::BitDepth::One);
    encoder.set_compression(png::Compression::Fast);
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
