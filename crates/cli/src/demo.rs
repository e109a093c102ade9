//! `iam-mfa demo`: the whole life of an MFA device on a fresh in-memory
//! emulator, narrated step by step with the command that does each step
//! and what it prints. Nothing reaches IAM and nothing is kept afterwards
//! but the QR code's PNG, written owner-only to a new file.
//!
//! The seed is never printed: the codes are computed from it as an
//! authenticator app would, and the QR code is drawn in the terminal and
//! saved so that a phone can scan it and show the same codes.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::{Duration, SystemTime};

use clap::Args;
use iam_mfa::blocking::Client;
use iam_mfa::{AssignmentStatus, ErrorKind, PageRequest, Secret, Tag, totp};

use crate::exit::Failure;
use crate::files::SecretFile;
use crate::output::{self, Document, Format, TimestampFormat, Value};
use crate::shapes;

/// The examples of `demo --help`.
pub const EXAMPLE: &str = "\
Example:
  iam-mfa demo
  iam-mfa demo --outfile /tmp/alice-phone.png --force";

/// `demo`.
#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Where to write the QR code's PNG. Default: a new file in a new
    /// directory under the system's temporary directory.
    #[arg(long, value_name = "FILE")]
    pub outfile: Option<PathBuf>,

    /// Replace --outfile if it exists.
    #[arg(long, requires = "outfile")]
    pub force: bool,
}

const USER: &str = "alice";
const DEVICE: &str = "alice-phone";
const HARDWARE_SERIAL: &str = "GAHT10000001";

/// The narration: numbered steps, each with its command and its output.
struct Narrator {
    step: u32,
}

impl Narrator {
    fn step(&mut self, title: &str, command: &str) {
        self.step += 1;
        println!("\n== Step {}: {title}", self.step);
        println!("$ iam-mfa {command}");
    }

    fn say(&self, text: &str) {
        println!("   {text}");
    }

    fn show(&self, title: &'static str, value: Value) {
        let document = Document::single(title, value);
        print!("{}", output::render(&document, Format::Json));
    }
}

fn service(operation: &'static str) -> impl FnOnce(iam_mfa::Error) -> Failure {
    Failure::service(operation)
}

/// Expects a call to fail with `kind`, and shows its error line.
fn expect_error<T>(
    narrator: &Narrator,
    operation: &'static str,
    kind: ErrorKind,
    result: iam_mfa::Result<T>,
) -> Result<(), Failure> {
    match result {
        Err(error) if error.kind() == kind => {
            narrator.say(&format!(
                "refused, as expected: {}",
                service(operation)(error)
            ));
            Ok(())
        }
        Err(error) => Err(service(operation)(error)),
        Ok(_) => Err(service(operation)(iam_mfa::Error::new(
            ErrorKind::ServiceFailure,
            format!("the emulator accepted the call where IAM refuses it with {kind}"),
        ))),
    }
}

fn default_outfile() -> Result<PathBuf, Failure> {
    use std::os::unix::fs::DirBuilderExt;
    let nanos = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |since| since.subsec_nanos());
    let dir = std::env::temp_dir().join(format!("iam-mfa-demo-{}-{nanos}", std::process::id()));
    std::fs::DirBuilder::new()
        .mode(0o700)
        .create(&dir)
        .map_err(|error| Failure::File(format!("cannot create {}: {error}", dir.display())))?;
    Ok(dir.join(format!("{DEVICE}.png")))
}

/// Runs the demo.
///
/// # Errors
///
/// A file failure when the PNG cannot be written, a service failure when
/// a step does not behave as IAM does.
pub fn run(args: DemoArgs) -> Result<(), Failure> {
    let outfile_path = match &args.outfile {
        Some(path) => path.clone(),
        None => default_outfile()?,
    };
    let outfile = SecretFile::create(&outfile_path, args.force)?;
    let client = Client::in_memory().map_err(service("OpenLocalEmulator"))?;
    let wire = TimestampFormat::Wire;
    let mut narrator = Narrator { step: 0 };

    println!("iam-mfa demo: the life of a virtual MFA device, on a fresh in-memory emulator.");
    println!("Each step shows the command that does it; add --local to run it on the");
    println!("emulator, or leave it out to run it against IAM.");

    narrator.step(
        "create a user",
        &format!("local create-user --user-name {USER}"),
    );
    let user = client
        .create_user(USER, None)
        .map_err(service("CreateUser"))?;
    narrator.show(
        "CreateUser",
        Value::object().with("User", shapes::user(&user, wire)),
    );

    narrator.step(
        "create a virtual MFA device, save its QR code, draw it here",
        &format!(
            "create-virtual-mfa-device --virtual-mfa-device-name {DEVICE} --path /demo/ \\\n    \
             --tags Key=team,Value=demo --outfile {} --bootstrap-method QRCodePNG --qr-terminal",
            outfile_path.display()
        ),
    );
    let tags = [Tag::new("team", "demo")];
    let device = client
        .create_virtual_mfa_device(DEVICE, Some("/demo/"), &tags)
        .map_err(service("CreateVirtualMFADevice"))?;
    let serial = device.serial_number.clone();
    let missing = || {
        service("CreateVirtualMFADevice")(iam_mfa::Error::new(
            ErrorKind::ServiceFailure,
            "the new device came without its seed or QR code",
        ))
    };
    let seed: Secret = device.base32_string_seed.clone().ok_or_else(missing)?;
    let png = device.qr_code_png.as_ref().ok_or_else(missing)?;
    outfile.write(png.png().expose())?;
    let value = shapes::virtual_mfa_device(&device, None, wire);
    narrator.show(
        "CreateVirtualMFADevice",
        Value::object().with("VirtualMFADevice", value),
    );
    let uri = crate::commands::otpauth_uri(&serial, &seed)?;
    let drawing = crate::qr_terminal::render(&uri, std::io::stdout().is_terminal())
        .map_err(service("CreateVirtualMFADevice"))?;
    print!("{}", drawing.as_str());
    narrator.say(&format!(
        "QR code written to {} (mode 0600); the seed itself is never printed.",
        outfile_path.display()
    ));

    narrator.step(
        "the device exists, assigned to nobody",
        "list-virtual-mfa-devices --assignment-status Unassigned",
    );
    let page = client
        .list_virtual_mfa_devices(AssignmentStatus::Unassigned, &PageRequest::first())
        .map_err(service("ListVirtualMFADevices"))?;
    let items = page
        .items
        .iter()
        .map(|d| shapes::virtual_mfa_device(d, None, wire));
    let value = Value::object().with("VirtualMFADevices", items.collect::<Vec<_>>());
    narrator.show("ListVirtualMFADevices", value);

    narrator.step(
        "enabling with wrong codes fails",
        &format!(
            "enable-mfa-device --user-name {USER} --serial-number {serial} \\\n    \
             --authentication-code1 000000 --authentication-code2 000000"
        ),
    );
    let wrong = client.enable_mfa_device(USER, &serial, "000000", "000000");
    expect_error(
        &narrator,
        "EnableMFADevice",
        ErrorKind::InvalidAuthenticationCode,
        wrong,
    )?;

    narrator.step(
        "enable it with two consecutive codes, as the phone shows them",
        &format!(
            "enable-mfa-device --user-name {USER} --serial-number {serial} --seed-file SEED_FILE"
        ),
    );
    let now = SystemTime::now();
    let (code1, code2) = totp::enable_codes(seed.expose(), now).map_err(service("Totp"))?;
    client
        .enable_mfa_device(USER, &serial, code1.as_str(), code2.as_str())
        .map_err(service("EnableMFADevice"))?;
    narrator.say(&format!(
        "enabled with the codes of the previous and the current 30-second step \
         ({} s left in this one).",
        totp::seconds_left(now)
    ));

    narrator.step(
        "alice's MFA devices",
        &format!("list-mfa-devices --user-name {USER}"),
    );
    let page = client
        .list_mfa_devices(Some(USER), &PageRequest::first())
        .map_err(service("ListMFADevices"))?;
    let items = page.items.iter().map(|d| shapes::mfa_device(d, wire));
    narrator.show(
        "ListMFADevices",
        Value::object().with("MFADevices", items.collect::<Vec<_>>()),
    );

    narrator.step(
        "one device in detail",
        &format!("get-mfa-device --serial-number {serial}"),
    );
    let detail = client
        .get_mfa_device(&serial, None)
        .map_err(service("GetMFADevice"))?;
    narrator.show("GetMFADevice", shapes::mfa_device_detail(&detail, wire));

    narrator.step(
        "tag it, untag it, list its tags",
        &format!(
            "tag-mfa-device --serial-number {serial} --tags Key=owner,Value={USER}\n\
             $ iam-mfa untag-mfa-device --serial-number {serial} --tag-keys team\n\
             $ iam-mfa list-mfa-device-tags --serial-number {serial}"
        ),
    );
    client
        .tag_mfa_device(&serial, &[Tag::new("owner", USER)])
        .map_err(service("TagMFADevice"))?;
    client
        .untag_mfa_device(&serial, &["team".to_owned()])
        .map_err(service("UntagMFADevice"))?;
    let page = client
        .list_mfa_device_tags(&serial, &PageRequest::first())
        .map_err(service("ListMFADeviceTags"))?;
    narrator.show(
        "ListMFADeviceTags",
        Value::object().with("Tags", shapes::tags(&page.items)),
    );

    narrator.step(
        "the phone's clock runs a minute fast: resynchronize",
        &format!(
            "resync-mfa-device --user-name {USER} --serial-number {serial} \\\n    \
             --authentication-code1 CODE1 --authentication-code2 CODE2"
        ),
    );
    let fast = SystemTime::now() + Duration::from_secs(90);
    let (code1, code2) = totp::enable_codes(seed.expose(), fast).map_err(service("Totp"))?;
    client
        .resync_mfa_device(USER, &serial, code1.as_str(), code2.as_str())
        .map_err(service("ResyncMFADevice"))?;
    narrator.say("resynchronized: the emulator remembers the drift for later checks.");

    narrator.step(
        "a hardware token from a vendor, enabled for the same user",
        &format!(
            "local register-hardware-token --serial-number {HARDWARE_SERIAL} \
             --seed-file TOKEN_SEED\n\
             $ iam-mfa enable-mfa-device --user-name {USER} --serial-number {HARDWARE_SERIAL} \
             --seed-file TOKEN_SEED\n$ iam-mfa list-mfa-devices --user-name {USER} --output table"
        ),
    );
    let token_seed = totp::generate_seed().map_err(service("Totp"))?;
    let emulator = client.as_local().expect("the demo runs on the emulator");
    emulator
        .register_hardware_token(HARDWARE_SERIAL, &token_seed)
        .map_err(service("RegisterHardwareToken"))?;
    let (code1, code2) =
        totp::enable_codes(token_seed.expose(), SystemTime::now()).map_err(service("Totp"))?;
    client
        .enable_mfa_device(USER, HARDWARE_SERIAL, code1.as_str(), code2.as_str())
        .map_err(service("EnableMFADevice"))?;
    let page = client
        .list_mfa_devices(Some(USER), &PageRequest::first())
        .map_err(service("ListMFADevices"))?;
    let items = page.items.iter().map(|d| shapes::mfa_device(d, wire));
    let value = Value::object().with("MFADevices", items.collect::<Vec<_>>());
    print!(
        "{}",
        output::render(&Document::single("ListMFADevices", value), Format::Table)
    );

    narrator.step(
        "an assigned device cannot be deleted, nor a user holding devices",
        &format!(
            "delete-virtual-mfa-device --serial-number {serial}\n\
             $ iam-mfa local delete-user --user-name {USER}"
        ),
    );
    let result = client.delete_virtual_mfa_device(&serial);
    expect_error(
        &narrator,
        "DeleteVirtualMFADevice",
        ErrorKind::DeleteConflict,
        result,
    )?;
    let result = client.delete_user(USER);
    expect_error(&narrator, "DeleteUser", ErrorKind::DeleteConflict, result)?;

    narrator.step(
        "deactivate both devices, delete the virtual one and the user",
        &format!(
            "deactivate-mfa-device --user-name {USER} --serial-number {serial}\n\
             $ iam-mfa deactivate-mfa-device --user-name {USER} --serial-number {HARDWARE_SERIAL}\n\
             $ iam-mfa delete-virtual-mfa-device --serial-number {serial}\n\
             $ iam-mfa local delete-user --user-name {USER}"
        ),
    );
    for serial_number in [serial.as_str(), HARDWARE_SERIAL] {
        client
            .deactivate_mfa_device(serial_number, Some(USER))
            .map_err(service("DeactivateMFADevice"))?;
    }
    client
        .delete_virtual_mfa_device(&serial)
        .map_err(service("DeleteVirtualMFADevice"))?;
    client.delete_user(USER).map_err(service("DeleteUser"))?;

    narrator.step("nothing is left", "list-virtual-mfa-devices");
    let page = client
        .list_virtual_mfa_devices(AssignmentStatus::Any, &PageRequest::first())
        .map_err(service("ListVirtualMFADevices"))?;
    let items = page
        .items
        .iter()
        .map(|d| shapes::virtual_mfa_device(d, None, wire));
    let value = Value::object().with("VirtualMFADevices", items.collect::<Vec<_>>());
    narrator.show("ListVirtualMFADevices", value);

    println!(
        "\nDone: {} steps. Scan {} with an authenticator app to see the codes the \
         emulator checked.",
        narrator.step,
        outfile_path.display()
    );
    Ok(())
}
