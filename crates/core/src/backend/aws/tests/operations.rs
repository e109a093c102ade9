//! Each operation's request fields and the model built from its answer.

use std::time::{Duration, SystemTime};

use data_encoding::BASE64;

use super::{ENDPOINT, answer, backend, empty_answer};
use crate::backend::Backend;
use crate::client::Client;
use crate::model::{AssignmentStatus, PageRequest, Tag};

const SERIAL: &str = "arn:aws:iam::123456789012:mfa/ops/alice-phone";
const SEED: &str = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

/// 2011-10-20T20:49:03Z.
fn october_2011() -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_secs(1_319_143_743)
}

fn user_xml(name: &str) -> String {
    format!(
        "<Path>/staff/</Path><UserName>{name}</UserName><UserId>AIDACKCEVSQ6C2EXAMPLE</UserId>\
         <Arn>arn:aws:iam::123456789012:user/staff/{name}</Arn>\
         <CreateDate>2011-10-20T20:49:03Z</CreateDate>"
    )
}

#[tokio::test]
async fn create_virtual_mfa_device_sends_name_path_tags_and_reads_seed_and_qr() {
    let qr = b"\x89PNG\r\n\x1a\n not a real image".to_vec();
    let result = format!(
        "<VirtualMFADevice><SerialNumber>{SERIAL}</SerialNumber>\
         <Base32StringSeed>{}</Base32StringSeed><QRCodePNG>{}</QRCodePNG>\
         <Tags><member><Key>team</Key><Value>ops</Value></member></Tags>\
         </VirtualMFADevice>",
        BASE64.encode(SEED.as_bytes()),
        BASE64.encode(&qr)
    );
    let (backend, canned) = backend([answer("CreateVirtualMFADevice", &result)]).await;

    let tags = [Tag::new("team", "ops")];
    let device = backend
        .create_virtual_mfa_device("alice-phone", "/ops/", &tags)
        .await
        .unwrap();

    let form = canned.only_form();
    assert_eq!(form["Action"], "CreateVirtualMFADevice");
    assert_eq!(form["Version"], "2010-05-08");
    assert_eq!(form["VirtualMFADeviceName"], "alice-phone");
    assert_eq!(form["Path"], "/ops/");
    assert_eq!(form["Tags.member.1.Key"], "team");
    assert_eq!(form["Tags.member.1.Value"], "ops");

    assert_eq!(device.serial_number, SERIAL);
    assert_eq!(device.base32_string_seed.unwrap().expose_str(), Some(SEED));
    assert_eq!(device.qr_code_png.unwrap().png().expose(), &qr[..]);
    assert_eq!(device.user, None);
    assert_eq!(device.enable_date, None);
    assert_eq!(device.tags, tags);
}

#[tokio::test]
async fn create_without_tags_sends_no_tags() {
    let result =
        format!("<VirtualMFADevice><SerialNumber>{SERIAL}</SerialNumber></VirtualMFADevice>");
    let (backend, canned) = backend([answer("CreateVirtualMFADevice", &result)]).await;

    let device = backend
        .create_virtual_mfa_device("alice-phone", "/", &[])
        .await
        .unwrap();

    let form = canned.only_form();
    assert!(!form.keys().any(|key| key.starts_with("Tags")), "{form:?}");
    assert_eq!(device.base32_string_seed, None);
    assert!(device.tags.is_empty());
}

#[tokio::test]
async fn requests_are_signed_and_sent_to_the_endpoint() {
    let (backend, canned) = backend([empty_answer("DeleteVirtualMFADevice")]).await;

    backend.delete_virtual_mfa_device(SERIAL).await.unwrap();

    let request = &canned.requests()[0];
    assert!(request.uri.starts_with(ENDPOINT), "{}", request.uri);
    let authorization = &request.headers["authorization"];
    assert!(
        authorization.contains("Credential=AKIDEXAMPLE/"),
        "{authorization}"
    );
    assert!(
        authorization.contains("/us-east-1/iam/aws4_request"),
        "{authorization}"
    );
    assert!(!authorization.contains("wJalrXUtnFEMI"), "{authorization}");
    assert_eq!(backend.region(), Some("us-east-1"));
}

#[tokio::test]
async fn enable_mfa_device_sends_user_serial_and_both_codes() {
    let (backend, canned) = backend([empty_answer("EnableMFADevice")]).await;

    backend
        .enable_mfa_device("alice", SERIAL, "123456", "654321")
        .await
        .unwrap();

    let form = canned.only_form();
    assert_eq!(form["Action"], "EnableMFADevice");
    assert_eq!(form["UserName"], "alice");
    assert_eq!(form["SerialNumber"], SERIAL);
    assert_eq!(form["AuthenticationCode1"], "123456");
    assert_eq!(form["AuthenticationCode2"], "654321");
}

#[tokio::test]
async fn resync_mfa_device_sends_user_serial_and_both_codes() {
    let (backend, canned) = backend([empty_answer("ResyncMFADevice")]).await;

    backend
        .resync_mfa_device("alice", SERIAL, "000001", "000002")
        .await
        .unwrap();

    let form = canned.only_form();
    assert_eq!(form["Action"], "ResyncMFADevice");
    assert_eq!(form["UserName"], "alice");
    assert_eq!(form["SerialNumber"], SERIAL);
    assert_eq!(form["AuthenticationCode1"], "000001");
    assert_eq!(form["AuthenticationCode2"], "000002");
}

#[tokio::test]
async fn deactivate_mfa_device_sends_the_user_only_when_given() {
    let answers = [
        empty_answer("DeactivateMFADevice"),
        empty_answer("DeactivateMFADevice"),
    ];
    let (backend, canned) = backend(answers).await;

    backend
        .deactivate_mfa_device(SERIAL, Some("alice"))
        .await
        .unwrap();
    backend.deactivate_mfa_device(SERIAL, None).await.unwrap();

    let requests = canned.requests();
    assert_eq!(requests[0].form["Action"], "DeactivateMFADevice");
    assert_eq!(requests[0].form["SerialNumber"], SERIAL);
    assert_eq!(requests[0].form["UserName"], "alice");
    assert!(!requests[1].form.contains_key("UserName"));
}

#[tokio::test]
async fn delete_virtual_mfa_device_sends_the_serial() {
    let (backend, canned) = backend([empty_answer("DeleteVirtualMFADevice")]).await;

    backend.delete_virtual_mfa_device(SERIAL).await.unwrap();

    let form = canned.only_form();
    assert_eq!(form["Action"], "DeleteVirtualMFADevice");
    assert_eq!(form["SerialNumber"], SERIAL);
}

#[tokio::test]
async fn list_mfa_devices_sends_user_and_page_and_reads_devices() {
    let result = "<MFADevices>\
         <member><UserName>alice</UserName><SerialNumber>GAHT12345678</SerialNumber>\
         <EnableDate>2011-10-20T20:49:03Z</EnableDate></member>\
         </MFADevices><IsTruncated>true</IsTruncated><Marker>bmV4dA==</Marker>";
    let (backend, canned) = backend([answer("ListMFADevices", result)]).await;

    let page = PageRequest::first().max_items(1).marker("c3RhcnQ=");
    let page = backend
        .list_mfa_devices(Some("alice"), &page)
        .await
        .unwrap();

    let form = canned.only_form();
    assert_eq!(form["Action"], "ListMFADevices");
    assert_eq!(form["UserName"], "alice");
    assert_eq!(form["MaxItems"], "1");
    assert_eq!(form["Marker"], "c3RhcnQ=");

    assert_eq!(page.items.len(), 1);
    assert_eq!(page.items[0].user_name, "alice");
    assert_eq!(page.items[0].serial_number, "GAHT12345678");
    assert_eq!(page.items[0].enable_date, october_2011());
    assert!(page.is_truncated);
    assert_eq!(page.marker.as_deref(), Some("bmV4dA=="));
}

#[tokio::test]
async fn list_virtual_mfa_devices_sends_status_and_reads_assigned_and_unassigned() {
    let result = format!(
        "<IsTruncated>false</IsTruncated><VirtualMFADevices>\
         <member><SerialNumber>arn:aws:iam::123456789012:mfa/spare</SerialNumber></member>\
         <member><SerialNumber>{SERIAL}</SerialNumber>\
         <EnableDate>2011-10-20T20:49:03Z</EnableDate><User>{}</User></member>\
         </VirtualMFADevices>",
        user_xml("alice")
    );
    let (backend, canned) = backend([answer("ListVirtualMFADevices", &result)]).await;

    let page = backend
        .list_virtual_mfa_devices(AssignmentStatus::Any, &PageRequest::first())
        .await
        .unwrap();

    let form = canned.only_form();
    assert_eq!(form["Action"], "ListVirtualMFADevices");
    assert_eq!(form["AssignmentStatus"], "Any");
    assert!(
        !form.contains_key("MaxItems") && !form.contains_key("Marker"),
        "{form:?}"
    );

    assert!(!page.is_truncated);
    assert_eq!(page.marker, None);
    let [spare, assigned] = &page.items[..] else {
        panic!("two devices expected: {:?}", page.items);
    };
    assert_eq!(spare.serial_number, "arn:aws:iam::123456789012:mfa/spare");
    assert_eq!((&spare.user, spare.enable_date), (&None, None));
    assert_eq!(assigned.enable_date, Some(october_2011()));
    let user = assigned.user.as_ref().unwrap();
    assert_eq!(user.user_name, "alice");
    assert_eq!(user.path, "/staff/");
    assert_eq!(user.user_id, "AIDACKCEVSQ6C2EXAMPLE");
    assert_eq!(user.arn, "arn:aws:iam::123456789012:user/staff/alice");
    assert_eq!(user.create_date, october_2011());
    assert!(assigned.base32_string_seed.is_none() && assigned.tags.is_empty());
}

#[tokio::test]
async fn list_virtual_mfa_devices_sends_each_status_by_name() {
    let empty = "<IsTruncated>false</IsTruncated><VirtualMFADevices/>";
    let answers = [
        answer("ListVirtualMFADevices", empty),
        answer("ListVirtualMFADevices", empty),
    ];
    let (backend, canned) = backend(answers).await;

    for status in [AssignmentStatus::Assigned, AssignmentStatus::Unassigned] {
        let page = backend
            .list_virtual_mfa_devices(status, &PageRequest::first())
            .await
            .unwrap();
        assert!(page.items.is_empty());
    }

    let requests = canned.requests();
    assert_eq!(requests[0].form["AssignmentStatus"], "Assigned");
    assert_eq!(requests[1].form["AssignmentStatus"], "Unassigned");
}

#[tokio::test]
async fn get_mfa_device_reads_user_date_and_certifications() {
    let result = "<UserName>alice</UserName>\
         <SerialNumber>arn:aws:iam::123456789012:u2f/user/alice/key-EXAMPLE</SerialNumber>\
         <EnableDate>2011-10-20T20:49:03Z</EnableDate>\
         <Certifications>\
         <entry><key>FIPS-140-2</key><value>L2</value></entry>\
         <entry><key>FIDO</key><value>L1</value></entry>\
         </Certifications>";
    let (backend, canned) = backend([answer("GetMFADevice", result)]).await;

    let detail = backend
        .get_mfa_device(
            "arn:aws:iam::123456789012:u2f/user/alice/key-EXAMPLE",
            Some("alice"),
        )
        .await
        .unwrap();

    let form = canned.only_form();
    assert_eq!(form["Action"], "GetMFADevice");
    assert_eq!(form["UserName"], "alice");
    assert_eq!(
        form["SerialNumber"],
        "arn:aws:iam::123456789012:u2f/user/alice/key-EXAMPLE"
    );

    assert_eq!(detail.user_name.as_deref(), Some("alice"));
    assert_eq!(detail.enable_date, Some(october_2011()));
    let certifications: Vec<_> = detail.certifications.iter().collect();
    let fido = (&"FIDO".to_owned(), &"L1".to_owned());
    let fips = (&"FIPS-140-2".to_owned(), &"L2".to_owned());
    assert_eq!(certifications, [fido, fips]);
}

#[tokio::test]
async fn get_mfa_device_of_an_unassigned_device_has_no_user_or_date() {
    let result = format!("<SerialNumber>{SERIAL}</SerialNumber>");
    let (backend, canned) = backend([answer("GetMFADevice", &result)]).await;

    let detail = backend.get_mfa_device(SERIAL, None).await.unwrap();

    assert!(!canned.only_form().contains_key("UserName"));
    assert_eq!(detail.serial_number, SERIAL);
    assert_eq!((detail.user_name, detail.enable_date), (None, None));
    assert!(detail.certifications.is_empty());
}

#[tokio::test]
async fn tag_mfa_device_sends_every_tag_in_order() {
    let (backend, canned) = backend([empty_answer("TagMFADevice")]).await;

    let tags = [Tag::new("team", "ops"), Tag::new("cost-center", "")];
    backend.tag_mfa_device(SERIAL, &tags).await.unwrap();

    let form = canned.only_form();
    assert_eq!(form["Action"], "TagMFADevice");
    assert_eq!(form["SerialNumber"], SERIAL);
    assert_eq!(form["Tags.member.1.Key"], "team");
    assert_eq!(form["Tags.member.1.Value"], "ops");
    assert_eq!(form["Tags.member.2.Key"], "cost-center");
    assert_eq!(form["Tags.member.2.Value"], "");
}

#[tokio::test]
async fn untag_mfa_device_sends_every_key() {
    let (backend, canned) = backend([empty_answer("UntagMFADevice")]).await;

    let keys = ["team".to_owned(), "cost-center".to_owned()];
    backend.untag_mfa_device(SERIAL, &keys).await.unwrap();

    let form = canned.only_form();
    assert_eq!(form["Action"], "UntagMFADevice");
    assert_eq!(form["SerialNumber"], SERIAL);
    assert_eq!(form["TagKeys.member.1"], "team");
    assert_eq!(form["TagKeys.member.2"], "cost-center");
}

#[tokio::test]
async fn list_mfa_device_tags_reads_tags_and_marker() {
    let result = "<Tags><member><Key>a</Key><Value>1</Value></member>\
         <member><Key>b</Key><Value></Value></member></Tags>\
         <IsTruncated>true</IsTruncated><Marker>Yg==</Marker>";
    let (backend, canned) = backend([answer("ListMFADeviceTags", result)]).await;

    let page = backend
        .list_mfa_device_tags(SERIAL, &PageRequest::first().max_items(2))
        .await
        .unwrap();

    let form = canned.only_form();
    assert_eq!(form["Action"], "ListMFADeviceTags");
    assert_eq!(form["SerialNumber"], SERIAL);
    assert_eq!(form["MaxItems"], "2");
    assert_eq!(page.items, [Tag::new("a", "1"), Tag::new("b", "")]);
    assert_eq!(
        (page.is_truncated, page.marker.as_deref()),
        (true, Some("Yg=="))
    );
}

#[tokio::test]
async fn create_user_sends_name_and_path_and_reads_the_user() {
    let result = format!("<User>{}</User>", user_xml("bob"));
    let (backend, canned) = backend([answer("CreateUser", &result)]).await;

    let user = backend.create_user("bob", "/staff/").await.unwrap();

    let form = canned.only_form();
    assert_eq!(form["Action"], "CreateUser");
    assert_eq!(form["UserName"], "bob");
    assert_eq!(form["Path"], "/staff/");
    assert_eq!(user.user_name, "bob");
    assert_eq!(user.path, "/staff/");
    assert_eq!(user.arn, "arn:aws:iam::123456789012:user/staff/bob");
    assert_eq!(user.create_date, october_2011());
}

#[tokio::test]
async fn get_user_sends_the_name_only_when_given() {
    let result = format!("<User>{}</User>", user_xml("bob"));
    let answers = [answer("GetUser", &result), answer("GetUser", &result)];
    let (backend, canned) = backend(answers).await;

    assert_eq!(
        backend.get_user(Some("bob")).await.unwrap().user_name,
        "bob"
    );
    assert_eq!(
        backend.get_user(None).await.unwrap().user_id,
        "AIDACKCEVSQ6C2EXAMPLE"
    );

    let requests = canned.requests();
    assert_eq!(requests[0].form["Action"], "GetUser");
    assert_eq!(requests[0].form["UserName"], "bob");
    assert!(!requests[1].form.contains_key("UserName"));
}

#[tokio::test]
async fn delete_user_sends_the_name() {
    let (backend, canned) = backend([empty_answer("DeleteUser")]).await;

    backend.delete_user("bob").await.unwrap();

    let form = canned.only_form();
    assert_eq!(form["Action"], "DeleteUser");
    assert_eq!(form["UserName"], "bob");
}

#[tokio::test]
async fn list_users_sends_prefix_and_page() {
    let result = format!(
        "<Users><member>{}</member><member>{}</member></Users><IsTruncated>false</IsTruncated>",
        user_xml("alice"),
        user_xml("bob")
    );
    let (backend, canned) = backend([answer("ListUsers", &result)]).await;

    let page = backend
        .list_users(Some("/staff/"), &PageRequest::first().max_items(10))
        .await
        .unwrap();

    let form = canned.only_form();
    assert_eq!(form["Action"], "ListUsers");
    assert_eq!(form["PathPrefix"], "/staff/");
    assert_eq!(form["MaxItems"], "10");
    let names: Vec<_> = page
        .items
        .iter()
        .map(|user| user.user_name.as_str())
        .collect();
    assert_eq!(names, ["alice", "bob"]);
}

#[tokio::test]
async fn the_paginator_follows_markers_until_iam_says_the_end() {
    let first = "<IsTruncated>true</IsTruncated><Marker>cGFnZTI=</Marker><VirtualMFADevices>\
         <member><SerialNumber>arn:aws:iam::123456789012:mfa/a</SerialNumber></member>\
         </VirtualMFADevices>";
    let last = "<IsTruncated>false</IsTruncated><VirtualMFADevices>\
         <member><SerialNumber>arn:aws:iam::123456789012:mfa/b</SerialNumber></member>\
         </VirtualMFADevices>";
    let answers = [
        answer("ListVirtualMFADevices", first),
        answer("ListVirtualMFADevices", last),
    ];
    let (backend, canned) = backend(answers).await;
    let client = Client::from_backend(Backend::Aws(backend));

    let mut paginator = client.list_virtual_mfa_devices_paginator(AssignmentStatus::Any);
    let mut serials = Vec::new();
    while let Some(device) = paginator.next().await {
        serials.push(device.unwrap().serial_number);
    }

    assert_eq!(
        serials,
        [
            "arn:aws:iam::123456789012:mfa/a",
            "arn:aws:iam::123456789012:mfa/b"
        ]
    );
    let requests = canned.requests();
    assert_eq!(requests.len(), 2);
    assert!(!requests[0].form.contains_key("Marker"));
    assert_eq!(requests[1].form["Marker"], "cGFnZTI=");
}
