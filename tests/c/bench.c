/*
 * bench.c: the cost of one local-emulator call made through the C API,
 * against the same call made from Rust (crates/ffi/examples/call_cost.rs).
 * Both make the same GetMFADevice call CALLS times per round and print
 * the best mean of ROUNDS rounds. Run both with tests/c/bench.sh.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "iam_mfa.h"

/* Many short rounds let the best one miss the other work on the machine. */
#define CALLS 2000
#define ROUNDS 100

static void must(iam_mfa_status status, const char *what)
{
    if (status != IAM_MFA_OK) {
        fprintf(stderr, "%s: %s\n", what, iam_mfa_last_error_message());
        exit(1);
    }
}

static double now_ns(void)
{
    struct timespec t;

    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

static void get_once(const iam_mfa_client *client, const char *serial)
{
    iam_mfa_mfa_device_detail *detail = NULL;

    must(iam_mfa_client_get_mfa_device(client, serial, NULL, &detail),
         "get");
    iam_mfa_mfa_device_detail_free(detail);
}

int main(void)
{
    iam_mfa_client *client = NULL;
    iam_mfa_user *user = NULL;
    iam_mfa_virtual_mfa_device *device = NULL;
    const char *serial = NULL;
    uint8_t *seed = NULL;
    size_t seed_len = 0;
    char code1[IAM_MFA_TOTP_CODE_SIZE];
    char code2[IAM_MFA_TOTP_CODE_SIZE];
    double best = 1e300;

    must(iam_mfa_client_new_local(NULL, &client), "client");
    must(iam_mfa_client_create_user(client, "bench", NULL, &user), "user");
    must(iam_mfa_client_create_virtual_mfa_device(client, "bench-phone",
                                                  NULL, NULL, 0, &device),
         "device");
    must(iam_mfa_virtual_mfa_device_serial_number(device, &serial),
         "serial");
    must(iam_mfa_virtual_mfa_device_base32_string_seed(device, &seed,
                                                       &seed_len),
         "seed");
    must(iam_mfa_totp_enable_codes(seed, seed_len, (int64_t)time(NULL),
                                   code1, code2),
         "codes");
    must(iam_mfa_client_enable_mfa_device(client, "bench", serial, code1,
                                          code2),
         "enable");

    for (int i = 0; i < 1000; i++) {
        get_once(client, serial);
    }
    for (int round = 0; round < ROUNDS; round++) {
        double started = now_ns();
        double mean;

        for (int i = 0; i < CALLS; i++) {
            get_once(client, serial);
        }
        mean = (now_ns() - started) / CALLS;
        if (mean < best) {
            best = mean;
        }
    }

    printf("c GetMFADevice on the local emulator: %.0f ns per call\n",
           best);

    iam_mfa_bytes_free(seed, seed_len);
    iam_mfa_virtual_mfa_device_free(device);
    iam_mfa_user_free(user);
    iam_mfa_client_free(client);
    return 0;
}
