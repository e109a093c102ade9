//! The parameters of a query-protocol request.
//!
//! They come form-encoded, from the POST body and the URL's query string
//! together. Lists are spelled `Tags.member.1.Key`, `TagKeys.member.2` and
//! so on, numbered from 1. Required parameters that are missing give the
//! validation error IAM gives, in the member's camelCase name.

use std::collections::HashMap;

use iam_mfa::{PageRequest, Result, Tag};
use percent_encoding::percent_decode;

use crate::errors;

/// The decoded parameters of one request.
#[derive(Default)]
pub(crate) struct Params {
    values: HashMap<String, String>,
}

impl Params {
    /// Decodes the query string and the form body of a request.
    ///
    /// # Errors
    ///
    /// `MalformedQueryString` when a name or value is not UTF-8 once
    /// percent-decoded, or when a parameter is given twice.
    pub(crate) fn parse(query: Option<&str>, body: &[u8]) -> Result<Params> {
        let mut params = Params::default();
        for part in [query.map(str::as_bytes).unwrap_or_default(), body] {
            for pair in part.split(|byte| *byte == b'&') {
                if pair.is_empty() {
                    continue;
                }
                let (name, value) = match pair.iter().position(|byte| *byte == b'=') {
                    Some(at) => (&pair[..at], &pair[at + 1..]),
                    None => (pair, &b""[..]),
                };
                let name = decode(name)?;
                let value = decode(value)?;
                if params.values.contains_key(&name) {
                    return Err(errors::malformed(format!(
                        "the parameter {name} is given more than once"
                    )));
                }
                params.values.insert(name, value);
            }
        }
        Ok(params)
    }

    /// The value of a parameter, if present.
    pub(crate) fn get(&self, name: &str) -> Option<&str> {
        self.values.get(name).map(String::as_str)
    }

    /// The value of a required parameter.
    ///
    /// # Errors
    ///
    /// IAM's validation error naming `member` when it is absent.
    pub(crate) fn required(&self, name: &str, member: &str) -> Result<&str> {
        self.get(name)
            .ok_or_else(|| errors::missing_parameter(member))
    }

    /// `Marker` and `MaxItems`.
    ///
    /// # Errors
    ///
    /// A validation error when `MaxItems` is not a number. Its range and
    /// the marker are checked by the client.
    pub(crate) fn page(&self) -> Result<PageRequest> {
        let max_items = match self.get("MaxItems") {
            None => None,
            Some(text) => match text.parse::<i64>() {
                Ok(number) => {
                    Some(u32::try_from(number).unwrap_or(if number < 0 { 0 } else { u32::MAX }))
                }
                Err(_) => return Err(errors::not_a_number("maxItems", text)),
            },
        };
        Ok(PageRequest {
            marker: self.get("Marker").map(str::to_owned),
            max_items,
        })
    }

    /// A list of tags, `PREFIX.member.N.Key` and `PREFIX.member.N.Value`.
    ///
    /// # Errors
    ///
    /// IAM's validation error when a member has a value but no key, or a
    /// member number is not a positive number.
    pub(crate) fn tags(&self, prefix: &str, member: &str) -> Result<Vec<Tag>> {
        let mut keys: HashMap<u32, (Option<&str>, Option<&str>)> = HashMap::new();
        for (name, value) in self.members(prefix)? {
            let (index, field) = match name.split_once('.') {
                Some((index, field)) => (index, field),
                None => (name, ""),
            };
            let index = member_index(prefix, index)?;
            let entry = keys.entry(index).or_default();
            match field {
                "Key" => entry.0 = Some(value),
                "Value" => entry.1 = Some(value),
                _ => {
                    return Err(errors::malformed(format!(
                        "unknown parameter {prefix}.member.{name}"
                    )));
                }
            }
        }

        let mut indices: Vec<u32> = keys.keys().copied().collect();
        indices.sort_unstable();
        indices
            .into_iter()
            .map(|index| match keys[&index] {
                (Some(key), value) => Ok(Tag::new(key, value.unwrap_or_default())),
                (None, _) => Err(errors::missing_parameter(&format!(
                    "{member}.{index}.member.key"
                ))),
            })
            .collect()
    }

    /// A list of strings, `PREFIX.member.N`.
    ///
    /// # Errors
    ///
    /// A malformed-query error when a member number is not a positive
    /// number.
    pub(crate) fn strings(&self, prefix: &str) -> Result<Vec<String>> {
        let mut members = Vec::new();
        for (name, value) in self.members(prefix)? {
            members.push((member_index(prefix, name)?, value.to_owned()));
        }
        members.sort_unstable_by_key(|(index, _)| *index);
        Ok(members.into_iter().map(|(_, value)| value).collect())
    }

    /// The parameters under `PREFIX.member.`, with that prefix removed.
    /// A bare `PREFIX=` (an empty list, as boto3 sends it) has no members.
    fn members<'a>(&'a self, prefix: &str) -> Result<Vec<(&'a str, &'a str)>> {
        let start = format!("{prefix}.member.");
        let mut members = Vec::new();
        for (name, value) in &self.values {
            if let Some(rest) = name.strip_prefix(&start) {
                members.push((rest, value.as_str()));
            } else if name
                .strip_prefix(prefix)
                .is_some_and(|rest| rest.starts_with('.'))
            {
                return Err(errors::malformed(format!("unknown parameter {name}")));
            }
        }
        Ok(members)
    }
}

/// The N of a `PREFIX.member.N` parameter.
fn member_index(prefix: &str, text: &str) -> Result<u32> {
    match text.parse::<u32>() {
        Ok(index) if index >= 1 => Ok(index),
        _ => Err(errors::malformed(format!(
            "{prefix}.member.{text} is not numbered from 1"
        ))),
    }
}

/// Percent-decodes one name or value, with `+` standing for a space.
fn decode(raw: &[u8]) -> Result<String> {
    let spaced: Vec<u8> = raw
        .iter()
        .map(|byte| if *byte == b'+' { b' ' } else { *byte })
        .collect();
    percent_decode(&spaced)
        .decode_utf8()
        .map(|text| text.into_owned())
        .map_err(|_| errors::malformed("a parameter is not UTF-8 once percent-decoded"))
}

#[cfg(test)]
mod tests {
    use iam_mfa::Error;

    use super::*;

    /// Whether `error` is the kind of error a missing parameter gives.
    fn is_validation(error: &Error) -> bool {
        error.code() == Some("ValidationError")
    }

    #[test]
    fn body_and_query_are_decoded_together() {
        let params = Params::parse(
            Some("Action=ListUsers"),
            b"Version=2010-05-08&PathPrefix=%2Fops%2F&Name=a+b",
        )
        .unwrap();
        assert_eq!(params.get("Action"), Some("ListUsers"));
        assert_eq!(params.get("PathPrefix"), Some("/ops/"));
        assert_eq!(params.get("Name"), Some("a b"));
        assert_eq!(params.get("Missing"), None);
    }

    #[test]
    fn non_utf8_and_repeated_parameters_are_malformed() {
        let error = Params::parse(None, b"Action=%ff%fe").err().unwrap();
        assert_eq!(error.code(), Some("MalformedQueryString"));
        let error = Params::parse(Some("A=1"), b"A=2").err().unwrap();
        assert_eq!(error.code(), Some("MalformedQueryString"));
    }

    #[test]
    fn a_missing_required_parameter_names_the_member() {
        let params = Params::parse(None, b"Action=GetUser").unwrap();
        let error = params
            .required("SerialNumber", "serialNumber")
            .err()
            .unwrap();
        assert!(is_validation(&error));
        assert!(error.message().contains("'serialNumber'"));
    }

    #[test]
    fn tags_are_read_in_member_order() {
        let body = b"Tags.member.2.Key=b&Tags.member.2.Value=2&Tags.member.10.Key=c\
                     &Tags.member.1.Key=a&Tags.member.1.Value=1";
        let params = Params::parse(None, body).unwrap();
        let tags = params.tags("Tags", "tags").unwrap();
        assert_eq!(
            tags,
            vec![Tag::new("a", "1"), Tag::new("b", "2"), Tag::new("c", "")]
        );
        let params = Params::parse(None, b"Tags=").unwrap();
        assert!(params.tags("Tags", "tags").unwrap().is_empty());
    }

    #[test]
    fn a_tag_without_key_or_with_a_bad_number_is_refused() {
        let params = Params::parse(None, b"Tags.member.1.Value=x").unwrap();
        assert!(is_validation(&params.tags("Tags", "tags").err().unwrap()));
        let params = Params::parse(None, b"Tags.member.0.Key=x").unwrap();
        let error = params.tags("Tags", "tags").err().unwrap();
        assert_eq!(error.code(), Some("MalformedQueryString"));
    }

    #[test]
    fn string_lists_and_pages() {
        let params = Params::parse(
            None,
            b"TagKeys.member.2=b&TagKeys.member.1=a&MaxItems=5&Marker=m",
        )
        .unwrap();
        assert_eq!(params.strings("TagKeys").unwrap(), vec!["a", "b"]);
        let page = params.page().unwrap();
        assert_eq!(page.max_items, Some(5));
        assert_eq!(page.marker.as_deref(), Some("m"));
        let params = Params::parse(None, b"MaxItems=many").unwrap();
        assert!(is_validation(&params.page().err().unwrap()));
    }
}
