/*
 * lifecycle.c: every operation of the C API once, in the order a user
 * meets them: a user, a virtual device with tags, enabling it with two
 * codes, listing, getting, resyncing, tagging, deactivating, deleting;
 * then a hardware token and a file store on the local emulator.
 */
#include "harness.h"

#include <unistd.h>

#define ACCOUNT "123456789012"
#define SERIAL "arn:aws:iam::" ACCOUNT ":mfa/ops/alice-phone"

static void check_version(void)
{
    char expected[64];

    snprintf(expected, sizeof expected, "%d.%d.%d", IAM_MFA_VERSION_MAJOR,
             IAM_MFA_VERSION_MINOR, IAM_MFA_VERSION_PATCH);
    CHECK_STR(iam_mfa_version(), IAM_MFA_VERSION);
    CHECK_STR(IAM_MFA_VERSION, expected);
    CHECK_STR(iam_mfa_status_str(IAM_MFA_OK), "OK");
}

static void check_user(iam_mfa_client *client)
{
    iam_mfa_user *user = NULL;
    const char *text = NULL;
    int64_t created = 0;

    OK(iam_mfa_client_create_user(client, "alice", "/ops/", &user));
    OK(iam_mfa_user_user_name(user, &text));
    CHECK_STR(text, "alice");
    OK(iam_mfa_user_path(user, &text));
    CHECK_STR(text, "/ops/");
    OK(iam_mfa_user_arn(user, &text));
    CHECK_STR(text, "arn:aws:iam::" ACCOUNT ":user/ops/alice");
    OK(iam_mfa_user_user_id(user, &text));
    CHECK(strlen(text) > 4);
    OK(iam_mfa_user_create_date(user, &created));
    CHECK(test_is_local() ? created == test_now() : created > 0);
    iam_mfa_user_free(user);

    user = NULL;
    OK(iam_mfa_client_get_user(client, "alice", &user));
    OK(iam_mfa_user_path(user, &text));
    CHECK_STR(text, "/ops/");
    iam_mfa_user_free(user);
}

/* Creates alice's phone; returns its seed (caller frees). */
static uint8_t *create_device(iam_mfa_client *client, size_t *seed_len)
{
    iam_mfa_tag tags[] = {{"team", "ops"}, {"cost-center", "42"}};
    iam_mfa_virtual_mfa_device *device = NULL;
    const iam_mfa_tag *got_tags = NULL;
    const iam_mfa_user *user = NULL;
    const char *serial = NULL;
    uint8_t *seed = NULL;
    uint8_t *png = NULL;
    uint8_t *again = NULL;
    size_t tags_len = 0;
    size_t png_len = 0;
    size_t again_len = 0;
    int64_t enabled = -1;
    bool present = true;

    OK(iam_mfa_client_create_virtual_mfa_device(client, "alice-phone",
                                                "/ops/", tags, 2, &device));
    OK(iam_mfa_virtual_mfa_device_serial_number(device, &serial));
    CHECK_STR(serial, SERIAL);

    OK(iam_mfa_virtual_mfa_device_base32_string_seed(device, &seed,
                                                     seed_len));
    CHECK(*seed_len == 64);
    for (size_t i = 0; seed != NULL && i < *seed_len; i++) {
        CHECK(strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", seed[i]) != NULL);
    }

    OK(iam_mfa_virtual_mfa_device_qr_code_png(device, &png, &png_len));
    CHECK(png_len > 100 && memcmp(png, "\x89PNG\r\n\x1a\n", 8) == 0);
    /* The emulator draws the image on the first read; a second read is a
     * new copy of the same bytes. */
    OK(iam_mfa_virtual_mfa_device_qr_code_png(device, &again, &again_len));
    CHECK(again != png && again_len == png_len);
    if (again != NULL && png != NULL && again_len == png_len) {
        CHECK(memcmp(again, png, png_len) == 0);
    }
    iam_mfa_bytes_free(again, again_len);
    iam_mfa_bytes_free(png, png_len);

    OK(iam_mfa_virtual_mfa_device_tags(device, &got_tags, &tags_len));
    CHECK(tags_len == 2);
    if (tags_len == 2) {
        CHECK_STR(got_tags[0].key, "team");
        CHECK_STR(got_tags[0].value, "ops");
        CHECK_STR(got_tags[1].key, "cost-center");
    }

    OK(iam_mfa_virtual_mfa_device_user(device, &user));
    CHECK(user == NULL);
    OK(iam_mfa_virtual_mfa_device_enable_date(device, &present, &enabled));
    CHECK(!present && enabled == 0);

    iam_mfa_virtual_mfa_device_free(device);
    return seed;
}

static void check_unassigned_listing(iam_mfa_client *client)
{
    iam_mfa_virtual_mfa_device_list *list = NULL;
    const iam_mfa_virtual_mfa_device *device = NULL;
    const iam_mfa_user *user = (const iam_mfa_user *)1;
    const char *serial = NULL;
    uint8_t *seed = (uint8_t *)1;
    size_t len = 0;

    OK(iam_mfa_client_list_virtual_mfa_devices(
        client, IAM_MFA_ASSIGNMENT_STATUS_UNASSIGNED, NULL, 0, &list));
    OK(iam_mfa_virtual_mfa_device_list_len(list, &len));
    CHECK(len == 1);
    OK(iam_mfa_virtual_mfa_device_list_get(list, 0, &device));
    OK(iam_mfa_virtual_mfa_device_serial_number(device, &serial));
    CHECK_STR(serial, SERIAL);
    OK(iam_mfa_virtual_mfa_device_user(device, &user));
    CHECK(user == NULL);
    OK(iam_mfa_virtual_mfa_device_base32_string_seed(device, &seed, &len));
    CHECK(seed == NULL && len == 0);
    iam_mfa_virtual_mfa_device_list_free(list);
}

static void enable(iam_mfa_client *client, const uint8_t *seed,
                   size_t seed_len)
{
    char code1[IAM_MFA_TOTP_CODE_SIZE];
    char code2[IAM_MFA_TOTP_CODE_SIZE];
    char now[IAM_MFA_TOTP_CODE_SIZE];
    /* One instant for both calls: on a server the clock is the real one,
     * and a 30-second step may end between two readings of it. */
    int64_t at = test_now();

    OK(iam_mfa_totp_enable_codes(seed, seed_len, at, code1, code2));
    CHECK(strlen(code1) == 6 && strlen(code2) == 6);
    OK(iam_mfa_totp_code_at(seed, seed_len, at, now));
    CHECK_STR(now, code2);

    OK(iam_mfa_client_enable_mfa_device(client, "alice", SERIAL, code1,
                                        code2));
}

static void check_assigned(iam_mfa_client *client)
{
    iam_mfa_mfa_device_list *devices = NULL;
    iam_mfa_virtual_mfa_device_list *virtuals = NULL;
    iam_mfa_mfa_device_detail *detail = NULL;
    const iam_mfa_mfa_device *device = NULL;
    const iam_mfa_virtual_mfa_device *virtual_device = NULL;
    const iam_mfa_certification *certifications = NULL;
    const iam_mfa_user *user = NULL;
    const char *text = NULL;
    int64_t enabled = 0;
    bool present = false;
    size_t len = 0;

    OK(iam_mfa_client_list_mfa_devices(client, "alice", NULL, 0, &devices));
    OK(iam_mfa_mfa_device_list_len(devices, &len));
    CHECK(len == 1);
    OK(iam_mfa_mfa_device_list_get(devices, 0, &device));
    OK(iam_mfa_mfa_device_serial_number(device, &text));
    CHECK_STR(text, SERIAL);
    OK(iam_mfa_mfa_device_user_name(device, &text));
    CHECK_STR(text, "alice");
    OK(iam_mfa_mfa_device_enable_date(device, &present, &enabled));
    CHECK(present && (test_is_local() ? enabled == test_now() : enabled > 0));
    iam_mfa_mfa_device_list_free(devices);

    OK(iam_mfa_client_list_virtual_mfa_devices_all(
        client, IAM_MFA_ASSIGNMENT_STATUS_ASSIGNED, &virtuals));
    OK(iam_mfa_virtual_mfa_device_list_len(virtuals, &len));
    CHECK(len == 1);
    OK(iam_mfa_virtual_mfa_device_list_get(virtuals, 0, &virtual_device));
    OK(iam_mfa_virtual_mfa_device_user(virtual_device, &user));
    CHECK(user != NULL);
    if (user != NULL) {
        OK(iam_mfa_user_user_name(user, &text));
        CHECK_STR(text, "alice");
    }
    OK(iam_mfa_virtual_mfa_device_enable_date(virtual_device, &present,
                                              &enabled));
    CHECK(present && enabled > 0);
    iam_mfa_virtual_mfa_device_list_free(virtuals);

    OK(iam_mfa_client_get_mfa_device(client, SERIAL, "alice", &detail));
    OK(iam_mfa_mfa_device_detail_serial_number(detail, &text));
    CHECK_STR(text, SERIAL);
    OK(iam_mfa_mfa_device_detail_user_name(detail, &text));
    CHECK_STR(text, "alice");
    OK(iam_mfa_mfa_device_detail_enable_date(detail, &present, &enabled));
    CHECK(present && enabled > 0);
    OK(iam_mfa_mfa_device_detail_certifications(detail, &certifications,
                                                &len));
    CHECK(certifications == NULL && len == 0);
    iam_mfa_mfa_device_detail_free(detail);
}

static void resync(iam_mfa_client *client, const uint8_t *seed,
                   size_t seed_len)
{
    char code1[IAM_MFA_TOTP_CODE_SIZE];
    char code2[IAM_MFA_TOTP_CODE_SIZE];

    test_advance(client, 120);
    OK(iam_mfa_totp_enable_codes(seed, seed_len, test_now(), code1, code2));
    OK(iam_mfa_client_resync_mfa_device(client, "alice", SERIAL, code1,
                                        code2));
}

static void check_tags(iam_mfa_client *client)
{
    iam_mfa_tag more[] = {{"team", "security"}, {"env", "prod"}};
    const char *gone[] = {"cost-center"};
    iam_mfa_tag_list *list = NULL;
    const iam_mfa_tag *tags = NULL;
    const char *marker = "unset";
    bool truncated = true;
    size_t len = 0;

    OK(iam_mfa_client_tag_mfa_device(client, SERIAL, more, 2));
    OK(iam_mfa_client_untag_mfa_device(client, SERIAL, gone, 1));

    OK(iam_mfa_client_list_mfa_device_tags(client, SERIAL, NULL, 0, &list));
    OK(iam_mfa_tag_list_tags(list, &tags, &len));
    CHECK(len == 2);
    if (len == 2) {
        CHECK_STR(tags[0].key, "env");
        CHECK_STR(tags[0].value, "prod");
        CHECK_STR(tags[1].key, "team");
        CHECK_STR(tags[1].value, "security");
    }
    OK(iam_mfa_tag_list_is_truncated(list, &truncated));
    CHECK(!truncated);
    OK(iam_mfa_tag_list_marker(list, &marker));
    CHECK(marker == NULL);
    iam_mfa_tag_list_free(list);

    list = NULL;
    OK(iam_mfa_client_list_mfa_device_tags_all(client, SERIAL, &list));
    OK(iam_mfa_tag_list_tags(list, &tags, &len));
    CHECK(len == 2);
    iam_mfa_tag_list_free(list);
}

static void deactivate_and_delete(iam_mfa_client *client)
{
    iam_mfa_mfa_device_list *devices = NULL;
    iam_mfa_mfa_device_detail *detail = NULL;
    size_t len = 1;

    EXPECT(IAM_MFA_DELETE_CONFLICT,
           iam_mfa_client_delete_virtual_mfa_device(client, SERIAL));
    EXPECT(IAM_MFA_DELETE_CONFLICT,
           iam_mfa_client_delete_user(client, "alice"));

    if (test_is_local()) {
        OK(iam_mfa_client_set_caller(client, "alice"));
        OK(iam_mfa_client_list_mfa_devices_all(client, NULL, &devices));
        OK(iam_mfa_mfa_device_list_len(devices, &len));
        CHECK(len == 1);
        iam_mfa_mfa_device_list_free(devices);
        OK(iam_mfa_client_deactivate_mfa_device(client, SERIAL, NULL));
        OK(iam_mfa_client_set_caller(client, NULL));
    } else {
        OK(iam_mfa_client_deactivate_mfa_device(client, SERIAL, "alice"));
    }

    devices = NULL;
    OK(iam_mfa_client_list_mfa_devices_all(client, "alice", &devices));
    OK(iam_mfa_mfa_device_list_len(devices, &len));
    CHECK(len == 0);
    iam_mfa_mfa_device_list_free(devices);

    OK(iam_mfa_client_delete_virtual_mfa_device(client, SERIAL));
    EXPECT(IAM_MFA_NO_SUCH_ENTITY,
           iam_mfa_client_get_mfa_device(client, SERIAL, NULL, &detail));
    CHECK(detail == NULL);
    OK(iam_mfa_client_delete_user(client, "alice"));
}

static void check_hardware_token(iam_mfa_client *client)
{
    static const char seed[] = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    iam_mfa_virtual_mfa_device_list *virtuals = NULL;
    iam_mfa_mfa_device_list *devices = NULL;
    const iam_mfa_mfa_device *device = NULL;
    iam_mfa_user *user = NULL;
    char code1[IAM_MFA_TOTP_CODE_SIZE];
    char code2[IAM_MFA_TOTP_CODE_SIZE];
    const char *text = NULL;
    size_t len = 0;

    OK(iam_mfa_client_register_hardware_token(
        client, "GAHT12345678", (const uint8_t *)seed, strlen(seed)));
    OK(iam_mfa_client_create_user(client, "bob", NULL, &user));
    iam_mfa_user_free(user);

    OK(iam_mfa_totp_enable_codes((const uint8_t *)seed, strlen(seed),
                                 test_now(), code1, code2));
    OK(iam_mfa_client_enable_mfa_device(client, "bob", "GAHT12345678",
                                        code1, code2));

    OK(iam_mfa_client_list_mfa_devices(client, "bob", NULL, 0, &devices));
    OK(iam_mfa_mfa_device_list_len(devices, &len));
    CHECK(len == 1);
    OK(iam_mfa_mfa_device_list_get(devices, 0, &device));
    OK(iam_mfa_mfa_device_serial_number(device, &text));
    CHECK_STR(text, "GAHT12345678");
    iam_mfa_mfa_device_list_free(devices);

    OK(iam_mfa_client_list_virtual_mfa_devices_all(
        client, IAM_MFA_ASSIGNMENT_STATUS_ANY, &virtuals));
    OK(iam_mfa_virtual_mfa_device_list_len(virtuals, &len));
    CHECK(len == 0);
    iam_mfa_virtual_mfa_device_list_free(virtuals);

    OK(iam_mfa_client_deactivate_mfa_device(client, "GAHT12345678", "bob"));
    OK(iam_mfa_client_delete_user(client, "bob"));
}

static void check_file_store(void)
{
    char dir[] = "/tmp/iam-mfa-c-XXXXXX";
    char path[64];
    iam_mfa_local_options options = {0};
    iam_mfa_client *writer = NULL;
    iam_mfa_client *reader = NULL;
    iam_mfa_user *user = NULL;
    const char *backend = NULL;
    const char *text = NULL;

    if (mkdtemp(dir) == NULL) {
        CHECK(!"mkdtemp");
        return;
    }
    snprintf(path, sizeof path, "%s/store.db", dir);
    options.path = path;
    options.account_id = "111122223333";

    OK(iam_mfa_client_new_local(&options, &writer));
    OK(iam_mfa_client_backend(writer, &backend));
    CHECK_STR(backend, "local");
    OK(iam_mfa_client_create_user(writer, "carol", NULL, &user));
    iam_mfa_user_free(user);
    iam_mfa_client_free(writer);

    user = NULL;
    OK(iam_mfa_client_new_local(&options, &reader));
    OK(iam_mfa_client_get_user(reader, "carol", &user));
    OK(iam_mfa_user_arn(user, &text));
    CHECK_STR(text, "arn:aws:iam::111122223333:user/carol");
    iam_mfa_user_free(user);
    iam_mfa_client_free(reader);

    unlink(path);
    rmdir(dir);
}

int main(void)
{
    iam_mfa_client *client = test_client_new();
    size_t seed_len = 0;
    uint8_t *seed;

    check_version();
    check_user(client);
    seed = create_device(client, &seed_len);
    check_unassigned_listing(client);
    enable(client, seed, seed_len);
    check_assigned(client);
    resync(client, seed, seed_len);
    check_tags(client);
    deactivate_and_delete(client);
    iam_mfa_bytes_free(seed, seed_len);

    if (test_is_local()) {
        check_hardware_token(client);
        check_file_store();
    }

    iam_mfa_client_free(client);
    return test_finish("lifecycle");
}
