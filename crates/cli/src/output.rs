//! What commands print: one document rendered as the AWS CLI renders it.
//!
//! A command builds a [`Value`] whose keys are in the order of IAM's API
//! model (the order the AWS CLI keeps), and [`print`] renders it as JSON
//! (indented by four spaces, as the AWS CLI's `json.dump` does), as the
//! AWS CLI's tab-separated `text`, or as its bordered `table`. Timestamps
//! are written as IAM sends them over the wire, which is what the AWS CLI
//! version 1 prints by default, or as ISO 8601 with an offset, which is
//! what its `cli_timestamp_format = iso8601` (the version 2 default) does.

use std::fmt::Write as _;
use std::time::{SystemTime, UNIX_EPOCH};

use clap::ValueEnum;

/// A JSON value whose objects keep the order their keys were added in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// A string.
    Str(String),
    /// A whole number.
    Int(i64),
    /// `true` or `false`.
    Bool(bool),
    /// A list.
    List(Vec<Value>),
    /// An object, its keys in order.
    Object(Vec<(String, Value)>),
}

impl Value {
    /// An empty object.
    pub fn object() -> Value {
        Value::Object(Vec::new())
    }

    /// Appends `key` to an object. Does nothing to other values.
    pub fn with(mut self, key: &str, value: impl Into<Value>) -> Value {
        if let Value::Object(fields) = &mut self {
            fields.push((key.to_owned(), value.into()));
        }
        self
    }

    /// Appends `key` when `value` is present.
    pub fn with_some(self, key: &str, value: Option<impl Into<Value>>) -> Value {
        match value {
            Some(value) => self.with(key, value),
            None => self,
        }
    }

    fn is_scalar(&self) -> bool {
        !matches!(self, Value::List(_) | Value::Object(_))
    }

    /// The value as Python's `str()` shows it, which is what the AWS
    /// CLI's text and table output print for a scalar.
    fn scalar_text(&self) -> String {
        match self {
            Value::Str(text) => text.clone(),
            Value::Int(number) => number.to_string(),
            Value::Bool(true) => "True".to_owned(),
            Value::Bool(false) => "False".to_owned(),
            Value::List(_) | Value::Object(_) => String::new(),
        }
    }

    fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(fields) => fields.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

impl From<&str> for Value {
    fn from(text: &str) -> Value {
        Value::Str(text.to_owned())
    }
}

impl From<String> for Value {
    fn from(text: String) -> Value {
        Value::Str(text)
    }
}

impl From<bool> for Value {
    fn from(flag: bool) -> Value {
        Value::Bool(flag)
    }
}

impl From<u64> for Value {
    fn from(number: u64) -> Value {
        Value::Int(i64::try_from(number).unwrap_or(i64::MAX))
    }
}

impl From<Vec<Value>> for Value {
    fn from(items: Vec<Value>) -> Value {
        Value::List(items)
    }
}

/// The output formats of `--output`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Format {
    /// JSON, as the AWS CLI prints it (the default).
    #[default]
    Json,
    /// Tab-separated lines, as the AWS CLI's `text` output.
    Text,
    /// A bordered table, as the AWS CLI's `table` output.
    Table,
}

/// How timestamps are written (`--cli-timestamp-format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum TimestampFormat {
    /// As IAM sends them: `2026-12-03T16:46:04Z` (the AWS CLI v1 default).
    #[default]
    Wire,
    /// ISO 8601 with an offset: `2026-12-03T16:46:04+00:00` (AWS CLI v2).
    Iso8601,
}

/// A timestamp, to the second, in UTC.
pub fn timestamp(at: SystemTime, format: TimestampFormat) -> Value {
    let seconds = at
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| since.as_secs());
    let days = i64::try_from(seconds / 86_400).unwrap_or(0);
    let in_day = seconds % 86_400;
    let (year, month, day) = civil_from_days(days);
    let zone = match format {
        TimestampFormat::Wire => "Z",
        TimestampFormat::Iso8601 => "+00:00",
    };
    Value::Str(format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}{zone}",
        in_day / 3600,
        in_day / 60 % 60,
        in_day % 60
    ))
}

/// The proleptic Gregorian date of a day count since 1970-01-01 (Howard
/// Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = u32::try_from(day_of_year - (153 * month_index + 2) / 5 + 1).unwrap_or(1);
    let month = u32::try_from(if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    })
    .unwrap_or(1);
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// A document and how the AWS CLI would print it.
pub struct Document {
    /// The whole result, as `json` and `table` print it.
    pub value: Value,
    /// The result page by page, as `text` prints a paginated answer; the
    /// last element is the `NextToken` object when there is one.
    pub text_parts: Option<Vec<Value>>,
    /// The operation's name, the title of a `table`.
    pub title: &'static str,
}

impl Document {
    /// A document printed the same way by every format.
    pub fn single(title: &'static str, value: Value) -> Document {
        Document {
            value,
            text_parts: None,
            title,
        }
    }
}

/// Renders a document. An empty object prints nothing, as the AWS CLI
/// prints nothing for operations without a result.
pub fn render(document: &Document, format: Format) -> String {
    let mut out = String::new();
    if document.value == Value::object() {
        return out;
    }
    match format {
        Format::Json => {
            write_json(&mut out, &document.value, 0);
            out.push('\n');
        }
        Format::Text => match &document.text_parts {
            Some(parts) => parts
                .iter()
                .for_each(|part| text_item(&mut out, part, None, None)),
            None => text_item(&mut out, &document.value, None, None),
        },
        Format::Table => crate::table::render(&mut out, document.title, &document.value),
    }
    out
}

/// Writes JSON as Python's `json.dump(indent=4, ensure_ascii=False)`.
fn write_json(out: &mut String, value: &Value, depth: usize) {
    let indent = |out: &mut String, depth: usize| out.push_str(&" ".repeat(depth * 4));
    match value {
        Value::Str(text) => write_json_string(out, text, false),
        Value::Int(number) => {
            let _ = write!(out, "{number}");
        }
        Value::Bool(flag) => out.push_str(if *flag { "true" } else { "false" }),
        Value::List(items) if items.is_empty() => out.push_str("[]"),
        Value::Object(fields) if fields.is_empty() => out.push_str("{}"),
        Value::List(items) => {
            out.push_str("[\n");
            for (index, item) in items.iter().enumerate() {
                indent(out, depth + 1);
                write_json(out, item, depth + 1);
                out.push_str(if index + 1 < items.len() { ",\n" } else { "\n" });
            }
            indent(out, depth);
            out.push(']');
        }
        Value::Object(fields) => {
            out.push_str("{\n");
            for (index, (key, item)) in fields.iter().enumerate() {
                indent(out, depth + 1);
                write_json_string(out, key, false);
                out.push_str(": ");
                write_json(out, item, depth + 1);
                out.push_str(if index + 1 < fields.len() {
                    ",\n"
                } else {
                    "\n"
                });
            }
            indent(out, depth);
            out.push('}');
        }
    }
}

/// Writes a JSON string with Python's escapes; `ascii_only` also escapes
/// every non-ASCII character, as `json.dumps` does by default.
pub fn write_json_string(out: &mut String, text: &str, ascii_only: bool) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 || (ascii_only && !c.is_ascii()) => {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    let _ = write!(out, "\\u{unit:04x}");
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// The AWS CLI's text output of one item (`awscli.text`).
fn text_item(out: &mut String, item: &Value, identifier: Option<&str>, keys: Option<&[String]>) {
    match item {
        Value::Object(fields) => text_object(out, fields, identifier, keys),
        Value::List(items) => text_list(out, items, identifier),
        scalar => {
            out.push_str(&scalar.scalar_text());
            out.push('\n');
        }
    }
}

fn text_list(out: &mut String, items: &[Value], identifier: Option<&str>) {
    if items.is_empty() {
        return;
    }
    if items.iter().any(|item| matches!(item, Value::Object(_))) {
        let mut keys: Vec<String> = Vec::new();
        for item in items {
            if let Value::Object(fields) = item {
                for (key, value) in fields {
                    if value.is_scalar() && !keys.contains(key) {
                        keys.push(key.clone());
                    }
                }
            }
        }
        keys.sort();
        for item in items {
            text_item(out, item, identifier, Some(&keys));
        }
        return;
    }
    let (scalars, others): (Vec<&Value>, Vec<&Value>) =
        items.iter().partition(|item| item.is_scalar());
    if !scalars.is_empty() {
        match identifier {
            Some(identifier) => {
                for scalar in &scalars {
                    let _ = writeln!(
                        out,
                        "{}\t{}",
                        identifier.to_uppercase(),
                        scalar.scalar_text()
                    );
                }
            }
            None => {
                let line: Vec<String> = scalars.iter().map(|s| s.scalar_text()).collect();
                out.push_str(&line.join("\t"));
                out.push('\n');
            }
        }
    }
    for other in others {
        text_item(out, other, identifier, None);
    }
}

fn text_object(
    out: &mut String,
    fields: &[(String, Value)],
    identifier: Option<&str>,
    keys: Option<&[String]>,
) {
    let mut sorted: Vec<&(String, Value)> = fields.iter().collect();
    sorted.sort_by(|a, b| a.0.cmp(&b.0));
    let object = Value::Object(fields.to_vec());

    let mut scalars = Vec::new();
    let mut others = Vec::new();
    match keys {
        None => {
            for (key, value) in sorted {
                if value.is_scalar() {
                    scalars.push(value.scalar_text());
                } else {
                    others.push((key.as_str(), value));
                }
            }
        }
        Some(keys) => {
            for key in keys {
                scalars.push(object.get(key).map(Value::scalar_text).unwrap_or_default());
            }
            for (key, value) in sorted {
                if !keys.contains(key) {
                    others.push((key.as_str(), value));
                }
            }
        }
    }

    if !scalars.is_empty() {
        if let Some(identifier) = identifier {
            scalars.insert(0, identifier.to_uppercase());
        }
        out.push_str(&scalars.join("\t"));
        out.push('\n');
    }
    for (key, value) in others {
        text_item(out, value, Some(key), None);
    }
}

/// Prints a document on stdout.
pub fn print(document: &Document, format: Format) {
    use std::io::Write as _;
    let text = render(document, format);
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(text.as_bytes());
    let _ = stdout.flush();
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn timestamps_are_written_as_iam_sends_them() {
        let at = UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        assert_eq!(
            timestamp(at, TimestampFormat::Wire),
            Value::from("2023-11-14T22:13:20Z")
        );
        assert_eq!(
            timestamp(at, TimestampFormat::Iso8601),
            Value::from("2023-11-14T22:13:20+00:00")
        );
        let leap = UNIX_EPOCH + Duration::from_secs(951_782_400);
        assert_eq!(
            timestamp(leap, TimestampFormat::Wire),
            Value::from("2000-02-29T00:00:00Z")
        );
    }

    #[test]
    fn json_is_indented_like_pythons() {
        let value = Value::object()
            .with("Tags", Vec::<Value>::new())
            .with("List", vec![Value::object().with("Key", "k\"é")]);
        let document = Document::single("T", value);
        assert_eq!(
            render(&document, Format::Json),
            concat!(
                "{\n    \"Tags\": [],\n    \"List\": [\n        {\n",
                "            \"Key\": \"k\\\"é\"\n        }\n    ]\n}\n"
            )
        );
    }

    #[test]
    fn text_is_tab_separated_with_upper_case_identifiers() {
        let value = Value::object().with(
            "MFADevices",
            vec![
                Value::object()
                    .with("UserName", "a")
                    .with("SerialNumber", "s1"),
                Value::object()
                    .with("UserName", "b")
                    .with("EnableDate", "d"),
            ],
        );
        let document = Document::single("T", value);
        assert_eq!(
            render(&document, Format::Text),
            "MFADEVICES\t\ts1\ta\nMFADEVICES\td\t\tb\n"
        );
    }

    #[test]
    fn an_empty_result_prints_nothing() {
        assert_eq!(
            render(&Document::single("T", Value::object()), Format::Json),
            ""
        );
    }
}
