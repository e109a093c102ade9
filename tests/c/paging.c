/*
 * paging.c: lists page by page (marker in, marker out) and all at once,
 * for the three list operations; the pages must add up to the whole
 * list, in order, with IsTruncated true exactly when more follow.
 */
#include "harness.h"

#define DEVICES 25
#define TAGS 30
#define USER_DEVICES 8

static void make_devices(iam_mfa_client *client, uint8_t **seeds,
                         size_t *seed_lens, char serials[][128])
{
    for (int i = 0; i < DEVICES; i++) {
        iam_mfa_virtual_mfa_device *device = NULL;
        const char *serial = NULL;
        char name[32];

        snprintf(name, sizeof name, "page-%02d", i);
        OK(iam_mfa_client_create_virtual_mfa_device(client, name, NULL, NULL,
                                                    0, &device));
        OK(iam_mfa_virtual_mfa_device_serial_number(device, &serial));
        snprintf(serials[i], 128, "%s", serial != NULL ? serial : "");
        OK(iam_mfa_virtual_mfa_device_base32_string_seed(device, &seeds[i],
                                                         &seed_lens[i]));
        iam_mfa_virtual_mfa_device_free(device);
    }
}

static void check_virtual_pages(iam_mfa_client *client,
                                char serials[][128])
{
    iam_mfa_virtual_mfa_device_list *all = NULL;
    char marker[1024] = "";
    size_t seen = 0;
    int pages = 0;
    bool more = true;

    while (more) {
        iam_mfa_virtual_mfa_device_list *page = NULL;
        const char *next = NULL;
        size_t len = 0;

        if (!OK(iam_mfa_client_list_virtual_mfa_devices(
                client, IAM_MFA_ASSIGNMENT_STATUS_ANY,
                pages == 0 ? NULL : marker, 10, &page))) {
            return;
        }
        pages++;
        OK(iam_mfa_virtual_mfa_device_list_len(page, &len));
        CHECK(len == (pages < 3 ? 10u : 5u));
        for (size_t i = 0; i < len && seen < DEVICES; i++, seen++) {
            const iam_mfa_virtual_mfa_device *device = NULL;
            const char *serial = NULL;

            OK(iam_mfa_virtual_mfa_device_list_get(page, i, &device));
            OK(iam_mfa_virtual_mfa_device_serial_number(device, &serial));
            CHECK_STR(serial, serials[seen]);
        }
        OK(iam_mfa_virtual_mfa_device_list_is_truncated(page, &more));
        OK(iam_mfa_virtual_mfa_device_list_marker(page, &next));
        CHECK(more == (next != NULL));
        if (next != NULL) {
            snprintf(marker, sizeof marker, "%s", next);
        }
        iam_mfa_virtual_mfa_device_list_free(page);
        if (pages > 5) {
            CHECK(!"too many pages");
            break;
        }
    }
    CHECK(pages == 3 && seen == DEVICES);

    OK(iam_mfa_client_list_virtual_mfa_devices_all(
        client, IAM_MFA_ASSIGNMENT_STATUS_UNASSIGNED, &all));
    {
        const char *marker_out = "unset";
        bool truncated = true;
        size_t len = 0;

        OK(iam_mfa_virtual_mfa_device_list_len(all, &len));
        CHECK(len == DEVICES);
        for (size_t i = 0; i < len && i < DEVICES; i++) {
            const iam_mfa_virtual_mfa_device *device = NULL;
            const char *serial = NULL;

            OK(iam_mfa_virtual_mfa_device_list_get(all, i, &device));
            OK(iam_mfa_virtual_mfa_device_serial_number(device, &serial));
            CHECK_STR(serial, serials[i]);
        }
        OK(iam_mfa_virtual_mfa_device_list_is_truncated(all, &truncated));
        OK(iam_mfa_virtual_mfa_device_list_marker(all, &marker_out));
        CHECK(!truncated && marker_out == NULL);
    }
    iam_mfa_virtual_mfa_device_list_free(all);
}

static void check_tag_pages(iam_mfa_client *client, const char *serial)
{
    iam_mfa_tag tags[TAGS];
    char keys[TAGS][16];
    iam_mfa_tag_list *all = NULL;
    char marker[1024] = "";
    size_t seen = 0;
    int pages = 0;
    bool more = true;

    for (int i = 0; i < TAGS; i++) {
        snprintf(keys[i], sizeof keys[i], "key-%02d", i);
        tags[i].key = keys[i];
        tags[i].value = "value";
    }
    OK(iam_mfa_client_tag_mfa_device(client, serial, tags, TAGS));

    while (more && pages < 10) {
        iam_mfa_tag_list *page = NULL;
        const iam_mfa_tag *got = NULL;
        const char *next = NULL;
        size_t len = 0;

        if (!OK(iam_mfa_client_list_mfa_device_tags(
                client, serial, pages == 0 ? NULL : marker, 7, &page))) {
            return;
        }
        pages++;
        OK(iam_mfa_tag_list_tags(page, &got, &len));
        CHECK(len == (pages < 5 ? 7u : 2u));
        for (size_t i = 0; i < len && seen < TAGS; i++, seen++) {
            CHECK_STR(got[i].key, keys[seen]);
        }
        OK(iam_mfa_tag_list_is_truncated(page, &more));
        OK(iam_mfa_tag_list_marker(page, &next));
        CHECK(more == (next != NULL));
        if (next != NULL) {
            snprintf(marker, sizeof marker, "%s", next);
        }
        iam_mfa_tag_list_free(page);
    }
    CHECK(pages == 5 && seen == TAGS);

    OK(iam_mfa_client_list_mfa_device_tags_all(client, serial, &all));
    {
        const iam_mfa_tag *got = NULL;
        size_t len = 0;

        OK(iam_mfa_tag_list_tags(all, &got, &len));
        CHECK(len == TAGS);
        if (len == TAGS) {
            CHECK_STR(got[0].key, "key-00");
            CHECK_STR(got[TAGS - 1].key, "key-29");
        }
    }
    iam_mfa_tag_list_free(all);
}

static void check_user_pages(iam_mfa_client *client, uint8_t **seeds,
                             size_t *seed_lens, char serials[][128])
{
    iam_mfa_mfa_device_list *page = NULL;
    iam_mfa_mfa_device_list *all = NULL;
    iam_mfa_user *user = NULL;
    const char *marker = NULL;
    char saved[1024] = "";
    size_t len = 0;
    bool more = false;

    OK(iam_mfa_client_create_user(client, "pat", NULL, &user));
    iam_mfa_user_free(user);
    for (int i = 0; i < USER_DEVICES; i++) {
        char code1[IAM_MFA_TOTP_CODE_SIZE];
        char code2[IAM_MFA_TOTP_CODE_SIZE];

        OK(iam_mfa_totp_enable_codes(seeds[i], seed_lens[i], test_now(),
                                     code1, code2));
        OK(iam_mfa_client_enable_mfa_device(client, "pat", serials[i], code1,
                                            code2));
    }

    OK(iam_mfa_client_list_mfa_devices(client, "pat", NULL, 5, &page));
    OK(iam_mfa_mfa_device_list_len(page, &len));
    CHECK(len == 5);
    OK(iam_mfa_mfa_device_list_is_truncated(page, &more));
    OK(iam_mfa_mfa_device_list_marker(page, &marker));
    CHECK(more && marker != NULL);
    snprintf(saved, sizeof saved, "%s", marker != NULL ? marker : "");
    iam_mfa_mfa_device_list_free(page);

    page = NULL;
    OK(iam_mfa_client_list_mfa_devices(client, "pat", saved, 5, &page));
    OK(iam_mfa_mfa_device_list_len(page, &len));
    CHECK(len == USER_DEVICES - 5);
    OK(iam_mfa_mfa_device_list_is_truncated(page, &more));
    OK(iam_mfa_mfa_device_list_marker(page, &marker));
    CHECK(!more && marker == NULL);
    iam_mfa_mfa_device_list_free(page);

    OK(iam_mfa_client_list_mfa_devices_all(client, "pat", &all));
    OK(iam_mfa_mfa_device_list_len(all, &len));
    CHECK(len == USER_DEVICES);
    iam_mfa_mfa_device_list_free(all);

    /* A page exactly as long as the list says nothing follows. */
    all = NULL;
    OK(iam_mfa_client_list_mfa_devices(client, "pat", NULL, USER_DEVICES,
                                       &all));
    OK(iam_mfa_mfa_device_list_is_truncated(all, &more));
    CHECK(!more);
    iam_mfa_mfa_device_list_free(all);
}

int main(void)
{
    iam_mfa_client *client = test_client_new();
    char serials[DEVICES][128];
    uint8_t *seeds[DEVICES] = {0};
    size_t seed_lens[DEVICES] = {0};

    make_devices(client, seeds, seed_lens, serials);
    check_virtual_pages(client, serials);
    check_tag_pages(client, serials[DEVICES - 1]);
    check_user_pages(client, seeds, seed_lens, serials);

    for (int i = 0; i < DEVICES; i++) {
        iam_mfa_bytes_free(seeds[i], seed_lens[i]);
    }
    iam_mfa_client_free(client);
    return test_finish("paging");
}
