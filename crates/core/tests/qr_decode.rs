//! QR codes read back by a decoder this project did not write (`rqrr`),
//! to the exact `otpauth://` URI that authenticator apps expect.
//!
//! Failures never print a decoded URI of a real device: it holds the seed.

use iam_mfa::{Client, Secret, qr, totp};

/// The text of the one QR code in a PNG.
fn decode(png: &[u8]) -> String {
    let image = image::load_from_memory(png)
        .expect("a readable PNG")
        .to_luma8();
    let mut prepared = rqrr::PreparedImage::prepare(image);
    let grids = prepared.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code in the image");
    let (_meta, content) = grids[0].decode().expect("a decodable QR code");
    content
}

#[test]
fn png_of_a_known_uri_decodes_to_it() {
    let uri = "otpauth://totp/Amazon%20Web%20Services:alice-phone@123456789012\
               ?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP\
               &issuer=Amazon%20Web%20Services";
    let png = qr::png(&Secret::from(uri.to_owned())).expect("render");
    assert_eq!(decode(png.expose()), uri);
}

#[test]
fn otpauth_uri_of_a_seed_decodes_from_its_png() {
    let seed = totp::generate_seed().expect("seed");
    let uri = totp::otpauth_uri("bob", "210987654321", &seed);
    let png = qr::png(&uri).expect("render");
    let decoded = decode(png.expose());
    assert!(
        decoded.as_bytes() == uri.expose(),
        "the decoded text is not the URI that was rendered"
    );
}

#[tokio::test]
async fn qr_code_of_a_new_device_is_its_exact_otpauth_uri() {
    let client = Client::in_memory().expect("emulator");
    let account = client.as_local().expect("local").account_id().to_owned();

    for (name, path) in [
        ("alice-phone", None),
        ("ops.key_2+x=y,z@w", Some("/ops/team/")),
    ] {
        let device = client
            .create_virtual_mfa_device(name, path, &[])
            .await
            .expect("create");
        let seed = device.base32_string_seed.as_ref().expect("seed");
        let seed = seed.expose_str().expect("base32 text");
        let png = device.qr_code_png.as_ref().expect("QR code");

        let expected = format!(
            "otpauth://totp/Amazon%20Web%20Services:{name}@{account}\
             ?secret={seed}&issuer=Amazon%20Web%20Services"
        );
        let decoded = decode(png.png().expose());
        assert!(
            decoded == expected,
            "the QR code of {} does not decode to its otpauth URI",
            device.serial_number
        );
    }
}
