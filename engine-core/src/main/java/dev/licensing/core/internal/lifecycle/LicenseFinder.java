package dev.licensing.core.internal.lifecycle;

import dev.licensing.api.ErrorCode;
import dev.licensing.api.lifecycle.LicenseRef;
import dev.licensing.api.model.License;
import dev.licensing.api.model.LicenseUser;
import dev.licensing.api.store.StoreReader;
import dev.licensing.core.internal.rules.Emails;

import java.util.List;
import java.util.function.BiPredicate;

/** lifecycle.md "Finding the license": by key in the company, or a user's lowest license id of the product. */
final class LicenseFinder {
    private final BiPredicate<String, String> productExists;
    private final KeyedLicenses keyed = new KeyedLicenses();

    LicenseFinder(BiPredicate<String, String> productExists) {
        this.productExists = productExists;
    }

    /**
     * Refuses a product the company's catalog lacks. Called before the operation's store call, never inside it: the
     * catalog may have to be read from the store, and a read nested in a read or a transaction could wait for a
     * connection its own caller holds.
     */
    void requireProduct(String company, LicenseRef ref) {
        if (!productExists.test(company, ref.product())) {
            throw Refusal.at(ErrorCode.UNKNOWN_PRODUCT, "product",
                    "no product '" + ref.product() + "' in company '" + company + "'");
        }
    }

    /** The license {@code ref} names, of a product {@link #requireProduct} accepted. */
    Subject find(StoreReader reader, String company, LicenseRef ref) {
        if (ref instanceof LicenseRef.Key key) {
            return new Subject(company, keyed.find(reader, company, key.key())
                    .filter(license -> key.product().equals(license.productCode()))
                    .orElseThrow(() -> Refusal.of(ErrorCode.LICENSE_NOT_FOUND,
                            "no license with that key of product '" + key.product() + "'")), null);
        }
        return byUser(reader, company, (LicenseRef.User) ref);
    }

    private static Subject byUser(StoreReader reader, String company, LicenseRef.User ref) {
        String email = Emails.normalize(ref.email());
        List<License> licenses = reader.findUserLicenses(company, email, ref.product());
        License license = licenses.stream()
                .filter(candidate -> ref.licenseId() == null || candidate.id() == ref.licenseId())
                .findFirst()
                .orElseThrow(() -> Refusal.of(ErrorCode.LICENSE_NOT_FOUND, "no license of product '" + ref.product()
                        + "' for user '" + ref.email() + "'"
                        + (ref.licenseId() == null ? "" : " with id " + ref.licenseId())));
        LicenseUser user = license.users().stream()
                .filter(candidate -> Emails.normalize(candidate.email()).equals(email))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the store listed license " + license.id()
                        + " for a user it does not carry"));
        return new Subject(company, license, user);
    }
}
