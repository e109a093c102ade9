//! Lists the virtual MFA devices of an AWS account, through the `aws`
//! backend and the standard AWS configuration chain.
//!
//! ```text
//! cargo run -p iam-mfa --example aws_list
//! cargo run -p iam-mfa --example aws_list -- --endpoint-url http://127.0.0.1:5000
//! ```
//!
//! Credentials, region and profile come from the environment and the
//! `~/.aws` files, as for the AWS CLI; `--endpoint-url` points the client at
//! an emulator instead (give it keys through `AWS_ACCESS_KEY_ID` and
//! `AWS_SECRET_ACCESS_KEY`). Only serial numbers and user names are
//! printed: list results never carry seeds.

use std::process::ExitCode;

use iam_mfa::{AssignmentStatus, AwsOptions, Client};

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let mut options = AwsOptions::default();
    let mut arguments = std::env::args().skip(1);
    while let Some(argument) = arguments.next() {
        match (argument.as_str(), arguments.next()) {
            ("--endpoint-url", Some(url)) => options.endpoint_url = Some(url),
            ("--profile", Some(profile)) => options.profile = Some(profile),
            _ => {
                eprintln!("usage: aws_list [--endpoint-url URL] [--profile NAME]");
                return ExitCode::from(2);
            }
        }
    }

    match list(options).await {
        Ok(count) => {
            println!("virtual MFA devices: {count}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("aws_list: {error}");
            ExitCode::FAILURE
        }
    }
}

/// Prints every virtual MFA device and returns how many there were.
async fn list(options: AwsOptions) -> iam_mfa::Result<usize> {
    let client = Client::aws(options).await?;

    let mut devices = client.list_virtual_mfa_devices_paginator(AssignmentStatus::Any);
    let mut count = 0;
    while let Some(device) = devices.next().await {
        let device = device?;
        let user = device
            .user
            .as_ref()
            .map_or("-", |user| user.user_name.as_str());
        println!("{}\t{user}", device.serial_number);
        count += 1;
    }
    Ok(count)
}
