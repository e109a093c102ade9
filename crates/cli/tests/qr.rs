//! The QR code drawn in the terminal is a real QR code: turned back into
//! a bitmap and read by a decoder we did not write (`rqrr`), it gives the
//! device's `otpauth://` URI, the same one its PNG holds. The demo's
//! drawing and file pass the same check.

mod common;

use common::{Sandbox, mode};

/// Pixels per module in the rebuilt bitmap.
const SCALE: usize = 8;

/// The drawing's lines in `text`: lines made only of the four half-block
/// glyphs, at least 21 wide (the smallest QR code).
fn drawing(text: &str) -> Vec<Vec<char>> {
    text.lines()
        .map(|line| line.chars().collect::<Vec<_>>())
        .filter(|chars| {
            chars.len() >= 21
                && chars.iter().all(|c| matches!(c, '█' | '▀' | '▄' | ' '))
                && chars.iter().any(|c| *c != ' ')
        })
        .collect()
}

/// Turns the half blocks back into modules (two per character, light
/// where the glyph is drawn), scales them up and decodes the QR code.
fn decode_drawing(lines: &[Vec<char>]) -> String {
    assert!(!lines.is_empty(), "a drawing was printed");
    let width = lines[0].len();
    assert!(
        lines.iter().all(|line| line.len() == width),
        "a rectangular drawing"
    );
    let height = lines.len() * 2;
    let mut light = vec![false; width * height];
    for (row, line) in lines.iter().enumerate() {
        for (column, glyph) in line.iter().enumerate() {
            let (top, bottom) = match glyph {
                '█' => (true, true),
                '▀' => (true, false),
                '▄' => (false, true),
                _ => (false, false),
            };
            light[2 * row * width + column] = top;
            light[(2 * row + 1) * width + column] = bottom;
        }
    }
    decode(width * SCALE, height * SCALE, |x, y| {
        if light[(y / SCALE) * width + x / SCALE] {
            255
        } else {
            0
        }
    })
}

/// Decodes the one QR code of a greyscale image with rqrr.
fn decode(width: usize, height: usize, pixel: impl FnMut(usize, usize) -> u8) -> String {
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(width, height, pixel);
    let grids = image.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code");
    let (_, content) = grids[0].decode().expect("rqrr decodes the QR code");
    content
}

fn decode_png(path: &std::path::Path) -> String {
    let luma = image::open(path).expect("a PNG").to_luma8();
    let (width, height) = (luma.width() as usize, luma.height() as usize);
    decode(width, height, |x, y| {
        luma.get_pixel(x as u32, y as u32).0[0]
    })
}

fn uri(name: &str, seed: &str) -> String {
    format!(
        "otpauth://totp/Amazon%20Web%20Services:{name}@123456789012?secret={seed}\
         &issuer=Amazon%20Web%20Services"
    )
}

#[test]
fn the_terminal_qr_code_decodes_to_the_devices_otpauth_uri() {
    let sandbox = Sandbox::new();
    let png = sandbox.path("phone.png");
    let run = sandbox.local(&[
        "create-virtual-mfa-device",
        "--virtual-mfa-device-name",
        "phone",
        "--path",
        "/ops/",
        "--outfile",
        png.to_str().unwrap(),
        "--bootstrap-method",
        "QRCodePNG",
        "--qr-terminal",
        "--show-seed",
    ]);
    let output = run.json();
    let seed = output["VirtualMFADevice"]["Base32StringSeed"]
        .as_str()
        .unwrap();
    assert!(
        !run.stderr.contains('\x1b'),
        "no colours when stderr is not a terminal"
    );

    let from_terminal = decode_drawing(&drawing(&run.stderr));
    assert_eq!(from_terminal, uri("phone", seed));
    assert_eq!(
        decode_png(&png),
        from_terminal,
        "the PNG holds the same URI"
    );
}

#[test]
fn the_demo_draws_and_saves_the_same_qr_code() {
    let sandbox = Sandbox::new();
    let png = sandbox.path("demo.png");
    let run = sandbox.run(&["demo", "--outfile", png.to_str().unwrap()]);
    run.ok();
    assert!(
        run.stdout.contains("== Step 1: create a user"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("refused, as expected: An error occurred (DeleteConflict)")
    );
    assert!(
        run.stdout.contains("\"VirtualMFADevices\": []"),
        "the demo cleans up"
    );
    assert_eq!(mode(&png), 0o600);

    let from_terminal = decode_drawing(&drawing(&run.stdout));
    assert_eq!(decode_png(&png), from_terminal);
    let seed = from_terminal
        .split("secret=")
        .nth(1)
        .and_then(|rest| rest.split('&').next())
        .unwrap();
    assert_eq!(from_terminal, uri("alice-phone", seed));
    assert!(
        !run.stdout.contains(seed),
        "the seed is never printed as text"
    );

    let again = sandbox.run(&["demo", "--outfile", png.to_str().unwrap()]);
    again.exits(17);
    sandbox
        .run(&["demo", "--outfile", png.to_str().unwrap(), "--force"])
        .ok();
}

#[test]
fn the_demo_writes_its_png_to_a_new_private_directory_by_default() {
    let sandbox = Sandbox::new();
    let run = sandbox.run_with(
        &["demo"],
        &[("TMPDIR", sandbox.dir.path().to_str().unwrap())],
    );
    run.ok();
    let line = run
        .stdout
        .lines()
        .find(|line| line.contains("QR code written to "))
        .expect("the demo says where the PNG is");
    let path = line
        .split("QR code written to ")
        .nth(1)
        .unwrap()
        .split(" (mode")
        .next()
        .unwrap();
    let path = std::path::Path::new(path);
    assert!(path.starts_with(sandbox.dir.path()), "{path:?}");
    assert_eq!(mode(path), 0o600);
    assert_eq!(mode(path.parent().unwrap()), 0o700);
    assert!(decode_png(path).starts_with("otpauth://totp/Amazon%20Web%20Services:alice-phone@"));
}
