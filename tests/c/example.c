/*
 * example.c: the C API's quick start, as docs/c-api.md shows it. Creates
 * a user and a virtual MFA device on an in-memory IAM emulator, enables
 * the device with two codes computed from its seed, and lists the user's
 * devices.
 *
 *   cc -std=c11 example.c $(pkg-config --cflags --libs iam_mfa)
 */
#include <stdio.h>
#include <time.h>

#include <iam_mfa.h>

static int fail(const char *what, iam_mfa_status status)
{
    fprintf(stderr, "%s failed: %s: %s\n", what, iam_mfa_status_str(status),
            iam_mfa_last_error_message());
    return 1;
}

int main(void)
{
    iam_mfa_client *client = NULL;
    iam_mfa_user *user = NULL;
    iam_mfa_virtual_mfa_device *device = NULL;
    iam_mfa_mfa_device_list *devices = NULL;
    const char *serial = NULL;
    uint8_t *seed = NULL;
    size_t seed_len = 0;
    size_t count = 0;
    char code1[IAM_MFA_TOTP_CODE_SIZE];
    char code2[IAM_MFA_TOTP_CODE_SIZE];
    iam_mfa_status status;
    int failed = 0;

    /* NULL options: a fresh emulator in memory. */
    status = iam_mfa_client_new_local(NULL, &client);
    if (status != IAM_MFA_OK) {
        return fail("iam_mfa_client_new_local", status);
    }

    status = iam_mfa_client_create_user(client, "alice", NULL, &user);
    if (status != IAM_MFA_OK) {
        failed = fail("iam_mfa_client_create_user", status);
        goto done;
    }

    status = iam_mfa_client_create_virtual_mfa_device(
        client, "alice-phone", NULL, NULL, 0, &device);
    if (status != IAM_MFA_OK) {
        failed = fail("iam_mfa_client_create_virtual_mfa_device", status);
        goto done;
    }
    iam_mfa_virtual_mfa_device_serial_number(device, &serial);
    iam_mfa_virtual_mfa_device_base32_string_seed(device, &seed, &seed_len);

    /* The two codes an authenticator app would show now. */
    status = iam_mfa_totp_enable_codes(seed, seed_len, (int64_t)time(NULL),
                                       code1, code2);
    if (status == IAM_MFA_OK) {
        status = iam_mfa_client_enable_mfa_device(client, "alice", serial,
                                                  code1, code2);
    }
    if (status != IAM_MFA_OK) {
        failed = fail("enabling the device", status);
        goto done;
    }

    status = iam_mfa_client_list_mfa_devices_all(client, "alice", &devices);
    if (status != IAM_MFA_OK) {
        failed = fail("iam_mfa_client_list_mfa_devices_all", status);
        goto done;
    }
    iam_mfa_mfa_device_list_len(devices, &count);
    for (size_t i = 0; i < count; i++) {
        const iam_mfa_mfa_device *listed = NULL;
        const char *listed_serial = NULL;

        iam_mfa_mfa_device_list_get(devices, i, &listed);
        iam_mfa_mfa_device_serial_number(listed, &listed_serial);
        printf("alice has %s\n", listed_serial);
    }

done:
    iam_mfa_mfa_device_list_free(devices);
    iam_mfa_bytes_free(seed, seed_len); /* wipes the seed, then frees it */
    iam_mfa_virtual_mfa_device_free(device);
    iam_mfa_user_free(user);
    iam_mfa_client_free(client);
    return failed;
}
