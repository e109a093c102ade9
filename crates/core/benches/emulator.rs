//! Benchmarks of the embedded emulator through the blocking client:
//! creating (with and without reading the QR code, which is drawn on its
//! first read), enabling and tagging devices, a page of 100 devices at the
//! start of a list of 90,100 and at item 90,000, and the TOTP code that
//! every check computes.
//!
//! Run with `cargo bench -p iam-mfa --bench emulator`. The large list is
//! loaded with the emulator's import call, which stores a device without
//! drawing its QR code; the figures are in docs/benchmarks.md.

use std::hint::black_box;
use std::time::SystemTime;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use iam_mfa::blocking::Client;
use iam_mfa::qr;
use iam_mfa::totp::{self, Key};
use iam_mfa::{AssignmentStatus, LocalOptions, PageRequest, Tag};

/// The devices in the store that the list benchmarks page through.
const LISTED_DEVICES: usize = 90_100;

/// Where the far page starts.
const FAR_ITEM: usize = 90_000;

fn in_memory() -> Client {
    Client::local(LocalOptions {
        max_virtual_mfa_devices: u32::MAX,
        ..LocalOptions::default()
    })
    .unwrap()
}

fn create(c: &mut Criterion) {
    let client = in_memory();
    let mut n = 0u64;
    c.bench_function("create (in memory)", |b| {
        b.iter(|| {
            n += 1;
            client
                .create_virtual_mfa_device(&format!("device-{n}"), None, &[])
                .unwrap()
        })
    });

    c.bench_function("create and read the QR code (in memory)", |b| {
        b.iter(|| {
            n += 1;
            let device = client
                .create_virtual_mfa_device(&format!("device-{n}"), None, &[])
                .unwrap();
            device.qr_code_png.unwrap().into_png()
        })
    });

    let dir = tempfile::tempdir().unwrap();
    let file = Client::local(LocalOptions {
        path: Some(dir.path().join("bench.sqlite")),
        max_virtual_mfa_devices: u32::MAX,
        ..LocalOptions::default()
    })
    .unwrap();
    let mut n = 0u64;
    c.bench_function("create (file, WAL, synchronous=FULL)", |b| {
        b.iter(|| {
            n += 1;
            file.create_virtual_mfa_device(&format!("device-{n}"), None, &[])
                .unwrap()
        })
    });
}

fn enable(c: &mut Criterion) {
    let client = in_memory();
    let mut n = 0u64;
    c.bench_function("enable", |b| {
        b.iter_batched(
            || {
                n += 1;
                let user = format!("user-{n}");
                client.create_user(&user, None).unwrap();
                let device = client
                    .create_virtual_mfa_device(&format!("device-{n}"), None, &[])
                    .unwrap();
                let seed = device.base32_string_seed.unwrap();
                let (code1, code2) = totp::enable_codes(seed.expose(), SystemTime::now()).unwrap();
                (user, device.serial_number, code1, code2)
            },
            |(user, serial, code1, code2)| {
                client
                    .enable_mfa_device(&user, &serial, code1.as_str(), code2.as_str())
                    .unwrap()
            },
            BatchSize::SmallInput,
        )
    });
}

fn list(c: &mut Criterion) {
    let client = in_memory();
    let local = client.as_local().unwrap();
    for n in 0..LISTED_DEVICES {
        let seed = totp::generate_seed().unwrap();
        local
            .import_virtual_mfa_device(&format!("device-{n:06}"), "/", &seed, &[])
            .unwrap();
    }
    let mut far = PageRequest::first().max_items(1000);
    for _ in 0..FAR_ITEM / 1000 {
        let page = client
            .list_virtual_mfa_devices(AssignmentStatus::Any, &far)
            .unwrap();
        far = page.next_request(Some(1000)).unwrap();
    }
    let near = PageRequest::first().max_items(100);
    let far = PageRequest {
        max_items: Some(100),
        ..far
    };
    let first_far = client
        .list_virtual_mfa_devices(AssignmentStatus::Any, &far)
        .unwrap();
    assert!(
        first_far.items[0]
            .serial_number
            .ends_with(&format!("{FAR_ITEM:06}"))
    );
    assert_eq!(first_far.items.len(), 100);

    c.bench_function("list page of 100 at item 0", |b| {
        b.iter(|| {
            client
                .list_virtual_mfa_devices(AssignmentStatus::Any, black_box(&near))
                .unwrap()
        })
    });
    c.bench_function("list page of 100 at item 90,000", |b| {
        b.iter(|| {
            client
                .list_virtual_mfa_devices(AssignmentStatus::Any, black_box(&far))
                .unwrap()
        })
    });
}

fn tag(c: &mut Criterion) {
    let client = in_memory();
    let serial = client
        .create_virtual_mfa_device("tagged", None, &[])
        .unwrap()
        .serial_number;
    let mut n = 0u64;
    c.bench_function("tag", |b| {
        b.iter(|| {
            n += 1;
            let tags = [Tag::new("round", n.to_string())];
            client.tag_mfa_device(&serial, &tags).unwrap()
        })
    });
}

fn qr_code(c: &mut Criterion) {
    let seed = totp::generate_seed().unwrap();
    let uri = totp::otpauth_uri("alice-phone", "123456789012", &seed);
    c.bench_function("QR code PNG", |b| {
        b.iter(|| qr::png(black_box(&uri)).unwrap())
    });
}

fn totp_code(c: &mut Criterion) {
    let seed = totp::generate_seed().unwrap();
    let key = Key::from_base32(seed.expose()).unwrap();
    let step = totp::step_at(SystemTime::now());
    c.bench_function("TOTP code", |b| {
        b.iter(|| key.code_at_step(black_box(step)))
    });
}

criterion_group!(benches, totp_code, qr_code, create, enable, tag, list);
criterion_main!(benches);
