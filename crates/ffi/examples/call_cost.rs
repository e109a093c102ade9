//! The cost of one local-emulator call made from Rust, the baseline for
//! the C benchmark (tests/c/bench.c), which makes the same call through
//! the C API. Both set up the same emulator, make the same `GetMFADevice`
//! call the same number of times, and print the best mean of a hundred short rounds.
//!
//! Run both with tests/c/bench.sh.

use std::time::{Instant, SystemTime};

use core_api::blocking::Client;
use core_api::totp;

/// Calls per round, and rounds; the best round's mean is reported. Many
/// short rounds let the best one miss the other work on the machine.
const CALLS: u32 = 2_000;
const ROUNDS: u32 = 100;

fn main() -> Result<(), core_api::Error> {
    let client = Client::in_memory()?;
    client.create_user("bench", None)?;
    let device = client.create_virtual_mfa_device("bench-phone", None, &[])?;
    let seed = device
        .base32_string_seed
        .as_ref()
        .expect("a new device carries its seed");
    let (code1, code2) = totp::enable_codes(seed.expose(), SystemTime::now())?;
    let serial = device.serial_number.as_str();
    client.enable_mfa_device("bench", serial, code1.as_str(), code2.as_str())?;

    for _ in 0..1_000 {
        std::hint::black_box(client.get_mfa_device(serial, None)?);
    }

    let mut best = f64::MAX;
    for _ in 0..ROUNDS {
        let started = Instant::now();
        for _ in 0..CALLS {
            std::hint::black_box(client.get_mfa_device(serial, None)?);
        }
        let mean = started.elapsed().as_nanos() as f64 / f64::from(CALLS);
        best = best.min(mean);
    }

    println!("rust GetMFADevice on the local emulator: {best:.0} ns per call");
    Ok(())
}
