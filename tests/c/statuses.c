/*
 * statuses.c: every status the backend under test can produce, with the
 * message, AWS code and request id of the last error; the last error's
 * life (cleared by the next call, kept by readers and frees); and
 * out-parameters left untouched by failing calls.
 */
#include "harness.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#define SERIAL "arn:aws:iam::123456789012:mfa/s-phone"

/* A pointer no call may write: out-parameters must keep it on failure. */
#define UNTOUCHED ((void *)0x5a5a)

/* Creates user `user` and enables a new device `device` for it. */
static void enabled_device(iam_mfa_client *client, const char *user,
                           const char *device, char *serial, size_t size)
{
    iam_mfa_virtual_mfa_device *created = NULL;
    iam_mfa_user *made = NULL;
    const char *text = NULL;
    char code1[IAM_MFA_TOTP_CODE_SIZE];
    char code2[IAM_MFA_TOTP_CODE_SIZE];
    uint8_t *seed = NULL;
    size_t seed_len = 0;

    OK(iam_mfa_client_create_user(client, user, NULL, &made));
    iam_mfa_user_free(made);
    OK(iam_mfa_client_create_virtual_mfa_device(client, device, NULL, NULL,
                                                0, &created));
    OK(iam_mfa_virtual_mfa_device_serial_number(created, &text));
    snprintf(serial, size, "%s", text);
    OK(iam_mfa_virtual_mfa_device_base32_string_seed(created, &seed,
                                                     &seed_len));
    OK(iam_mfa_totp_enable_codes(seed, seed_len, test_now(), code1, code2));
    OK(iam_mfa_client_enable_mfa_device(client, user, serial, code1,
                                        code2));
    iam_mfa_bytes_free(seed, seed_len);
    iam_mfa_virtual_mfa_device_free(created);
}

static void check_no_such_entity(iam_mfa_client *client)
{
    iam_mfa_user *user = UNTOUCHED;
    iam_mfa_mfa_device_detail *detail = UNTOUCHED;

    EXPECT(IAM_MFA_NO_SUCH_ENTITY,
           iam_mfa_client_get_user(client, "nobody", &user));
    CHECK(user == UNTOUCHED);
    CHECK(test_message_has("iam_mfa_client_get_user"));
    CHECK(test_message_has("The user with name nobody cannot be found."));
    CHECK_STR(iam_mfa_last_error_code(), "NoSuchEntity");
    CHECK(iam_mfa_last_error_status() == IAM_MFA_NO_SUCH_ENTITY);
    if (test_is_local()) {
        CHECK(iam_mfa_last_error_request_id() == NULL);
    } else {
        CHECK(iam_mfa_last_error_request_id() != NULL);
    }

    /* Reading the last error again, or freeing, does not clear it. */
    iam_mfa_user_free(NULL);
    CHECK_STR(iam_mfa_last_error_code(), "NoSuchEntity");

    EXPECT(IAM_MFA_NO_SUCH_ENTITY,
           iam_mfa_client_get_mfa_device(client, SERIAL, NULL, &detail));
    CHECK(detail == UNTOUCHED);
    CHECK(test_message_has("does not exist"));
    EXPECT(IAM_MFA_NO_SUCH_ENTITY,
           iam_mfa_client_delete_virtual_mfa_device(client, SERIAL));
    EXPECT(IAM_MFA_NO_SUCH_ENTITY,
           iam_mfa_client_delete_user(client, "nobody"));
}

static void check_conflicts(iam_mfa_client *client)
{
    iam_mfa_virtual_mfa_device *device = UNTOUCHED;
    iam_mfa_user *user = UNTOUCHED;
    char serial[256];
    char code1[IAM_MFA_TOTP_CODE_SIZE];
    char code2[IAM_MFA_TOTP_CODE_SIZE];

    enabled_device(client, "sam", "s-phone", serial, sizeof serial);

    EXPECT(IAM_MFA_ENTITY_ALREADY_EXISTS,
           iam_mfa_client_create_user(client, "sam", NULL, &user));
    CHECK(user == UNTOUCHED);
    EXPECT(IAM_MFA_ENTITY_ALREADY_EXISTS,
           iam_mfa_client_create_virtual_mfa_device(client, "s-phone", "/x/",
                                                    NULL, 0, &device));
    CHECK(device == UNTOUCHED);
    CHECK(test_message_has("MFA device already exists."));
    CHECK_STR(iam_mfa_last_error_code(), "EntityAlreadyExists");

    OK(iam_mfa_totp_enable_codes(
        (const uint8_t *)"GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", 32, test_now(),
        code1, code2));
    EXPECT(IAM_MFA_ENTITY_ALREADY_EXISTS,
           iam_mfa_client_enable_mfa_device(client, "sam", serial, code1,
                                            code2));

    EXPECT(IAM_MFA_DELETE_CONFLICT,
           iam_mfa_client_delete_virtual_mfa_device(client, serial));
    CHECK_STR(iam_mfa_last_error_code(), "DeleteConflict");
    EXPECT(IAM_MFA_DELETE_CONFLICT,
           iam_mfa_client_delete_user(client, "sam"));
    CHECK(test_message_has("must delete MFA device first"));

    OK(iam_mfa_client_deactivate_mfa_device(client, serial, "sam"));
    OK(iam_mfa_client_delete_virtual_mfa_device(client, serial));
    OK(iam_mfa_client_delete_user(client, "sam"));
}

static void check_invalid_authentication_code(iam_mfa_client *client)
{
    iam_mfa_virtual_mfa_device *device = NULL;
    iam_mfa_user *user = NULL;
    const char *serial = NULL;
    char code1[IAM_MFA_TOTP_CODE_SIZE];
    char code2[IAM_MFA_TOTP_CODE_SIZE];
    uint8_t *seed = NULL;
    size_t seed_len = 0;

    OK(iam_mfa_client_create_user(client, "ivan", NULL, &user));
    iam_mfa_user_free(user);
    OK(iam_mfa_client_create_virtual_mfa_device(client, "ivan-phone", NULL,
                                                NULL, 0, &device));
    OK(iam_mfa_virtual_mfa_device_serial_number(device, &serial));
    OK(iam_mfa_virtual_mfa_device_base32_string_seed(device, &seed,
                                                     &seed_len));

    /* Codes of an hour ago, and the same code twice. */
    OK(iam_mfa_totp_enable_codes(seed, seed_len, test_now() - 3600, code1,
                                 code2));
    EXPECT(IAM_MFA_INVALID_AUTHENTICATION_CODE,
           iam_mfa_client_enable_mfa_device(client, "ivan", serial, code1,
                                            code2));
    CHECK_STR(iam_mfa_last_error_code(), "InvalidAuthenticationCode");
    OK(iam_mfa_totp_code_at(seed, seed_len, test_now(), code1));
    EXPECT(IAM_MFA_INVALID_AUTHENTICATION_CODE,
           iam_mfa_client_enable_mfa_device(client, "ivan", serial, code1,
                                            code1));

    OK(iam_mfa_client_delete_virtual_mfa_device(client, serial));
    OK(iam_mfa_client_delete_user(client, "ivan"));
    iam_mfa_bytes_free(seed, seed_len);
    iam_mfa_virtual_mfa_device_free(device);
}

static void check_invalid_input(iam_mfa_client *client)
{
    iam_mfa_virtual_mfa_device *device = UNTOUCHED;
    iam_mfa_virtual_mfa_device_list *list = UNTOUCHED;
    iam_mfa_tag_list *tags = UNTOUCHED;
    iam_mfa_tag reserved = {"aws:reserved", "x"};
    char code[IAM_MFA_TOTP_CODE_SIZE] = "keep";

    EXPECT(IAM_MFA_INVALID_INPUT,
           iam_mfa_client_create_virtual_mfa_device(client, "d", "noslash",
                                                    NULL, 0, &device));
    CHECK(device == UNTOUCHED);
    CHECK(test_message_has("The specified value for path is invalid."));
    CHECK_STR(iam_mfa_last_error_code(), "ValidationError");

    EXPECT(IAM_MFA_INVALID_INPUT,
           iam_mfa_client_create_virtual_mfa_device(client, "d", NULL,
                                                    &reserved, 1, &device));
    EXPECT(IAM_MFA_INVALID_INPUT,
           iam_mfa_client_list_virtual_mfa_devices(
               client, IAM_MFA_ASSIGNMENT_STATUS_ANY, "bogus", 0, &list));
    CHECK(test_message_has("Invalid Marker."));
    EXPECT(IAM_MFA_INVALID_INPUT,
           iam_mfa_client_list_virtual_mfa_devices(
               client, IAM_MFA_ASSIGNMENT_STATUS_ANY, NULL, 1001, &list));
    EXPECT(IAM_MFA_INVALID_INPUT,
           iam_mfa_client_list_virtual_mfa_devices(client, 7, NULL, 0,
                                                   &list));
    CHECK(test_message_has("assignment_status"));
    CHECK(list == UNTOUCHED);
    EXPECT(IAM_MFA_INVALID_INPUT,
           iam_mfa_client_list_mfa_device_tags(client, "short", NULL, 0,
                                               &tags));
    CHECK(tags == UNTOUCHED);
    EXPECT(IAM_MFA_INVALID_INPUT,
           iam_mfa_client_enable_mfa_device(client, "u", SERIAL, "12345",
                                            "123456"));
    EXPECT(IAM_MFA_INVALID_INPUT,
           iam_mfa_totp_code_at((const uint8_t *)"not base32!", 11, 0,
                                code));
    EXPECT(IAM_MFA_INVALID_INPUT,
           iam_mfa_totp_code_at((const uint8_t *)"GEZDGNBV", 8, -1, code));
    CHECK_STR(code, "keep");

    /* A list index past the end. */
    list = NULL;
    OK(iam_mfa_client_list_virtual_mfa_devices_all(
        client, IAM_MFA_ASSIGNMENT_STATUS_ANY, &list));
    {
        const iam_mfa_virtual_mfa_device *item = UNTOUCHED;

        EXPECT(IAM_MFA_INVALID_INPUT,
               iam_mfa_virtual_mfa_device_list_get(list, 1000, &item));
        CHECK(item == UNTOUCHED);
        CHECK(test_message_has("past the end"));
    }
    iam_mfa_virtual_mfa_device_list_free(list);
}

static void check_local_only_calls(iam_mfa_client *client)
{
    const uint8_t seed[] = "GEZDGNBVGY3TQOJQ";
    iam_mfa_client *system_clock = NULL;

    if (!test_is_local()) {
        EXPECT(IAM_MFA_INVALID_INPUT,
               iam_mfa_client_set_caller(client, "x"));
        CHECK(test_message_has("local emulator"));
        EXPECT(IAM_MFA_INVALID_INPUT,
               iam_mfa_client_register_hardware_token(client, "GAHT00001", seed,
                                                      16));
        EXPECT(IAM_MFA_INVALID_INPUT, iam_mfa_client_set_time(client, 0));
        EXPECT(IAM_MFA_INVALID_INPUT,
               iam_mfa_client_advance_time(client, 1));
        return;
    }

    EXPECT(IAM_MFA_NO_SUCH_ENTITY,
           iam_mfa_client_set_caller(client, "nobody"));
    EXPECT(IAM_MFA_INVALID_INPUT, iam_mfa_client_set_time(client, -5));
    EXPECT(IAM_MFA_INVALID_INPUT, iam_mfa_client_advance_time(client, -5));
    EXPECT(IAM_MFA_INVALID_INPUT,
           iam_mfa_client_register_hardware_token(client, "arn:aws:x", seed,
                                                  16));
    OK(iam_mfa_client_register_hardware_token(client, "GAHT00001", seed, 16));
    EXPECT(IAM_MFA_ENTITY_ALREADY_EXISTS,
           iam_mfa_client_register_hardware_token(client, "GAHT00001", seed,
                                                  16));

    OK(iam_mfa_client_new_local(NULL, &system_clock));
    EXPECT(IAM_MFA_INVALID_INPUT,
           iam_mfa_client_set_time(system_clock, 1700000000));
    CHECK(test_message_has("follows the system"));
    iam_mfa_client_free(system_clock);
}

static void check_limits(void)
{
    iam_mfa_local_options options = {0};
    iam_mfa_virtual_mfa_device *device = NULL;
    iam_mfa_client *client = NULL;
    char serial[256];

    if (!test_is_local()) {
        return;
    }
    options.max_virtual_mfa_devices = 2;
    options.max_mfa_devices_per_user = 1;
    options.manual_clock = true;
    options.manual_clock_unix_seconds = TEST_CLOCK_START;
    OK(iam_mfa_client_new_local(&options, &client));

    enabled_device(client, "lee", "lee-1", serial, sizeof serial);
    OK(iam_mfa_client_create_virtual_mfa_device(client, "lee-2", NULL, NULL,
                                                0, &device));
    {
        const char *second = NULL;
        uint8_t *seed = NULL;
        size_t seed_len = 0;
        char code1[IAM_MFA_TOTP_CODE_SIZE];
        char code2[IAM_MFA_TOTP_CODE_SIZE];

        OK(iam_mfa_virtual_mfa_device_serial_number(device, &second));
        OK(iam_mfa_virtual_mfa_device_base32_string_seed(device, &seed,
                                                         &seed_len));
        OK(iam_mfa_totp_enable_codes(seed, seed_len, test_now(), code1,
                                     code2));
        EXPECT(IAM_MFA_LIMIT_EXCEEDED,
               iam_mfa_client_enable_mfa_device(client, "lee", second,
                                                code1, code2));
        CHECK_STR(iam_mfa_last_error_code(), "LimitExceeded");
        iam_mfa_bytes_free(seed, seed_len);
    }
    iam_mfa_virtual_mfa_device_free(device);

    device = UNTOUCHED;
    EXPECT(IAM_MFA_LIMIT_EXCEEDED,
           iam_mfa_client_create_virtual_mfa_device(client, "lee-3", NULL,
                                                    NULL, 0, &device));
    CHECK(device == UNTOUCHED);
    iam_mfa_client_free(client);
}

static void check_storage(void)
{
    char path[] = "/tmp/iam-mfa-c-garbage-XXXXXX";
    iam_mfa_local_options options = {0};
    iam_mfa_client *client = UNTOUCHED;
    int fd;

    if (!test_is_local()) {
        return;
    }
    options.path = "/nonexistent-directory/store.db";
    EXPECT(IAM_MFA_STORAGE, iam_mfa_client_new_local(&options, &client));
    CHECK(client == UNTOUCHED);
    CHECK(iam_mfa_last_error_code() == NULL);

    fd = mkstemp(path);
    CHECK(fd >= 0);
    if (fd >= 0) {
        const char garbage[] = "this is not a SQLite database, not at all";

        CHECK(write(fd, garbage, sizeof garbage) == (ssize_t)sizeof garbage);
        close(fd);
        options.path = path;
        EXPECT(IAM_MFA_STORAGE, iam_mfa_client_new_local(&options, &client));
        unlink(path);
    }

    options.path = NULL;
    options.account_id = "12345";
    EXPECT(IAM_MFA_INVALID_INPUT,
           iam_mfa_client_new_local(&options, &client));
    CHECK(client == UNTOUCHED);
}

/*
 * A loopback port that refuses connections: bound by this process and
 * never listened on, so no other program can take it meanwhile. Returns
 * the socket, to close afterwards, or -1.
 */
static int refusing_port(char *url, size_t size)
{
    struct sockaddr_in address;
    socklen_t length = sizeof address;
    int fd = socket(AF_INET, SOCK_STREAM, 0);

    memset(&address, 0, sizeof address);
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd < 0 || bind(fd, (struct sockaddr *)&address, sizeof address) != 0 ||
        getsockname(fd, (struct sockaddr *)&address, &length) != 0) {
        if (fd >= 0) {
            close(fd);
        }
        return -1;
    }
    snprintf(url, size, "http://127.0.0.1:%d", ntohs(address.sin_port));
    return fd;
}

static void check_transport(void)
{
    iam_mfa_aws_options options = {0};
    iam_mfa_client *client = NULL;
    iam_mfa_user *user = UNTOUCHED;
    char url[64];
    int fd = refusing_port(url, sizeof url);

    CHECK(fd >= 0);
    options.endpoint_url = url;
    options.region = "us-east-1";
    options.access_key_id = "AKIAIOSFODNN7EXAMPLE";
    options.secret_access_key = "secret";
    options.max_attempts = 1;
    OK(iam_mfa_client_new_aws(&options, &client));
    EXPECT(IAM_MFA_TRANSPORT,
           iam_mfa_client_get_user(client, "alice", &user));
    CHECK(user == UNTOUCHED);
    CHECK(test_message_has("iam_mfa_client_get_user: "));
    iam_mfa_client_free(client);
    close(fd);

    options.endpoint_url = "ftp://127.0.0.1";
    client = UNTOUCHED;
    EXPECT(IAM_MFA_INVALID_INPUT, iam_mfa_client_new_aws(&options, &client));
    CHECK(client == UNTOUCHED);
    options.endpoint_url = NULL;
    options.secret_access_key = NULL;
    EXPECT(IAM_MFA_INVALID_INPUT, iam_mfa_client_new_aws(&options, &client));
}

/*
 * run.sh starts the server with the harness's keys, so that it checks
 * signatures: a client with another secret is refused.
 */
static void check_credentials(void)
{
    iam_mfa_aws_options options = {0};
    iam_mfa_client *client = NULL;
    iam_mfa_user *user = UNTOUCHED;

    if (test_is_local()) {
        return;
    }
    options.endpoint_url = getenv("IAM_MFA_TEST_ENDPOINT");
    options.region = "us-east-1";
    options.access_key_id = "AKIAIOSFODNN7EXAMPLE";
    options.secret_access_key = "not-the-secret-the-server-knows";
    options.max_attempts = 1;
    OK(iam_mfa_client_new_aws(&options, &client));
    EXPECT(IAM_MFA_CREDENTIALS,
           iam_mfa_client_get_user(client, "alice", &user));
    CHECK(user == UNTOUCHED);
    CHECK(iam_mfa_last_error_code() != NULL);
    CHECK(iam_mfa_last_error_request_id() != NULL);
    iam_mfa_client_free(client);
}

static void check_last_error_life(iam_mfa_client *client)
{
    iam_mfa_user *user = NULL;
    const char *backend = NULL;

    EXPECT(IAM_MFA_NO_SUCH_ENTITY,
           iam_mfa_client_get_user(client, "nobody", &user));
    CHECK(iam_mfa_last_error_message() != NULL);
    OK(iam_mfa_client_backend(client, &backend));
    CHECK(iam_mfa_last_error_message() == NULL);
    CHECK(iam_mfa_last_error_code() == NULL);
    CHECK(iam_mfa_last_error_status() == IAM_MFA_OK);
}

static void check_status_names(void)
{
    static const struct {
        iam_mfa_status status;
        const char *name;
    } names[] = {
        {IAM_MFA_OK, "OK"},
        {IAM_MFA_NO_SUCH_ENTITY, "NoSuchEntity"},
        {IAM_MFA_ENTITY_ALREADY_EXISTS, "EntityAlreadyExists"},
        {IAM_MFA_DELETE_CONFLICT, "DeleteConflict"},
        {IAM_MFA_INVALID_AUTHENTICATION_CODE, "InvalidAuthenticationCode"},
        {IAM_MFA_LIMIT_EXCEEDED, "LimitExceeded"},
        {IAM_MFA_INVALID_INPUT, "InvalidInput"},
        {IAM_MFA_ENTITY_TEMPORARILY_UNMODIFIABLE,
         "EntityTemporarilyUnmodifiable"},
        {IAM_MFA_CONCURRENT_MODIFICATION, "ConcurrentModification"},
        {IAM_MFA_SERVICE_FAILURE, "ServiceFailure"},
        {IAM_MFA_ACCESS_DENIED, "AccessDenied"},
        {IAM_MFA_CREDENTIALS, "Credentials"},
        {IAM_MFA_TRANSPORT, "Transport"},
        {IAM_MFA_TIMEOUT, "Timeout"},
        {IAM_MFA_THROTTLING, "Throttling"},
        {IAM_MFA_STORAGE, "Storage"},
        {IAM_MFA_UNHANDLED, "Unhandled"},
        {IAM_MFA_NULL_ARGUMENT, "NullArgument"},
        {IAM_MFA_INVALID_UTF8, "InvalidUtf8"},
        {IAM_MFA_PANIC, "Panic"},
    };

    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        CHECK_STR(iam_mfa_status_str((int)names[i].status), names[i].name);
    }
    CHECK(IAM_MFA_UNHANDLED == 16 && IAM_MFA_NULL_ARGUMENT == 100);
    CHECK_STR(iam_mfa_status_str(-1), "Unknown");
    CHECK_STR(iam_mfa_status_str(99), "Unknown");
}

/*
 * After fork(), a client of IAM made in the parent fails in the child
 * with a clear error instead of hanging, and a client made in the child
 * works. The emulator's clients keep working in the child.
 */
static void check_fork(iam_mfa_client *client)
{
    iam_mfa_user *user = NULL;
    int child_status = 0;
    pid_t child;

    /*
     * Valgrind checks the child for leaks too, where the parent's
     * objects are inherited and never freed: run.sh skips this there.
     */
    if (getenv("IAM_MFA_TEST_NO_FORK") != NULL) {
        return;
    }

    /* One call first, so that an IAM client's runtime has started. */
    EXPECT(IAM_MFA_NO_SUCH_ENTITY,
           iam_mfa_client_get_user(client, "nobody", &user));

    child = fork();
    if (child == 0) {
        iam_mfa_client *fresh = NULL;
        iam_mfa_status status;
        int wrong = 0;

        status = iam_mfa_client_get_user(client, "nobody", &user);
        if (test_is_local()) {
            wrong += status != IAM_MFA_NO_SUCH_ENTITY;
        } else {
            wrong += status != IAM_MFA_TRANSPORT;
            wrong += !test_message_has("forked");
        }
        fresh = test_client_new();
        status = iam_mfa_client_get_user(fresh, "nobody", &user);
        wrong += status != IAM_MFA_NO_SUCH_ENTITY;
        iam_mfa_client_free(fresh);
        _exit(wrong);
    }
    CHECK(child > 0);
    if (child > 0) {
        CHECK(waitpid(child, &child_status, 0) == child);
        CHECK(WIFEXITED(child_status) && WEXITSTATUS(child_status) == 0);
    }
}

int main(void)
{
    iam_mfa_client *client = test_client_new();

    check_no_such_entity(client);
    check_conflicts(client);
    check_invalid_authentication_code(client);
    check_invalid_input(client);
    check_local_only_calls(client);
    check_limits();
    check_storage();
    check_transport();
    check_credentials();
    check_last_error_life(client);
    check_status_names();
    check_fork(client);

    iam_mfa_client_free(client);
    return test_finish("statuses");
}
