"""The boto3 half of the aws backend benchmark.

Measures boto3's client-side CPU time per call (time.process_time_ns,
which counts this process only, not the moto server) for the same
workload as benches/aws_moto.rs, against the moto server at URL:

- create: CreateVirtualMFADevice with a fresh name, CALLS times;
- list: ListVirtualMFADevices, one page of 100 of the 100 devices that
  exist, CALLS times.

Usage: python aws_boto3.py URL CALLS. Prints one JSON object per line:
{"operation": ..., "calls": ..., "cpu_us": [...]} for the Rust side to
summarise.
"""

import json
import sys
import time
import urllib.request

import boto3

WARM_UP = 20
LISTED = 100


def reset(url: str) -> None:
    """Forgets every entity moto holds."""
    request = urllib.request.Request(url + "/moto-api/reset", method="POST")
    with urllib.request.urlopen(request) as answer:
        answer.read()


def measure(call, calls: int) -> list[float]:
    """CPU microseconds of each of `calls` calls."""
    spent = []
    for index in range(calls):
        started = time.process_time_ns()
        call(index)
        spent.append((time.process_time_ns() - started) / 1000)
    return spent


def main() -> None:
    url, calls = sys.argv[1], int(sys.argv[2])
    iam = boto3.client(
        "iam",
        endpoint_url=url,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        config=boto3.session.Config(retries={"total_max_attempts": 1}),
    )

    def create(index: int) -> None:
        iam.create_virtual_mfa_device(VirtualMFADeviceName=f"b{index}")

    def list_page(_: int) -> None:
        page = iam.list_virtual_mfa_devices(
            AssignmentStatus="Any", MaxItems=LISTED
        )
        assert len(page["VirtualMFADevices"]) == LISTED

    reset(url)
    for index in range(WARM_UP):
        iam.create_virtual_mfa_device(VirtualMFADeviceName=f"warm{index}")
    reset(url)
    spent = measure(create, calls)
    print(json.dumps({"operation": "create", "calls": calls, "cpu_us": spent}))

    reset(url)
    for index in range(LISTED):
        create(index)
    for index in range(WARM_UP):
        list_page(index)
    spent = measure(list_page, calls)
    print(json.dumps({"operation": "list", "calls": calls, "cpu_us": spent}))


if __name__ == "__main__":
    main()
