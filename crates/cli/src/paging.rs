//! `--max-items`, `--starting-token` and `--page-size`, as the AWS CLI
//! (botocore's paginator) implements them.
//!
//! Pages are fetched, following IAM's markers, until the end or until
//! `--max-items` items have been collected. When items remain, the output
//! carries a `NextToken`: botocore's own token, base64 of
//! `{"Marker": ..., "boto_truncate_amount": N}`, so tokens printed by the
//! AWS CLI and by this command can be passed to either.

use data_encoding::BASE64;
use iam_mfa::{Page, PageRequest};

use crate::args::PagingArgs;
use crate::exit::Failure;

/// The items collected, page by page, and where to continue.
pub struct Collected<T> {
    /// The items of each page fetched, after truncation.
    pub pages: Vec<Vec<T>>,
    /// The token to continue from, when items remain.
    pub next_token: Option<String>,
}

/// Where a starting token points: a marker (`None` for the first page)
/// and how many items of that page were already printed.
#[derive(Debug, PartialEq, Eq)]
struct Token {
    marker: Option<String>,
    skip: usize,
}

fn decode(token: &str) -> Result<Token, Failure> {
    let bad = || Failure::Usage(format!("bad --starting-token: {token}"));
    let Ok(json) = BASE64.decode(token.as_bytes()) else {
        // botocore passes a token it cannot decode on as the marker itself.
        return Ok(Token {
            marker: Some(token.to_owned()),
            skip: 0,
        });
    };
    let value: serde_json::Value = serde_json::from_slice(&json).map_err(|_| bad())?;
    let object = value.as_object().ok_or_else(bad)?;
    let marker = match object.get("Marker") {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(marker)) => Some(marker.clone()),
        Some(_) => return Err(bad()),
    };
    let skip = match object.get("boto_truncate_amount") {
        None => 0,
        Some(amount) => amount
            .as_u64()
            .and_then(|n| usize::try_from(n).ok())
            .ok_or_else(bad)?,
    };
    if object
        .keys()
        .any(|key| key != "Marker" && key != "boto_truncate_amount")
    {
        return Err(bad());
    }
    Ok(Token { marker, skip })
}

/// Encodes a token as botocore's `TokenEncoder` does: `json.dumps` of the
/// dictionary (ASCII only, `", "` and `": "` separators), then base64.
fn encode(marker: Option<&str>, truncate_amount: Option<usize>) -> String {
    let mut json = String::from("{\"Marker\": ");
    match marker {
        Some(marker) => crate::output::write_json_string(&mut json, marker, true),
        None => json.push_str("null"),
    }
    if let Some(amount) = truncate_amount {
        json.push_str(&format!(", \"boto_truncate_amount\": {amount}"));
    }
    json.push('}');
    BASE64.encode(json.as_bytes())
}

/// Fetches pages with `fetch` as the options say.
///
/// # Errors
///
/// A usage failure for a malformed starting token, and whatever `fetch`
/// fails with.
pub fn collect<T>(
    paging: &PagingArgs,
    mut fetch: impl FnMut(&PageRequest) -> Result<Page<T>, Failure>,
) -> Result<Collected<T>, Failure> {
    let start = match &paging.starting_token {
        Some(token) => decode(token)?,
        None => Token {
            marker: None,
            skip: 0,
        },
    };
    let max_items = paging.max_items.map(|n| n as usize);
    let mut marker = start.marker;
    let mut collected = Collected {
        pages: Vec::new(),
        next_token: None,
    };
    let mut total = 0;
    let mut first = true;

    loop {
        let request = PageRequest {
            marker: marker.clone(),
            max_items: paging.page_size,
        };
        let page = fetch(&request)?;
        let mut items = page.items;
        let skipped = if first {
            start.skip.min(items.len())
        } else {
            0
        };
        items.drain(..skipped);
        first = false;

        if let Some(max) = max_items.filter(|max| total + items.len() > *max) {
            let keep = max - total;
            items.truncate(keep);
            collected.pages.push(items);
            collected.next_token = Some(encode(marker.as_deref(), Some(keep + skipped)));
            return Ok(collected);
        }
        total += items.len();
        collected.pages.push(items);

        let next = match (page.is_truncated, page.marker) {
            (true, Some(next)) if !next.is_empty() => next,
            _ => return Ok(collected),
        };
        if max_items == Some(total) {
            collected.next_token = Some(encode(Some(&next), None));
            return Ok(collected);
        }
        if marker.as_deref() == Some(next.as_str()) {
            return Err(Failure::Usage(format!(
                "the same marker was received twice: {next}"
            )));
        }
        marker = Some(next);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A listing of `0..count`, `size` per page, markers being the index
    /// of the next item.
    fn listing(
        count: usize,
        size: usize,
    ) -> impl FnMut(&PageRequest) -> Result<Page<usize>, Failure> {
        move |request| {
            let from: usize = request.marker.as_deref().map_or(0, |m| m.parse().unwrap());
            let size = request.max_items.map_or(size, |n| n as usize);
            let to = (from + size).min(count);
            Ok(Page {
                items: (from..to).collect(),
                is_truncated: to < count,
                marker: (to < count).then(|| to.to_string()),
            })
        }
    }

    fn all<T: Clone>(collected: &Collected<T>) -> Vec<T> {
        collected.pages.concat()
    }

    #[test]
    fn tokens_are_botocores() {
        // base64 of {"Marker": null, "boto_truncate_amount": 1}, as botocore
        // prints it.
        assert_eq!(
            encode(None, Some(1)),
            "eyJNYXJrZXIiOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAxfQ=="
        );
        assert_eq!(
            decode(&encode(Some("m\u{e9}"), Some(3))).unwrap(),
            Token {
                marker: Some("m\u{e9}".to_owned()),
                skip: 3
            }
        );
    }

    #[test]
    fn max_items_inside_a_page_resumes_inside_it() {
        let paging = PagingArgs {
            max_items: Some(3),
            ..PagingArgs::default()
        };
        let first = collect(&paging, listing(10, 5)).unwrap();
        assert_eq!(all(&first), vec![0, 1, 2]);

        let paging = PagingArgs {
            starting_token: first.next_token,
            max_items: Some(4),
            ..PagingArgs::default()
        };
        let second = collect(&paging, listing(10, 5)).unwrap();
        assert_eq!(all(&second), vec![3, 4, 5, 6]);

        let paging = PagingArgs {
            starting_token: second.next_token,
            ..PagingArgs::default()
        };
        let rest = collect(&paging, listing(10, 5)).unwrap();
        assert_eq!(all(&rest), vec![7, 8, 9]);
        assert!(rest.next_token.is_none());
    }

    #[test]
    fn max_items_on_a_page_boundary_gives_the_marker() {
        let paging = PagingArgs {
            max_items: Some(5),
            ..PagingArgs::default()
        };
        let first = collect(&paging, listing(10, 5)).unwrap();
        assert_eq!(first.next_token, Some(encode(Some("5"), None)));
        let exact = PagingArgs {
            max_items: Some(10),
            ..PagingArgs::default()
        };
        assert!(
            collect(&exact, listing(10, 5))
                .unwrap()
                .next_token
                .is_none()
        );
    }

    #[test]
    fn page_size_sets_max_items_of_each_call() {
        let paging = PagingArgs {
            page_size: Some(2),
            ..PagingArgs::default()
        };
        let collected = collect(&paging, listing(5, 100)).unwrap();
        assert_eq!(collected.pages.len(), 3);
        assert_eq!(all(&collected), vec![0, 1, 2, 3, 4]);
    }

    #[test]
    fn a_malformed_token_is_a_usage_error() {
        let token = BASE64.encode(b"[1]");
        assert!(matches!(decode(&token), Err(Failure::Usage(_))));
    }
}
