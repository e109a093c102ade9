// header.cpp: include/iam_mfa.h used from C++17. The header must compile
// as C++ (extern "C" guards, no C-only constructs) and its functions must
// link with C linkage.
#include "iam_mfa.h"

#include <cstdio>
#include <cstring>
#include <memory>
#include <string>

namespace {

struct ClientFree {
    void operator()(iam_mfa_client *client) const
    {
        iam_mfa_client_free(client);
    }
};

struct UserFree {
    void operator()(iam_mfa_user *user) const { iam_mfa_user_free(user); }
};

using Client = std::unique_ptr<iam_mfa_client, ClientFree>;
using User = std::unique_ptr<iam_mfa_user, UserFree>;

int failures = 0;

void check(bool ok, const char *what)
{
    if (!ok) {
        std::fprintf(stderr, "FAILED: %s\n", what);
        failures++;
    }
}

} // namespace

int main()
{
    check(std::string(iam_mfa_version()) == IAM_MFA_VERSION,
          "runtime version matches the header");

    iam_mfa_client *raw = nullptr;
    check(iam_mfa_client_new_local(nullptr, &raw) == IAM_MFA_OK,
          "new local client");
    Client client(raw);

    iam_mfa_user *made = nullptr;
    iam_mfa_status status =
        iam_mfa_client_create_user(client.get(), "cpp", "/", &made);
    check(status == IAM_MFA_OK, "create user");
    User user(made);

    const char *name = nullptr;
    check(iam_mfa_user_user_name(user.get(), &name) == IAM_MFA_OK &&
              std::strcmp(name, "cpp") == 0,
          "user name");

    status = iam_mfa_client_delete_user(client.get(), nullptr);
    check(status == IAM_MFA_NULL_ARGUMENT, "NULL user name");
    check(std::string(iam_mfa_status_str(status)) == "NullArgument",
          "status name");

    std::printf("header-cpp: %d passed, %d failed\n", 6 - failures,
                failures);
    return failures == 0 ? 0 : 1;
}
