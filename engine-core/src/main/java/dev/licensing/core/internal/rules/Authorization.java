package dev.licensing.core.internal.rules;

import dev.licensing.api.AuthorizationMethod;
import dev.licensing.api.ErrorCode;
import dev.licensing.api.catalog.Product;
import dev.licensing.api.order.UserRequest;
import dev.licensing.core.internal.errors.FieldPath;
import dev.licensing.core.internal.errors.Problems;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A license's authorization against its product's method (DESIGN §3 "Keys", "Users"): a key-based product takes an
 * optional key, unique within the request, and no users; a user-based one takes at least one user, each email valid and
 * named once, and no key. A plain license carries its own; a bundle item carries its bundle license's.
 */
public final class Authorization {
    private Authorization() {
    }

    /**
     * @param key       the given key, or {@code null}
     * @param users     the given users, or {@code null}
     * @param path      the JSON path of the object that holds {@code key} and {@code users}
     * @param givenKeys the keys the request gave so far; {@code key} is added
     */
    public static void check(Product product, String key, List<UserRequest> users, FieldPath path, Set<String> givenKeys,
                             Problems violations) {
        if (product.authorizationMethod() == AuthorizationMethod.LICENSE_KEY) {
            if (users != null) {
                violations.add(ErrorCode.AUTHORIZATION_METHOD_MISMATCH, path.field("users"),
                        "product '" + product.code() + "' is key-based: it takes a key, not users");
            }
            if (key != null && key.isBlank()) {
                violations.add(ErrorCode.VALIDATION_ERROR, path.field("key"), "a license key must not be blank");
            } else if (!Identifiers.check(key, path.field("key"), violations)) {
                return;
            } else if (key != null && !givenKeys.add(key)) {
                violations.add(ErrorCode.LICENSE_KEY_EXISTS, path.field("key"),
                        "key '" + key + "' is given twice in this request");
            }
            return;
        }
        if (key != null) {
            violations.add(ErrorCode.AUTHORIZATION_METHOD_MISMATCH, path.field("key"),
                    "product '" + product.code() + "' is user-based: it takes users, not a key");
        }
        if (users == null || users.isEmpty()) {
            violations.add(ErrorCode.REQUIRED_FIELD, path.field("users"),
                    "product '" + product.code() + "' is user-based: it needs at least one user");
            return;
        }
        Set<String> emails = new HashSet<>();
        for (int k = 0; k < users.size(); k++) {
            UserRequest user = users.get(k);
            FieldPath at = path.field("users").index(k);
            if (Emails.check(user.email(), at.field("email"), violations)
                    && !emails.add(Emails.normalize(user.email()))) {
                violations.add(ErrorCode.DUPLICATE_EMAIL, at.field("email"),
                        "'" + user.email() + "' is already a user of this license");
            }
            Counts.checkUserActivations(user.maxActivations(), at, violations);
        }
    }
}
