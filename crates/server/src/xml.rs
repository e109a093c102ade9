//! IAM's XML: the envelope of every answer, the error document, and the
//! entities the actions return.
//!
//! Lists are `<member>` elements, maps are `<entry><key/><value/></entry>`,
//! timestamps are ISO 8601 in UTC to the second (`2024-01-01T12:00:00Z`)
//! and blobs are base64, as IAM writes them.
//!
//! The bytes of an answer that carries a seed or a QR code are an ordinary
//! buffer handed to the HTTP stack, which copies it to the socket; they are
//! not wiped after sending, as no HTTP stack offers that.

use std::time::SystemTime;

use aws_smithy_types::DateTime;
use aws_smithy_types::date_time::Format;
use iam_mfa::{Error, MfaDevice, MfaDeviceDetail, Page, Secret, Tag, User, VirtualMfaDevice};
use quick_xml::Writer;
use quick_xml::escape::partial_escape;
use quick_xml::events::{BytesEnd, BytesStart, BytesText, Event};

use crate::IAM_NAMESPACE;

/// An XML document or fragment being written.
pub(crate) struct Xml {
    writer: Writer<Vec<u8>>,
}

impl Xml {
    /// An empty fragment.
    pub(crate) fn new() -> Xml {
        Xml {
            writer: Writer::new(Vec::with_capacity(512)),
        }
    }

    /// Writes one event; writing into a `Vec` cannot fail.
    fn event(&mut self, event: Event<'_>) {
        self.writer
            .write_event(event)
            .expect("writing XML into memory cannot fail");
    }

    /// Opens `<name>`.
    pub(crate) fn open(&mut self, name: &str) -> &mut Xml {
        self.event(Event::Start(BytesStart::new(name)));
        self
    }

    /// Closes `</name>`.
    pub(crate) fn close(&mut self, name: &str) -> &mut Xml {
        self.event(Event::End(BytesEnd::new(name)));
        self
    }

    /// `<name>text</name>`, with `<`, `>` and `&` escaped (quotes need no
    /// escaping in text, and IAM leaves them as they are).
    pub(crate) fn text(&mut self, name: &str, text: &str) -> &mut Xml {
        self.open(name);
        self.event(Event::Text(BytesText::from_escaped(partial_escape(text))));
        self.close(name)
    }

    /// `<name>true</name>` or `false`.
    pub(crate) fn boolean(&mut self, name: &str, value: bool) -> &mut Xml {
        self.text(name, if value { "true" } else { "false" })
    }

    /// A timestamp as IAM writes it, to the second.
    pub(crate) fn timestamp(&mut self, name: &str, at: SystemTime) -> &mut Xml {
        self.text(name, &timestamp(at))
    }

    /// A blob, base64-encoded.
    pub(crate) fn blob(&mut self, name: &str, secret: &Secret) -> &mut Xml {
        let encoded = Secret::from(aws_smithy_types::base64::encode(secret.expose()));
        self.text(name, encoded.expose_str().unwrap_or_default())
    }

    /// An IAM `User` structure under `name`.
    pub(crate) fn user(&mut self, name: &str, user: &User) -> &mut Xml {
        self.open(name)
            .text("Path", &user.path)
            .text("UserName", &user.user_name)
            .text("UserId", &user.user_id)
            .text("Arn", &user.arn)
            .timestamp("CreateDate", user.create_date)
            .close(name)
    }

    /// A list of tags under `name`, as `<member><Key/><Value/></member>`.
    pub(crate) fn tags(&mut self, name: &str, tags: &[Tag]) -> &mut Xml {
        self.open(name);
        for tag in tags {
            self.open("member")
                .text("Key", &tag.key)
                .text("Value", &tag.value)
                .close("member");
        }
        self.close(name)
    }

    /// A `VirtualMFADevice` structure under `name`: only the fields the
    /// device has (seed and QR code only on creation, user and enable date
    /// only when assigned, tags only when there are some).
    pub(crate) fn virtual_mfa_device(&mut self, name: &str, device: &VirtualMfaDevice) -> &mut Xml {
        self.open(name).text("SerialNumber", &device.serial_number);
        if let Some(seed) = &device.base32_string_seed {
            self.blob("Base32StringSeed", seed);
        }
        if let Some(png) = &device.qr_code_png {
            self.blob("QRCodePNG", png.png());
        }
        if let Some(user) = &device.user {
            self.user("User", user);
        }
        if let Some(enable_date) = device.enable_date {
            self.timestamp("EnableDate", enable_date);
        }
        if !device.tags.is_empty() {
            self.tags("Tags", &device.tags);
        }
        self.close(name)
    }

    /// An `MFADevice` list entry.
    pub(crate) fn mfa_device(&mut self, device: &MfaDevice) -> &mut Xml {
        self.open("member")
            .text("UserName", &device.user_name)
            .text("SerialNumber", &device.serial_number)
            .timestamp("EnableDate", device.enable_date)
            .close("member")
    }

    /// The fields of `GetMFADeviceResult`.
    pub(crate) fn mfa_device_detail(&mut self, detail: &MfaDeviceDetail) -> &mut Xml {
        if let Some(user_name) = &detail.user_name {
            self.text("UserName", user_name);
        }
        self.text("SerialNumber", &detail.serial_number);
        if let Some(enable_date) = detail.enable_date {
            self.timestamp("EnableDate", enable_date);
        }
        if !detail.certifications.is_empty() {
            self.open("Certifications");
            for (key, value) in &detail.certifications {
                self.open("entry")
                    .text("key", key)
                    .text("value", value)
                    .close("entry");
            }
            self.close("Certifications");
        }
        self
    }

    /// A page of a list under `name`, each item written by `item`, then
    /// `IsTruncated` and, when more follow, `Marker`.
    pub(crate) fn page<T>(
        &mut self,
        name: &str,
        page: &Page<T>,
        mut item: impl FnMut(&mut Xml, &T),
    ) -> &mut Xml {
        self.open(name);
        for entry in &page.items {
            item(self, entry);
        }
        self.close(name).boolean("IsTruncated", page.is_truncated);
        if let Some(marker) = &page.marker {
            self.text("Marker", marker);
        }
        self
    }

    fn into_bytes(self) -> Vec<u8> {
        self.writer.into_inner()
    }
}

/// A timestamp as IAM writes it: `2024-01-01T12:00:00Z`.
pub(crate) fn timestamp(at: SystemTime) -> String {
    let seconds = DateTime::from(at).secs();
    DateTime::from_secs(seconds)
        .fmt(Format::DateTime)
        .unwrap_or_else(|_| "1970-01-01T00:00:00Z".to_owned())
}

/// The answer to a successful action: `<ActionResponse>` with the result,
/// when the action has one, and the request id.
pub(crate) fn response(action: &str, request_id: &str, result: Option<Xml>) -> Vec<u8> {
    let mut xml = Xml::new();
    let response = format!("{action}Response");
    xml.event(Event::Start(
        BytesStart::new(response.as_str()).with_attributes([("xmlns", IAM_NAMESPACE)]),
    ));
    if let Some(result) = result {
        let name = format!("{action}Result");
        xml.open(&name);
        xml.writer.get_mut().extend_from_slice(&result.into_bytes());
        xml.close(&name);
    }
    xml.open("ResponseMetadata")
        .text("RequestId", request_id)
        .close("ResponseMetadata")
        .close(&response);
    xml.into_bytes()
}

/// IAM's error document. `Type` is `Receiver` for the server's own
/// failures (5xx) and `Sender` for everything else.
pub(crate) fn error(error: &Error, status: u16, request_id: &str) -> Vec<u8> {
    let code = error
        .code()
        .unwrap_or_else(|| error.kind().aws_code_and_status().0);
    let mut xml = Xml::new();
    xml.event(Event::Start(
        BytesStart::new("ErrorResponse").with_attributes([("xmlns", IAM_NAMESPACE)]),
    ));
    xml.open("Error")
        .text("Type", if status >= 500 { "Receiver" } else { "Sender" })
        .text("Code", code)
        .text("Message", error.message())
        .close("Error")
        .text("RequestId", request_id)
        .close("ErrorResponse");
    xml.into_bytes()
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, UNIX_EPOCH};

    use iam_mfa::ErrorKind;

    use super::*;

    fn text(bytes: Vec<u8>) -> String {
        String::from_utf8(bytes).unwrap()
    }

    #[test]
    fn timestamps_are_iso_8601_to_the_second() {
        let at = UNIX_EPOCH + Duration::from_millis(1_704_110_400_750);
        assert_eq!(timestamp(at), "2024-01-01T12:00:00Z");
    }

    #[test]
    fn a_void_answer_has_only_the_request_id() {
        let body = text(response("EnableMFADevice", "r-1", None));
        assert_eq!(
            body,
            "<EnableMFADeviceResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">\
             <ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata>\
             </EnableMFADeviceResponse>"
        );
    }

    #[test]
    fn results_are_wrapped_and_text_is_escaped() {
        let mut result = Xml::new();
        result.tags("Tags", &[Tag::new("a<b", "x&y")]);
        let body = text(response("ListMFADeviceTags", "r-2", Some(result)));
        assert!(
            body.contains(
                "<ListMFADeviceTagsResult><Tags><member><Key>a&lt;b</Key>\
                 <Value>x&amp;y</Value></member></Tags></ListMFADeviceTagsResult>"
            ),
            "{body}"
        );
    }

    #[test]
    fn pages_carry_is_truncated_and_the_marker() {
        let page = Page {
            items: vec![Tag::new("k", "v")],
            is_truncated: true,
            marker: Some("next".to_owned()),
        };
        let mut xml = Xml::new();
        xml.page("Tags", &page, |xml, tag| {
            xml.text("member", &tag.key);
        });
        assert_eq!(
            text(xml.into_bytes()),
            "<Tags><member>k</member></Tags><IsTruncated>true</IsTruncated>\
             <Marker>next</Marker>"
        );
    }

    #[test]
    fn blobs_are_base64() {
        let mut xml = Xml::new();
        xml.blob("Base32StringSeed", &Secret::from("ABC".to_owned()));
        assert_eq!(
            text(xml.into_bytes()),
            "<Base32StringSeed>QUJD</Base32StringSeed>"
        );
    }

    #[test]
    fn errors_are_iam_s_error_document() {
        let failure = Error::new(
            ErrorKind::NoSuchEntity,
            "The user with name bob cannot be found.",
        );
        let body = text(error(&failure, 404, "r-3"));
        assert_eq!(
            body,
            "<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error>\
             <Type>Sender</Type><Code>NoSuchEntity</Code>\
             <Message>The user with name bob cannot be found.</Message></Error>\
             <RequestId>r-3</RequestId></ErrorResponse>"
        );
        let failure = Error::new(ErrorKind::Storage, "disk full");
        let body = text(error(&failure, 500, "r-4"));
        assert!(body.contains("<Type>Receiver</Type><Code>ServiceFailure</Code>"));
    }
}
