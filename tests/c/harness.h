/*
 * harness.h: the small test harness shared by the C test programs.
 *
 * Each program counts its checks and ends with a line such as
 * "lifecycle: 120 passed, 0 failed"; its exit status is 1 when a check
 * failed. The client under test is the local emulator, or the aws
 * backend pointed at IAM_MFA_TEST_ENDPOINT when that variable is set
 * (run.sh sets it to a fresh `iam-mfa serve`).
 */
#ifndef IAM_MFA_TEST_HARNESS_H
#define IAM_MFA_TEST_HARNESS_H

#define _POSIX_C_SOURCE 200809L

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "iam_mfa.h"

static atomic_int test_passed;
static atomic_int test_failed;

/* The local emulator's manual clock starts here: 2023-11-14 22:13:20. */
#define TEST_CLOCK_START 1700000000

static int64_t test_clock = TEST_CLOCK_START;

static inline void test_fail(const char *file, int line, const char *what)
{
    const char *message = iam_mfa_last_error_message();

    fprintf(stderr, "%s:%d: FAILED: %s\n", file, line, what);
    if (message != NULL) {
        fprintf(stderr, "    last error: %s\n", message);
    }
    atomic_fetch_add(&test_failed, 1);
}

static inline bool test_check(bool ok, const char *file, int line,
                              const char *what)
{
    if (ok) {
        atomic_fetch_add(&test_passed, 1);
    } else {
        test_fail(file, line, what);
    }
    return ok;
}

static inline bool test_status(iam_mfa_status got, iam_mfa_status want,
                        const char *file, int line, const char *what)
{
    if (got == want) {
        atomic_fetch_add(&test_passed, 1);
        return true;
    }
    fprintf(stderr, "%s:%d: FAILED: %s\n    got %s, wanted %s\n", file,
            line, what, iam_mfa_status_str((int)got),
            iam_mfa_status_str((int)want));
    if (iam_mfa_last_error_message() != NULL) {
        fprintf(stderr, "    last error: %s\n",
                iam_mfa_last_error_message());
    }
    atomic_fetch_add(&test_failed, 1);
    return false;
}

/* A check of a condition. */
#define CHECK(condition) \
    test_check((condition), __FILE__, __LINE__, #condition)

/* A call that must succeed. */
#define OK(call) test_status((call), IAM_MFA_OK, __FILE__, __LINE__, #call)

/* A call that must fail with `status`. */
#define EXPECT(status, call) \
    test_status((call), (status), __FILE__, __LINE__, #call)

/* Two strings that must be equal; NULL equals only NULL. */
#define CHECK_STR(got, want) \
    test_check(test_same((got), (want)), __FILE__, __LINE__, \
               #got " == " #want)

static inline bool test_same(const char *got, const char *want)
{
    if (got == NULL || want == NULL) {
        return got == want;
    }
    return strcmp(got, want) == 0;
}

/* Whether the last error's message contains `part`. */
static inline bool test_message_has(const char *part)
{
    const char *message = iam_mfa_last_error_message();

    return message != NULL && strstr(message, part) != NULL;
}

/* Whether the tests run on the local emulator rather than a server. */
static inline bool test_is_local(void)
{
    return getenv("IAM_MFA_TEST_ENDPOINT") == NULL;
}

/*
 * A client: the in-memory emulator with a manual clock, or the aws
 * backend on IAM_MFA_TEST_ENDPOINT with static credentials and no
 * retries. Exits when it cannot be made.
 */
static inline iam_mfa_client *test_client_new(void)
{
    iam_mfa_client *client = NULL;
    iam_mfa_status status;

    if (test_is_local()) {
        iam_mfa_local_options options = {0};

        options.manual_clock = true;
        options.manual_clock_unix_seconds = TEST_CLOCK_START;
        status = iam_mfa_client_new_local(&options, &client);
    } else {
        iam_mfa_aws_options options = {0};

        options.endpoint_url = getenv("IAM_MFA_TEST_ENDPOINT");
        options.region = "us-east-1";
        options.access_key_id = "AKIAIOSFODNN7EXAMPLE";
        options.secret_access_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
        options.max_attempts = 1;
        options.operation_timeout_ms = 10000;
        status = iam_mfa_client_new_aws(&options, &client);
    }
    if (status != IAM_MFA_OK) {
        fprintf(stderr, "cannot make a client: %s\n",
                iam_mfa_last_error_message());
        exit(2);
    }
    return client;
}

/* The time the client's backend sees. */
static inline int64_t test_now(void)
{
    return test_is_local() ? test_clock : (int64_t)time(NULL);
}

/* Moves the local emulator's clock; waits for nothing on a server. */
static inline void test_advance(iam_mfa_client *client, int64_t seconds)
{
    if (test_is_local()) {
        OK(iam_mfa_client_advance_time(client, seconds));
        test_clock += seconds;
    }
}

/* Prints the closing line and gives the exit status. */
static inline int test_finish(const char *program)
{
    int failed = atomic_load(&test_failed);

    printf("%s-%s: %d passed, %d failed\n", program,
           test_is_local() ? "local" : "aws", atomic_load(&test_passed),
           failed);
    return failed == 0 ? 0 : 1;
}

#endif
