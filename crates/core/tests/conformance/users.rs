//! Users: created, read, listed and deleted around their MFA devices.

use std::time::Duration;

use iam_mfa::{ErrorKind, PageRequest};

use super::{
    Target, assert_error, enable, near, new_device, new_user, no_such_user, skipped, snapshot,
    unique,
};

/// A user has IAM's fields, reads back, and lists.
pub async fn create_get_and_list_users<T: Target>(target: &T) {
    let client = target.client();
    let name = unique("alice");
    let user = client
        .create_user(&name, Some("/staff/"))
        .await
        .expect("create user");
    assert_eq!(user.user_name, name);
    assert_eq!(user.path, "/staff/");
    assert_eq!(
        user.arn,
        format!("arn:aws:iam::{}:user/staff/{name}", target.account_id())
    );
    assert!(!user.user_id.is_empty(), "a user id");
    assert!(near(user.create_date, target.now(), Duration::from_secs(5)));

    let read = client.get_user(Some(&name)).await.expect("get user");
    assert_eq!(read, user);

    let plain = new_user(target, "bob").await;
    assert_eq!(plain.path, "/");
    assert_ne!(plain.user_id, user.user_id);
    let mut expected = vec![user.clone(), plain.clone()];
    expected.sort_by(|a, b| a.user_name.cmp(&b.user_name));
    let listed = client
        .list_users(None, &PageRequest::first())
        .await
        .expect("list users");
    let mut listed = listed.items;
    listed.sort_by(|a, b| a.user_name.cmp(&b.user_name));
    assert_eq!(listed, expected);
}

/// A user name is taken whatever its case.
pub async fn user_names_are_unique_case_insensitively<T: Target>(target: &T) {
    let client = target.client();
    let user = new_user(target, "carol").await;
    let before = snapshot(target).await;

    for name in [user.user_name.clone(), user.user_name.to_uppercase()] {
        let result = client.create_user(&name, Some("/elsewhere/")).await;
        assert_error(
            result,
            ErrorKind::EntityAlreadyExists,
            "EntityAlreadyExists",
            None,
        );
    }
    assert_eq!(snapshot(target).await, before);
}

/// Without a name, GetUser reads the calling user.
pub async fn get_user_without_name_is_calling_user<T: Target>(target: &T) {
    let user = new_user(target, "self").await;
    let Some(set) = target.set_caller(Some(&user.user_name)).await else {
        let check = "get_user_without_name_is_calling_user";
        skipped(target, check, "the target's calling user cannot be chosen");
        return;
    };
    set.expect("set the calling user");

    let read = target.client().get_user(None).await.expect("get user");
    assert_eq!(read, user);
}

/// ListUsers with a path prefix lists only the users under it.
pub async fn list_users_by_path_prefix<T: Target>(target: &T) {
    let client = target.client();
    let ops = client
        .create_user(&unique("ops"), Some("/ops/team/"))
        .await
        .expect("create");
    client
        .create_user(&unique("dev"), Some("/dev/"))
        .await
        .expect("create");
    new_user(target, "root").await;

    for prefix in ["/ops/", "/ops", "/ops/team/"] {
        let listed = client
            .list_users(Some(prefix), &PageRequest::first())
            .await
            .expect("list users");
        assert_eq!(listed.items, std::slice::from_ref(&ops), "under {prefix}");
    }
    let all = client
        .list_users(Some("/"), &PageRequest::first())
        .await
        .expect("list users");
    assert_eq!(all.items.len(), 3);
}

/// A user holding an MFA device cannot be deleted until it is
/// deactivated.
pub async fn delete_user_holding_mfa_conflicts<T: Target>(target: &T) {
    let client = target.client();
    let user = new_user(target, "holding").await;
    let device = new_device(target, "held").await;
    enable(target, &user.user_name, &device).await;
    let before = snapshot(target).await;

    let result = client.delete_user(&user.user_name).await;
    assert_error(
        result,
        ErrorKind::DeleteConflict,
        "DeleteConflict",
        Some("Cannot delete entity, must delete MFA device first."),
    );
    assert_eq!(snapshot(target).await, before);

    client
        .deactivate_mfa_device(&device.serial_number, Some(&user.user_name))
        .await
        .expect("deactivate");
    client.delete_user(&user.user_name).await.expect("delete");
    assert_error(
        client.get_user(Some(&user.user_name)).await,
        ErrorKind::NoSuchEntity,
        "NoSuchEntity",
        Some(&no_such_user(&user.user_name)),
    );
}

/// Deleting a user nobody created.
pub async fn delete_unknown_user_is_no_such_entity<T: Target>(target: &T) {
    let name = unique("nobody");
    let result = target.client().delete_user(&name).await;
    assert_error(
        result,
        ErrorKind::NoSuchEntity,
        "NoSuchEntity",
        Some(&no_such_user(&name)),
    );
}
