/*
 * arguments.c: NULL and invalid UTF-8 for every pointer parameter of
 * every function. Each must give IAM_MFA_NULL_ARGUMENT or
 * IAM_MFA_INVALID_UTF8 with a message naming the parameter, write no
 * out-parameter, change nothing, and never crash. Parameters where NULL
 * means a default (paths, optional user names, markers, options) are
 * checked to take it.
 */
#include "harness.h"

/* Two bytes that are not UTF-8. */
#define BAD "\xff\xfe"

/* A pointer no call may write: out-parameters must keep it on failure. */
#define UNTOUCHED ((void *)0x5a5a)

#define NULL_ARG(parameter, call)                                        \
    do {                                                                 \
        if (EXPECT(IAM_MFA_NULL_ARGUMENT, call)) {                       \
            CHECK(test_message_has(parameter " must not be NULL"));      \
        }                                                                \
    } while (0)

#define BAD_UTF8(parameter, call)                                        \
    do {                                                                 \
        if (EXPECT(IAM_MFA_INVALID_UTF8, call)) {                        \
            CHECK(test_message_has(parameter " must be valid UTF-8"));   \
        }                                                                \
    } while (0)

#define SERIAL "arn:aws:iam::123456789012:mfa/args-phone"
#define CODE "123456"

static void check_client_constructors(void)
{
    iam_mfa_local_options local = {0};
    iam_mfa_aws_options aws = {0};
    iam_mfa_client *client = UNTOUCHED;
    const char **fields[] = {
        &aws.region, &aws.profile, &aws.endpoint_url, &aws.access_key_id,
        &aws.secret_access_key, &aws.session_token,
    };
    const char *names[] = {
        "options->region", "options->profile", "options->endpoint_url",
        "options->access_key_id", "options->secret_access_key",
        "options->session_token",
    };

    NULL_ARG("client_out", iam_mfa_client_new_local(NULL, NULL));
    NULL_ARG("client_out", iam_mfa_client_new_local(&local, NULL));
    local.path = BAD;
    BAD_UTF8("options->path", iam_mfa_client_new_local(&local, &client));
    local.path = NULL;
    local.account_id = BAD;
    BAD_UTF8("options->account_id",
             iam_mfa_client_new_local(&local, &client));
    CHECK(client == UNTOUCHED);

    NULL_ARG("client_out", iam_mfa_client_new_aws(NULL, NULL));
    NULL_ARG("client_out", iam_mfa_client_new_aws(&aws, NULL));
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        *fields[i] = BAD;
        EXPECT(IAM_MFA_INVALID_UTF8, iam_mfa_client_new_aws(&aws, &client));
        CHECK(test_message_has(names[i]));
        *fields[i] = NULL;
    }
    CHECK(client == UNTOUCHED);

    /* NULL options are the defaults. */
    client = NULL;
    OK(iam_mfa_client_new_local(NULL, &client));
    iam_mfa_client_free(client);
}

static void check_device_operations(iam_mfa_client *c)
{
    iam_mfa_tag good[] = {{"k", "v"}};
    iam_mfa_tag null_key[] = {{NULL, "v"}};
    iam_mfa_tag null_value[] = {{"k", NULL}};
    iam_mfa_tag bad_key[] = {{BAD, "v"}};
    iam_mfa_tag bad_value[] = {{"k", BAD}};
    const char *keys[] = {"k"};
    const char *null_keys[] = {NULL};
    const char *bad_keys[] = {BAD};
    iam_mfa_virtual_mfa_device *d = UNTOUCHED;
    iam_mfa_mfa_device_detail *detail = UNTOUCHED;
    iam_mfa_mfa_device_list *ml = UNTOUCHED;
    iam_mfa_virtual_mfa_device_list *vl = UNTOUCHED;
    iam_mfa_tag_list *tl = UNTOUCHED;
    const uint32_t any = IAM_MFA_ASSIGNMENT_STATUS_ANY;

    NULL_ARG("client", iam_mfa_client_create_virtual_mfa_device(
                           NULL, "d", NULL, good, 1, &d));
    NULL_ARG("virtual_mfa_device_name",
             iam_mfa_client_create_virtual_mfa_device(c, NULL, NULL, good,
                                                      1, &d));
    NULL_ARG("tags", iam_mfa_client_create_virtual_mfa_device(
                         c, "d", NULL, NULL, 1, &d));
    NULL_ARG("tags[].key", iam_mfa_client_create_virtual_mfa_device(
                               c, "d", NULL, null_key, 1, &d));
    NULL_ARG("tags[].value", iam_mfa_client_create_virtual_mfa_device(
                                 c, "d", NULL, null_value, 1, &d));
    NULL_ARG("device_out", iam_mfa_client_create_virtual_mfa_device(
                               c, "d", NULL, good, 1, NULL));
    BAD_UTF8("virtual_mfa_device_name",
             iam_mfa_client_create_virtual_mfa_device(c, BAD, NULL, good, 1,
                                                      &d));
    BAD_UTF8("path", iam_mfa_client_create_virtual_mfa_device(
                         c, "d", BAD, good, 1, &d));
    BAD_UTF8("tags[].key", iam_mfa_client_create_virtual_mfa_device(
                               c, "d", NULL, bad_key, 1, &d));
    BAD_UTF8("tags[].value", iam_mfa_client_create_virtual_mfa_device(
                                 c, "d", NULL, bad_value, 1, &d));
    CHECK(d == UNTOUCHED);

    NULL_ARG("client", iam_mfa_client_enable_mfa_device(NULL, "u", SERIAL,
                                                        CODE, CODE));
    NULL_ARG("user_name",
             iam_mfa_client_enable_mfa_device(c, NULL, SERIAL, CODE, CODE));
    NULL_ARG("serial_number",
             iam_mfa_client_enable_mfa_device(c, "u", NULL, CODE, CODE));
    NULL_ARG("authentication_code1",
             iam_mfa_client_enable_mfa_device(c, "u", SERIAL, NULL, CODE));
    NULL_ARG("authentication_code2",
             iam_mfa_client_enable_mfa_device(c, "u", SERIAL, CODE, NULL));
    BAD_UTF8("user_name",
             iam_mfa_client_enable_mfa_device(c, BAD, SERIAL, CODE, CODE));
    BAD_UTF8("serial_number",
             iam_mfa_client_enable_mfa_device(c, "u", BAD, CODE, CODE));
    BAD_UTF8("authentication_code1",
             iam_mfa_client_enable_mfa_device(c, "u", SERIAL, BAD, CODE));
    BAD_UTF8("authentication_code2",
             iam_mfa_client_enable_mfa_device(c, "u", SERIAL, CODE, BAD));

    NULL_ARG("client", iam_mfa_client_resync_mfa_device(NULL, "u", SERIAL,
                                                        CODE, CODE));
    NULL_ARG("user_name",
             iam_mfa_client_resync_mfa_device(c, NULL, SERIAL, CODE, CODE));
    NULL_ARG("serial_number",
             iam_mfa_client_resync_mfa_device(c, "u", NULL, CODE, CODE));
    NULL_ARG("authentication_code1",
             iam_mfa_client_resync_mfa_device(c, "u", SERIAL, NULL, CODE));
    NULL_ARG("authentication_code2",
             iam_mfa_client_resync_mfa_device(c, "u", SERIAL, CODE, NULL));
    BAD_UTF8("user_name",
             iam_mfa_client_resync_mfa_device(c, BAD, SERIAL, CODE, CODE));
    BAD_UTF8("serial_number",
             iam_mfa_client_resync_mfa_device(c, "u", BAD, CODE, CODE));
    BAD_UTF8("authentication_code1",
             iam_mfa_client_resync_mfa_device(c, "u", SERIAL, BAD, CODE));
    BAD_UTF8("authentication_code2",
             iam_mfa_client_resync_mfa_device(c, "u", SERIAL, CODE, BAD));

    NULL_ARG("client",
             iam_mfa_client_deactivate_mfa_device(NULL, SERIAL, "u"));
    NULL_ARG("serial_number",
             iam_mfa_client_deactivate_mfa_device(c, NULL, "u"));
    BAD_UTF8("serial_number",
             iam_mfa_client_deactivate_mfa_device(c, BAD, "u"));
    BAD_UTF8("user_name",
             iam_mfa_client_deactivate_mfa_device(c, SERIAL, BAD));

    NULL_ARG("client", iam_mfa_client_delete_virtual_mfa_device(NULL,
                                                                SERIAL));
    NULL_ARG("serial_number",
             iam_mfa_client_delete_virtual_mfa_device(c, NULL));
    BAD_UTF8("serial_number",
             iam_mfa_client_delete_virtual_mfa_device(c, BAD));

    NULL_ARG("client",
             iam_mfa_client_list_mfa_devices(NULL, "u", NULL, 0, &ml));
    NULL_ARG("list_out",
             iam_mfa_client_list_mfa_devices(c, "u", NULL, 0, NULL));
    BAD_UTF8("user_name",
             iam_mfa_client_list_mfa_devices(c, BAD, NULL, 0, &ml));
    BAD_UTF8("marker", iam_mfa_client_list_mfa_devices(c, "u", BAD, 0, &ml));
    NULL_ARG("client", iam_mfa_client_list_mfa_devices_all(NULL, "u", &ml));
    NULL_ARG("list_out", iam_mfa_client_list_mfa_devices_all(c, "u", NULL));
    BAD_UTF8("user_name", iam_mfa_client_list_mfa_devices_all(c, BAD, &ml));
    CHECK(ml == UNTOUCHED);

    NULL_ARG("client",
             iam_mfa_client_list_virtual_mfa_devices(NULL, any, NULL, 0,
                                                     &vl));
    NULL_ARG("list_out",
             iam_mfa_client_list_virtual_mfa_devices(c, any, NULL, 0, NULL));
    BAD_UTF8("marker",
             iam_mfa_client_list_virtual_mfa_devices(c, any, BAD, 0, &vl));
    NULL_ARG("client",
             iam_mfa_client_list_virtual_mfa_devices_all(NULL, any, &vl));
    NULL_ARG("list_out",
             iam_mfa_client_list_virtual_mfa_devices_all(c, any, NULL));
    CHECK(vl == UNTOUCHED);

    NULL_ARG("client",
             iam_mfa_client_get_mfa_device(NULL, SERIAL, NULL, &detail));
    NULL_ARG("serial_number",
             iam_mfa_client_get_mfa_device(c, NULL, NULL, &detail));
    NULL_ARG("detail_out",
             iam_mfa_client_get_mfa_device(c, SERIAL, NULL, NULL));
    BAD_UTF8("serial_number",
             iam_mfa_client_get_mfa_device(c, BAD, NULL, &detail));
    BAD_UTF8("user_name",
             iam_mfa_client_get_mfa_device(c, SERIAL, BAD, &detail));
    CHECK(detail == UNTOUCHED);

    NULL_ARG("client", iam_mfa_client_tag_mfa_device(NULL, SERIAL, good, 1));
    NULL_ARG("serial_number",
             iam_mfa_client_tag_mfa_device(c, NULL, good, 1));
    NULL_ARG("tags", iam_mfa_client_tag_mfa_device(c, SERIAL, NULL, 1));
    NULL_ARG("tags[].key",
             iam_mfa_client_tag_mfa_device(c, SERIAL, null_key, 1));
    NULL_ARG("tags[].value",
             iam_mfa_client_tag_mfa_device(c, SERIAL, null_value, 1));
    BAD_UTF8("serial_number", iam_mfa_client_tag_mfa_device(c, BAD, good, 1));
    BAD_UTF8("tags[].key",
             iam_mfa_client_tag_mfa_device(c, SERIAL, bad_key, 1));
    BAD_UTF8("tags[].value",
             iam_mfa_client_tag_mfa_device(c, SERIAL, bad_value, 1));

    NULL_ARG("client",
             iam_mfa_client_untag_mfa_device(NULL, SERIAL, keys, 1));
    NULL_ARG("serial_number",
             iam_mfa_client_untag_mfa_device(c, NULL, keys, 1));
    NULL_ARG("tag_keys", iam_mfa_client_untag_mfa_device(c, SERIAL, NULL, 1));
    NULL_ARG("tag_keys[]",
             iam_mfa_client_untag_mfa_device(c, SERIAL, null_keys, 1));
    BAD_UTF8("serial_number",
             iam_mfa_client_untag_mfa_device(c, BAD, keys, 1));
    BAD_UTF8("tag_keys[]",
             iam_mfa_client_untag_mfa_device(c, SERIAL, bad_keys, 1));

    NULL_ARG("client",
             iam_mfa_client_list_mfa_device_tags(NULL, SERIAL, NULL, 0, &tl));
    NULL_ARG("serial_number",
             iam_mfa_client_list_mfa_device_tags(c, NULL, NULL, 0, &tl));
    NULL_ARG("list_out",
             iam_mfa_client_list_mfa_device_tags(c, SERIAL, NULL, 0, NULL));
    BAD_UTF8("serial_number",
             iam_mfa_client_list_mfa_device_tags(c, BAD, NULL, 0, &tl));
    BAD_UTF8("marker",
             iam_mfa_client_list_mfa_device_tags(c, SERIAL, BAD, 0, &tl));
    NULL_ARG("client",
             iam_mfa_client_list_mfa_device_tags_all(NULL, SERIAL, &tl));
    NULL_ARG("serial_number",
             iam_mfa_client_list_mfa_device_tags_all(c, NULL, &tl));
    NULL_ARG("list_out",
             iam_mfa_client_list_mfa_device_tags_all(c, SERIAL, NULL));
    BAD_UTF8("serial_number",
             iam_mfa_client_list_mfa_device_tags_all(c, BAD, &tl));
    CHECK(tl == UNTOUCHED);
}

static void check_user_and_local_calls(iam_mfa_client *c)
{
    const uint8_t seed[] = "GEZDGNBVGY3TQOJQ";
    iam_mfa_user *user = UNTOUCHED;
    const char *backend = UNTOUCHED;

    NULL_ARG("client", iam_mfa_client_create_user(NULL, "u", NULL, &user));
    NULL_ARG("user_name", iam_mfa_client_create_user(c, NULL, NULL, &user));
    NULL_ARG("user_out", iam_mfa_client_create_user(c, "u", NULL, NULL));
    BAD_UTF8("user_name", iam_mfa_client_create_user(c, BAD, NULL, &user));
    BAD_UTF8("path", iam_mfa_client_create_user(c, "u", BAD, &user));
    NULL_ARG("client", iam_mfa_client_get_user(NULL, "u", &user));
    NULL_ARG("user_out", iam_mfa_client_get_user(c, "u", NULL));
    BAD_UTF8("user_name", iam_mfa_client_get_user(c, BAD, &user));
    NULL_ARG("client", iam_mfa_client_delete_user(NULL, "u"));
    NULL_ARG("user_name", iam_mfa_client_delete_user(c, NULL));
    BAD_UTF8("user_name", iam_mfa_client_delete_user(c, BAD));
    CHECK(user == UNTOUCHED);

    NULL_ARG("client", iam_mfa_client_backend(NULL, &backend));
    NULL_ARG("backend_out", iam_mfa_client_backend(c, NULL));
    CHECK(backend == UNTOUCHED);

    NULL_ARG("client", iam_mfa_client_register_hardware_token(
                           NULL, "GAHT00001", seed, 16));
    NULL_ARG("serial_number",
             iam_mfa_client_register_hardware_token(c, NULL, seed, 16));
    NULL_ARG("seed", iam_mfa_client_register_hardware_token(c, "GAHT00001",
                                                            NULL, 16));
    BAD_UTF8("serial_number",
             iam_mfa_client_register_hardware_token(c, BAD, seed, 16));
    NULL_ARG("client", iam_mfa_client_set_caller(NULL, "u"));
    BAD_UTF8("user_name", iam_mfa_client_set_caller(c, BAD));
    NULL_ARG("client", iam_mfa_client_set_time(NULL, 0));
    NULL_ARG("client", iam_mfa_client_advance_time(NULL, 0));
}

static void check_totp(void)
{
    const uint8_t seed[] = "GEZDGNBVGY3TQOJQ";
    char code1[IAM_MFA_TOTP_CODE_SIZE] = "keep";
    char code2[IAM_MFA_TOTP_CODE_SIZE] = "keep";

    NULL_ARG("seed", iam_mfa_totp_code_at(NULL, 16, 0, code1));
    NULL_ARG("code_out", iam_mfa_totp_code_at(seed, 16, 0, NULL));
    NULL_ARG("seed", iam_mfa_totp_enable_codes(NULL, 16, 0, code1, code2));
    NULL_ARG("code1_out",
             iam_mfa_totp_enable_codes(seed, 16, 0, NULL, code2));
    NULL_ARG("code2_out",
             iam_mfa_totp_enable_codes(seed, 16, 0, code1, NULL));
    EXPECT(IAM_MFA_INVALID_INPUT,
           iam_mfa_totp_code_at((const uint8_t *)BAD, 2, 0, code1));
    CHECK_STR(code1, "keep");
    CHECK_STR(code2, "keep");
}

/* Real results to call the getters on with NULL out-parameters. */
struct results {
    iam_mfa_user *user;
    iam_mfa_virtual_mfa_device *device;
    iam_mfa_mfa_device_list *devices;
    iam_mfa_virtual_mfa_device_list *virtuals;
    iam_mfa_mfa_device_detail *detail;
    iam_mfa_tag_list *tags;
    const iam_mfa_mfa_device *listed;
};

static void make_results(iam_mfa_client *c, struct results *r)
{
    iam_mfa_tag tag = {"k", "v"};
    char code1[IAM_MFA_TOTP_CODE_SIZE];
    char code2[IAM_MFA_TOTP_CODE_SIZE];
    uint8_t *seed = NULL;
    size_t seed_len = 0;

    OK(iam_mfa_client_create_user(c, "args-user", NULL, &r->user));
    OK(iam_mfa_client_create_virtual_mfa_device(c, "args-phone", NULL, &tag,
                                                1, &r->device));
    OK(iam_mfa_virtual_mfa_device_base32_string_seed(r->device, &seed,
                                                     &seed_len));
    OK(iam_mfa_totp_enable_codes(seed, seed_len, test_now(), code1, code2));
    iam_mfa_bytes_free(seed, seed_len);
    OK(iam_mfa_client_enable_mfa_device(c, "args-user", SERIAL, code1,
                                        code2));
    OK(iam_mfa_client_list_mfa_devices(c, "args-user", NULL, 0,
                                       &r->devices));
    OK(iam_mfa_mfa_device_list_get(r->devices, 0, &r->listed));
    OK(iam_mfa_client_list_virtual_mfa_devices(
        c, IAM_MFA_ASSIGNMENT_STATUS_ANY, NULL, 0, &r->virtuals));
    OK(iam_mfa_client_get_mfa_device(c, SERIAL, NULL, &r->detail));
    OK(iam_mfa_client_list_mfa_device_tags(c, SERIAL, NULL, 0, &r->tags));
}

static void free_results(iam_mfa_client *c, struct results *r)
{
    iam_mfa_user_free(r->user);
    iam_mfa_virtual_mfa_device_free(r->device);
    iam_mfa_mfa_device_list_free(r->devices);
    iam_mfa_virtual_mfa_device_list_free(r->virtuals);
    iam_mfa_mfa_device_detail_free(r->detail);
    iam_mfa_tag_list_free(r->tags);
    OK(iam_mfa_client_deactivate_mfa_device(c, SERIAL, "args-user"));
    OK(iam_mfa_client_delete_virtual_mfa_device(c, SERIAL));
    OK(iam_mfa_client_delete_user(c, "args-user"));
}

static void check_getters(const struct results *r)
{
    const char *text = UNTOUCHED;
    const iam_mfa_user *user = UNTOUCHED;
    const iam_mfa_tag *tags = UNTOUCHED;
    const iam_mfa_certification *certs = UNTOUCHED;
    const iam_mfa_mfa_device *device = UNTOUCHED;
    const iam_mfa_virtual_mfa_device *virtual_device = UNTOUCHED;
    uint8_t *bytes = UNTOUCHED;
    int64_t seconds = 7;
    size_t len = 7;
    bool flag = true;

    NULL_ARG("user", iam_mfa_user_user_name(NULL, &text));
    NULL_ARG("user_name_out", iam_mfa_user_user_name(r->user, NULL));
    NULL_ARG("user", iam_mfa_user_path(NULL, &text));
    NULL_ARG("path_out", iam_mfa_user_path(r->user, NULL));
    NULL_ARG("user", iam_mfa_user_user_id(NULL, &text));
    NULL_ARG("user_id_out", iam_mfa_user_user_id(r->user, NULL));
    NULL_ARG("user", iam_mfa_user_arn(NULL, &text));
    NULL_ARG("arn_out", iam_mfa_user_arn(r->user, NULL));
    NULL_ARG("user", iam_mfa_user_create_date(NULL, &seconds));
    NULL_ARG("unix_seconds_out", iam_mfa_user_create_date(r->user, NULL));

    NULL_ARG("device", iam_mfa_virtual_mfa_device_serial_number(NULL, &text));
    NULL_ARG("serial_number_out",
             iam_mfa_virtual_mfa_device_serial_number(r->device, NULL));
    NULL_ARG("device",
             iam_mfa_virtual_mfa_device_base32_string_seed(NULL, &bytes,
                                                           &len));
    NULL_ARG("seed_out", iam_mfa_virtual_mfa_device_base32_string_seed(
                             r->device, NULL, &len));
    NULL_ARG("seed_len_out", iam_mfa_virtual_mfa_device_base32_string_seed(
                                 r->device, &bytes, NULL));
    NULL_ARG("device",
             iam_mfa_virtual_mfa_device_qr_code_png(NULL, &bytes, &len));
    NULL_ARG("png_out",
             iam_mfa_virtual_mfa_device_qr_code_png(r->device, NULL, &len));
    NULL_ARG("png_len_out",
             iam_mfa_virtual_mfa_device_qr_code_png(r->device, &bytes,
                                                    NULL));
    NULL_ARG("device", iam_mfa_virtual_mfa_device_user(NULL, &user));
    NULL_ARG("user_out", iam_mfa_virtual_mfa_device_user(r->device, NULL));
    NULL_ARG("device",
             iam_mfa_virtual_mfa_device_enable_date(NULL, &flag, &seconds));
    NULL_ARG("present_out", iam_mfa_virtual_mfa_device_enable_date(
                                r->device, NULL, &seconds));
    NULL_ARG("unix_seconds_out", iam_mfa_virtual_mfa_device_enable_date(
                                     r->device, &flag, NULL));
    NULL_ARG("device", iam_mfa_virtual_mfa_device_tags(NULL, &tags, &len));
    NULL_ARG("tags_out",
             iam_mfa_virtual_mfa_device_tags(r->device, NULL, &len));
    NULL_ARG("tags_len_out",
             iam_mfa_virtual_mfa_device_tags(r->device, &tags, NULL));

    NULL_ARG("device", iam_mfa_mfa_device_user_name(NULL, &text));
    NULL_ARG("user_name_out", iam_mfa_mfa_device_user_name(r->listed, NULL));
    NULL_ARG("device", iam_mfa_mfa_device_serial_number(NULL, &text));
    NULL_ARG("serial_number_out",
             iam_mfa_mfa_device_serial_number(r->listed, NULL));
    NULL_ARG("device",
             iam_mfa_mfa_device_enable_date(NULL, &flag, &seconds));
    NULL_ARG("present_out",
             iam_mfa_mfa_device_enable_date(r->listed, NULL, &seconds));
    NULL_ARG("unix_seconds_out",
             iam_mfa_mfa_device_enable_date(r->listed, &flag, NULL));

    NULL_ARG("detail", iam_mfa_mfa_device_detail_user_name(NULL, &text));
    NULL_ARG("user_name_out",
             iam_mfa_mfa_device_detail_user_name(r->detail, NULL));
    NULL_ARG("detail", iam_mfa_mfa_device_detail_serial_number(NULL, &text));
    NULL_ARG("serial_number_out",
             iam_mfa_mfa_device_detail_serial_number(r->detail, NULL));
    NULL_ARG("detail",
             iam_mfa_mfa_device_detail_enable_date(NULL, &flag, &seconds));
    NULL_ARG("present_out", iam_mfa_mfa_device_detail_enable_date(
                                r->detail, NULL, &seconds));
    NULL_ARG("unix_seconds_out", iam_mfa_mfa_device_detail_enable_date(
                                     r->detail, &flag, NULL));
    NULL_ARG("detail",
             iam_mfa_mfa_device_detail_certifications(NULL, &certs, &len));
    NULL_ARG("certifications_out", iam_mfa_mfa_device_detail_certifications(
                                       r->detail, NULL, &len));
    NULL_ARG("certifications_len_out",
             iam_mfa_mfa_device_detail_certifications(r->detail, &certs,
                                                      NULL));

    NULL_ARG("list", iam_mfa_mfa_device_list_len(NULL, &len));
    NULL_ARG("len_out", iam_mfa_mfa_device_list_len(r->devices, NULL));
    NULL_ARG("list", iam_mfa_mfa_device_list_get(NULL, 0, &device));
    NULL_ARG("device_out", iam_mfa_mfa_device_list_get(r->devices, 0, NULL));
    NULL_ARG("list", iam_mfa_mfa_device_list_is_truncated(NULL, &flag));
    NULL_ARG("is_truncated_out",
             iam_mfa_mfa_device_list_is_truncated(r->devices, NULL));
    NULL_ARG("list", iam_mfa_mfa_device_list_marker(NULL, &text));
    NULL_ARG("marker_out", iam_mfa_mfa_device_list_marker(r->devices, NULL));

    NULL_ARG("list", iam_mfa_virtual_mfa_device_list_len(NULL, &len));
    NULL_ARG("len_out",
             iam_mfa_virtual_mfa_device_list_len(r->virtuals, NULL));
    NULL_ARG("list",
             iam_mfa_virtual_mfa_device_list_get(NULL, 0, &virtual_device));
    NULL_ARG("device_out",
             iam_mfa_virtual_mfa_device_list_get(r->virtuals, 0, NULL));
    NULL_ARG("list",
             iam_mfa_virtual_mfa_device_list_is_truncated(NULL, &flag));
    NULL_ARG("is_truncated_out",
             iam_mfa_virtual_mfa_device_list_is_truncated(r->virtuals,
                                                          NULL));
    NULL_ARG("list", iam_mfa_virtual_mfa_device_list_marker(NULL, &text));
    NULL_ARG("marker_out",
             iam_mfa_virtual_mfa_device_list_marker(r->virtuals, NULL));

    NULL_ARG("list", iam_mfa_tag_list_tags(NULL, &tags, &len));
    NULL_ARG("tags_out", iam_mfa_tag_list_tags(r->tags, NULL, &len));
    NULL_ARG("tags_len_out", iam_mfa_tag_list_tags(r->tags, &tags, NULL));
    NULL_ARG("list", iam_mfa_tag_list_is_truncated(NULL, &flag));
    NULL_ARG("is_truncated_out", iam_mfa_tag_list_is_truncated(r->tags,
                                                               NULL));
    NULL_ARG("list", iam_mfa_tag_list_marker(NULL, &text));
    NULL_ARG("marker_out", iam_mfa_tag_list_marker(r->tags, NULL));

    CHECK(text == UNTOUCHED && user == UNTOUCHED && tags == UNTOUCHED);
    CHECK(certs == UNTOUCHED && device == UNTOUCHED);
    CHECK(virtual_device == UNTOUCHED && bytes == UNTOUCHED);
    CHECK(seconds == 7 && len == 7 && flag);
}

static void check_frees_accept_null(void)
{
    iam_mfa_client_free(NULL);
    iam_mfa_user_free(NULL);
    iam_mfa_virtual_mfa_device_free(NULL);
    iam_mfa_mfa_device_detail_free(NULL);
    iam_mfa_mfa_device_list_free(NULL);
    iam_mfa_virtual_mfa_device_list_free(NULL);
    iam_mfa_tag_list_free(NULL);
    iam_mfa_bytes_free(NULL, 0);
    iam_mfa_bytes_free(NULL, 64);
    CHECK(true);
}

/* Nothing that failed above may have changed the backend. */
static void check_nothing_changed(iam_mfa_client *c)
{
    iam_mfa_virtual_mfa_device_list *list = NULL;
    iam_mfa_user *user = UNTOUCHED;
    size_t len = 1;

    OK(iam_mfa_client_list_virtual_mfa_devices_all(
        c, IAM_MFA_ASSIGNMENT_STATUS_ANY, &list));
    OK(iam_mfa_virtual_mfa_device_list_len(list, &len));
    CHECK(len == 0);
    iam_mfa_virtual_mfa_device_list_free(list);
    EXPECT(IAM_MFA_NO_SUCH_ENTITY, iam_mfa_client_get_user(c, "u", &user));
}

int main(void)
{
    iam_mfa_client *client = test_client_new();
    struct results results = {0};

    check_client_constructors();
    check_device_operations(client);
    check_user_and_local_calls(client);
    check_totp();
    make_results(client, &results);
    check_getters(&results);
    free_results(client, &results);
    check_frees_accept_null();
    check_nothing_changed(client);

    iam_mfa_client_free(client);
    return test_finish("arguments");
}
