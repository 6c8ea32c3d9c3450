package dev.vigil.privacy.rest;

import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * An administrator, as Keycloak's admin API authenticated them: Keycloak's admin permissions decide, exactly as
 * for the admin console (view-users to read a user's data, manage-users to change it, manage-realm for the realm).
 */
final class AdminAccess {

    private final AdminPermissionEvaluator permissions;

    AdminAccess(AdminPermissionEvaluator permissions) {
        this.permissions = permissions;
    }

    /** Realm-wide operations (retention, keys) need manage-realm, as the realm settings do. */
    void requireManageRealm() {
        permissions.realm().requireManageRealm();
    }

    /** Access to one user's data; for an unknown user, only an admin who may view users at all is told so (404). */
    SubjectAccess forUser(UserModel subject) {
        return new SubjectAccess() {
            @Override
            public void requireRead() {
                if (subject == null) {
                    permissions.users().requireView();
                } else {
                    permissions.users().requireView(subject);
                }
            }

            @Override
            public void requireWrite() {
                permissions.users().requireManage(subject);
            }
        };
    }
}
