//! `tag-mfa-device`, `untag-mfa-device`, and the AWS CLI's two ways of
//! writing tags on the command line.

use clap::Args;
use iam_mfa::Tag;

use crate::args::GlobalArgs;
use crate::backend;
use crate::exit::Failure;

/// The examples of `tag-mfa-device --help`.
pub const TAG_EXAMPLE: &str = "\
Example:
  iam-mfa tag-mfa-device --serial-number arn:aws:iam::123456789012:mfa/alice-phone \\
      --tags Key=team,Value=ops Key=site,Value=lyon
  iam-mfa tag-mfa-device --serial-number arn:aws:iam::123456789012:mfa/alice-phone \\
      --tags '[{\"Key\": \"team\", \"Value\": \"ops\"}]'";

/// The example of `untag-mfa-device --help`.
pub const UNTAG_EXAMPLE: &str = "\
Example:
  iam-mfa untag-mfa-device --serial-number arn:aws:iam::123456789012:mfa/alice-phone \\
      --tag-keys team site";

/// `tag-mfa-device`.
#[derive(Debug, Args)]
pub struct TagMfaDeviceArgs {
    /// The device's serial number.
    #[arg(long)]
    pub serial_number: String,

    /// Tags: `Key=k,Value=v ...` or a JSON list of {"Key","Value"}.
    #[arg(long, num_args = 1.., required = true, value_name = "TAGS")]
    pub tags: Vec<String>,

    #[command(flatten)]
    pub global: GlobalArgs,
}

/// `untag-mfa-device`.
#[derive(Debug, Args)]
pub struct UntagMfaDeviceArgs {
    /// The device's serial number.
    #[arg(long)]
    pub serial_number: String,

    /// The keys to remove: `k1 k2 ...` or a JSON list of strings.
    #[arg(long, num_args = 1.., required = true, value_name = "KEYS")]
    pub tag_keys: Vec<String>,

    #[command(flatten)]
    pub global: GlobalArgs,
}

/// Parses `--tags`: a JSON list when the first value starts with `[`,
/// else one `Key=k,Value=v` per value (a value may hold commas).
///
/// # Errors
///
/// A usage failure naming the malformed value.
pub fn parse_tags(values: &[String]) -> Result<Vec<Tag>, Failure> {
    if values
        .first()
        .is_some_and(|v| v.trim_start().starts_with('['))
    {
        return parse_json_tags(&values.join(" "));
    }
    values
        .iter()
        .map(|value| parse_shorthand_tag(value))
        .collect()
}

fn parse_json_tags(text: &str) -> Result<Vec<Tag>, Failure> {
    let bad = |why: &str| Failure::Usage(format!("--tags: {why}"));
    let list: serde_json::Value =
        serde_json::from_str(text).map_err(|error| bad(&format!("invalid JSON: {error}")))?;
    let items = list.as_array().ok_or_else(|| bad("expected a JSON list"))?;
    items
        .iter()
        .map(|item| {
            let field = |name: &str| item.get(name).and_then(serde_json::Value::as_str);
            match (field("Key"), field("Value")) {
                (Some(key), Some(value)) => Ok(Tag::new(key, value)),
                (Some(key), None) if item.get("Value").is_none() => Ok(Tag::new(key, "")),
                _ => Err(bad(
                    "each tag must be {\"Key\": \"...\", \"Value\": \"...\"}",
                )),
            }
        })
        .collect()
}

fn parse_shorthand_tag(text: &str) -> Result<Tag, Failure> {
    let mut key = None;
    let mut value: Option<String> = None;
    let mut last: Option<&str> = None;
    for piece in text.split(',') {
        if let Some(rest) = piece.strip_prefix("Key=") {
            key = Some(rest.to_owned());
            last = Some("Key");
        } else if let Some(rest) = piece.strip_prefix("Value=") {
            value = Some(rest.to_owned());
            last = Some("Value");
        } else {
            let target = match last {
                Some("Key") => key.as_mut(),
                Some(_) => value.as_mut(),
                None => None,
            };
            let Some(target) = target else {
                return Err(Failure::Usage(format!(
                    "--tags: expected Key=KEY,Value=VALUE, got `{text}`"
                )));
            };
            target.push(',');
            target.push_str(piece);
        }
    }
    match key {
        Some(key) => Ok(Tag::new(key, value.unwrap_or_default())),
        None => Err(Failure::Usage(format!("--tags: `{text}` has no Key=KEY"))),
    }
}

/// Parses `--tag-keys`: a JSON list when the first value starts with `[`,
/// else the values themselves.
fn parse_tag_keys(values: &[String]) -> Result<Vec<String>, Failure> {
    if !values
        .first()
        .is_some_and(|v| v.trim_start().starts_with('['))
    {
        return Ok(values.to_vec());
    }
    serde_json::from_str::<Vec<String>>(&values.join(" ")).map_err(|error| {
        Failure::Usage(format!(
            "--tag-keys: expected a JSON list of strings: {error}"
        ))
    })
}

/// `tag-mfa-device`.
///
/// # Errors
///
/// A usage failure for malformed tags, the service's error.
pub fn tag(args: TagMfaDeviceArgs) -> Result<(), Failure> {
    let tags = parse_tags(&args.tags)?;
    let client = backend::open(&args.global)?;
    client
        .tag_mfa_device(&args.serial_number, &tags)
        .map_err(Failure::service("TagMFADevice"))
}

/// `untag-mfa-device`.
///
/// # Errors
///
/// A usage failure for malformed keys, the service's error.
pub fn untag(args: UntagMfaDeviceArgs) -> Result<(), Failure> {
    let keys = parse_tag_keys(&args.tag_keys)?;
    let client = backend::open(&args.global)?;
    client
        .untag_mfa_device(&args.serial_number, &keys)
        .map_err(Failure::service("UntagMFADevice"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shorthand_and_json_tags_parse_alike() {
        let shorthand = parse_tags(&["Key=a,Value=1,2".to_owned(), "Key=b,Value=".to_owned()]);
        let json = parse_tags(&[
            r#"[{"Key": "a", "Value": "1,2"}, {"Key": "b", "Value": ""}]"#.to_owned(),
        ]);
        let expected = vec![Tag::new("a", "1,2"), Tag::new("b", "")];
        assert_eq!(shorthand.unwrap(), expected);
        assert_eq!(json.unwrap(), expected);
    }

    #[test]
    fn malformed_tags_are_usage_errors() {
        for bad in ["Value=1", "nonsense", "[{\"Value\": \"x\"}]", "[1"] {
            let result = parse_tags(&[bad.to_owned()]);
            assert!(matches!(result, Err(Failure::Usage(_))), "{bad}");
        }
    }
}
