/*
 * threads.c: eight threads share one client. Each runs the lifecycle of
 * its own users and devices many times over, while the others do the
 * same; then each checks that its last error is its own.
 */
#include "harness.h"

#include <pthread.h>

#define THREADS 8
/* Rounds per thread; IAM_MFA_TEST_ROUNDS lowers it under valgrind. */
static int rounds = 12;

static iam_mfa_client *shared;
static pthread_barrier_t barrier;

static void one_round(int thread, int round)
{
    iam_mfa_virtual_mfa_device *device = NULL;
    iam_mfa_mfa_device_list *devices = NULL;
    iam_mfa_mfa_device_detail *detail = NULL;
    iam_mfa_tag_list *tags = NULL;
    iam_mfa_user *user = NULL;
    iam_mfa_tag tag = {"thread", "yes"};
    char code1[IAM_MFA_TOTP_CODE_SIZE];
    char code2[IAM_MFA_TOTP_CODE_SIZE];
    char user_name[32];
    char device_name[32];
    char serial[128] = "";
    const char *text = NULL;
    uint8_t *seed = NULL;
    size_t seed_len = 0;
    size_t len = 0;

    snprintf(user_name, sizeof user_name, "t%d-r%d", thread, round);
    snprintf(device_name, sizeof device_name, "t%d-r%d-phone", thread,
             round);

    OK(iam_mfa_client_create_user(shared, user_name, NULL, &user));
    iam_mfa_user_free(user);
    OK(iam_mfa_client_create_virtual_mfa_device(shared, device_name, NULL,
                                                &tag, 1, &device));
    OK(iam_mfa_virtual_mfa_device_serial_number(device, &text));
    snprintf(serial, sizeof serial, "%s", text != NULL ? text : "");
    OK(iam_mfa_virtual_mfa_device_base32_string_seed(device, &seed,
                                                     &seed_len));
    OK(iam_mfa_totp_enable_codes(seed, seed_len, test_now(), code1, code2));
    OK(iam_mfa_client_enable_mfa_device(shared, user_name, serial, code1,
                                        code2));

    OK(iam_mfa_client_list_mfa_devices_all(shared, user_name, &devices));
    OK(iam_mfa_mfa_device_list_len(devices, &len));
    CHECK(len == 1);
    iam_mfa_mfa_device_list_free(devices);

    OK(iam_mfa_client_get_mfa_device(shared, serial, NULL, &detail));
    OK(iam_mfa_mfa_device_detail_user_name(detail, &text));
    CHECK_STR(text, user_name);
    iam_mfa_mfa_device_detail_free(detail);

    OK(iam_mfa_client_list_mfa_device_tags(shared, serial, NULL, 0, &tags));
    iam_mfa_tag_list_free(tags);

    OK(iam_mfa_client_deactivate_mfa_device(shared, serial, user_name));
    OK(iam_mfa_client_delete_virtual_mfa_device(shared, serial));
    OK(iam_mfa_client_delete_user(shared, user_name));

    iam_mfa_bytes_free(seed, seed_len);
    iam_mfa_virtual_mfa_device_free(device);
}

static void *worker(void *argument)
{
    int thread = (int)(intptr_t)argument;
    iam_mfa_user *user = NULL;
    char missing[32];

    for (int round = 0; round < rounds; round++) {
        one_round(thread, round);
    }

    /* Every thread fails its own way, then reads its own message. */
    snprintf(missing, sizeof missing, "missing-%d", thread);
    EXPECT(IAM_MFA_NO_SUCH_ENTITY,
           iam_mfa_client_get_user(shared, missing, &user));
    pthread_barrier_wait(&barrier);
    CHECK(test_message_has(missing));
    pthread_barrier_wait(&barrier);
    return NULL;
}

int main(void)
{
    pthread_t threads[THREADS];
    iam_mfa_virtual_mfa_device_list *left = NULL;
    size_t len = 1;

    if (getenv("IAM_MFA_TEST_ROUNDS") != NULL) {
        rounds = atoi(getenv("IAM_MFA_TEST_ROUNDS"));
    }
    shared = test_client_new();
    pthread_barrier_init(&barrier, NULL, THREADS);

    for (int i = 0; i < THREADS; i++) {
        CHECK(pthread_create(&threads[i], NULL, worker,
                             (void *)(intptr_t)i) == 0);
    }
    for (int i = 0; i < THREADS; i++) {
        pthread_join(threads[i], NULL);
    }

    OK(iam_mfa_client_list_virtual_mfa_devices_all(
        shared, IAM_MFA_ASSIGNMENT_STATUS_ANY, &left));
    OK(iam_mfa_virtual_mfa_device_list_len(left, &len));
    CHECK(len == 0);
    iam_mfa_virtual_mfa_device_list_free(left);

    pthread_barrier_destroy(&barrier);
    iam_mfa_client_free(shared);
    return test_finish("threads");
}
