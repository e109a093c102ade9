//! The committed C header, include/iam_mfa.h, must be exactly what
//! cbindgen generates from this crate now. Set `IAM_MFA_WRITE_HEADER=1`
//! (or run generate-header.sh) to rewrite it instead of checking it.

use std::path::{Path, PathBuf};

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn committed_header() -> PathBuf {
    crate_dir().join("../../include/iam_mfa.h")
}

fn generate() -> String {
    let dir = crate_dir();
    let mut config = cbindgen::Config::from_file(dir.join("cbindgen.toml"))
        .expect("crates/ffi/cbindgen.toml is readable");
    config.after_includes = Some(version_macro());
    let bindings = cbindgen::Builder::new()
        .with_crate(&dir)
        .with_config(config)
        .generate()
        .expect("cbindgen generates the header");

    let mut text = Vec::new();
    bindings.write(&mut text);
    let text = String::from_utf8(text).expect("the header is UTF-8");
    wrap_declarations(&text)
}

/// The version macro, which cbindgen cannot write from a string constant.
fn version_macro() -> String {
    format!(
        "\n/**\n * The version of the header as text, `MAJOR.MINOR.PATCH`; \
         iam_mfa_version()\n * returns the library's.\n */\n\
         #define IAM_MFA_VERSION \"{}\"",
        env!("CARGO_PKG_VERSION")
    )
}

/// Rewrites cbindgen's function declarations, whose parameters it aligns
/// under the opening parenthesis, to one parameter per line indented by
/// four spaces, so that the header keeps to 80 columns.
fn wrap_declarations(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let declaration = !line.starts_with([' ', '*', '/', '#']) && line.contains('(');
        let Some(open) = line
            .find('(')
            .filter(|_| declaration && (line.len() > 80 || line.ends_with(',')))
        else {
            out.push_str(line);
            out.push('\n');
            continue;
        };
        out.push_str(&line[..=open]);
        out.push('\n');
        let mut parameter = line[open + 1..].to_owned();
        loop {
            out.push_str("    ");
            out.push_str(parameter.trim_start());
            out.push('\n');
            if parameter.ends_with(");") {
                break;
            }
            match lines.next() {
                Some(next) => parameter = next.to_owned(),
                None => break,
            }
        }
    }
    out
}

#[test]
fn committed_header_matches_a_fresh_generation() {
    let fresh = generate();
    let path = committed_header();

    if std::env::var_os("IAM_MFA_WRITE_HEADER").is_some() {
        std::fs::write(&path, &fresh).expect("include/iam_mfa.h is writable");
        return;
    }

    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "{} differs from what cbindgen generates from crates/ffi; run \
         crates/ffi/generate-header.sh and commit the result",
        Path::new("include/iam_mfa.h").display()
    );
}

#[test]
fn header_declares_every_status_and_the_version_macros() {
    let fresh = generate();

    for name in [
        "IAM_MFA_OK = 0",
        "IAM_MFA_UNHANDLED = 16",
        "IAM_MFA_NULL_ARGUMENT = 100",
        "IAM_MFA_PANIC = 102",
        "#define IAM_MFA_VERSION_MAJOR",
        "#define IAM_MFA_VERSION \"",
        "extern \"C\"",
    ] {
        assert!(fresh.contains(name), "the header lacks {name}");
    }
}
