package dev.licensing.api;

/**
 * Every stable error code the engine produces, in one place. The wire form ({@link #code()}) never changes once
 * released; LicenseSpring's own codes are used where the page documents one.
 */
public enum ErrorCode {
    /** A field breaks a rule that has no code of its own (LicenseSpring's code). */
    VALIDATION_ERROR("validation_error"),
    /** The body is not JSON, or not a JSON object where one is required. */
    INVALID_JSON("invalid_json"),
    /** An import line that is not valid UTF-8 (a byte of another encoding, a cut-off sequence). */
    INVALID_ENCODING("invalid_encoding"),
    /** A required field is absent (or null). */
    REQUIRED_FIELD("required_field"),
    /** A field has the wrong JSON type (a string where a boolean belongs, say). */
    INVALID_TYPE("invalid_type"),
    /** A field that the request type does not know. */
    UNKNOWN_FIELD("unknown_field"),
    /** A value outside its enumeration ({@code license_type}, {@code consumption_period}, {@code order_type}...). */
    INVALID_VALUE("invalid_value"),
    /** A duration that is not {@code <positive integer><y|m|d|h>}. */
    INVALID_DURATION("invalid_duration"),
    /** A date or date-time that cannot be read. */
    INVALID_DATE("invalid_date"),
    /** The order id is taken in the company and {@code append} is not set (LicenseSpring's code). */
    ORDER_ID_EXISTS("order_id_exists"),
    /** No product with that code in the company's catalog (LicenseSpring's code). */
    UNKNOWN_PRODUCT("unknown_product"),
    /** No policy with that code (or id) for that product. */
    UNKNOWN_POLICY("unknown_policy"),
    /** No feature with that code on the product. */
    UNKNOWN_FEATURE("unknown_feature"),
    /** No custom field with that name on the product. */
    UNKNOWN_CUSTOM_FIELD("unknown_custom_field"),
    /** No customer account with that id (LicenseSpring's code). */
    CUSTOMER_ACCOUNT_NOT_FOUND("customer_account_not_found"),
    /** A key on a user-based license, or users on a key-based one (a user-based license without users: REQUIRED_FIELD). */
    AUTHORIZATION_METHOD_MISMATCH("authorization_method_mismatch"),
    /** A bundle product in a plain order, a plain product in a bundle order, or a product not in the bundle. */
    BUNDLE_MISMATCH("bundle_mismatch"),
    /** The given license key is taken in the company (or given twice in one request or batch). */
    LICENSE_KEY_EXISTS("license_key_exists"),
    /** An order asks for more licenses than one order may hold (bundle sub-licenses count). */
    TOO_MANY_LICENSES("too_many_licenses"),
    /**
     * An idempotency key already kept, within its 30 days, for a different request (compared after decoding): the key
     * names one request, whose first response a retry gets again.
     */
    IDEMPOTENCY_KEY_REUSED("idempotency_key_reused"),
    /** The same email twice in one license's users. */
    DUPLICATE_EMAIL("duplicate_email"),
    /** No order with that id in the company. */
    ORDER_NOT_FOUND("order_not_found"),
    /** The company has no catalog loaded. */
    CATALOG_MISSING("catalog_missing"),
    /** The catalog itself is malformed or inconsistent. */
    INVALID_CATALOG("invalid_catalog"),
    /** The store failed (I/O, corrupt file, lock time-out): not the request's fault. */
    STORE_ERROR("store_error"),
    /** No license with that key of that product, or no license of that product for that user (LicenseSpring's code). */
    LICENSE_NOT_FOUND("license_not_found"),
    /** The license is disabled ({@code enabled: false}); only deactivation and release still work (LicenseSpring's code). */
    LICENSE_NOT_ENABLED("license_not_enabled"),
    /** A user's password does not match the stored hash. */
    INVALID_CREDENTIALS("invalid_credentials"),
    /** Activation before the license's {@code start_date}. */
    LICENSE_NOT_STARTED("license_not_started"),
    /** The license's validity (and grace period) has ended (LicenseSpring's code). */
    LICENSE_EXPIRED("license_expired"),
    /** The trial license's validity has ended (LicenseSpring's code). */
    TRIAL_EXPIRED("trial_expired"),
    /** The hardware id is not an active device of the license (LicenseSpring's code). */
    DEVICE_NOT_FOUND("device_not_found"),
    /** A virtual machine activating a license with {@code prevent_vm}. */
    VM_NOT_ALLOWED("vm_not_allowed"),
    /** The activation would be a transfer beyond {@code max_transfers}. */
    TRANSFER_LIMIT_REACHED("transfer_limit_reached"),
    /** The user already has as many active devices as the user's own {@code max_activations}. */
    USER_ACTIVATED_MAX_TIMES("user_activated_max_times"),
    /** The license has {@code max_activations} active devices (LicenseSpring's code). */
    LICENSE_ACTIVATED_MAX_TIMES("license_activated_max_times"),
    /** Consuming the license itself, which is not of type consumption (LicenseSpring's code). */
    LICENSE_NOT_CONSUMPTION("license_not_consumption"),
    /** The feature is not on the license (LicenseSpring's code). */
    UNSUPPORTED_PRODUCT_FEATURE("unsupported_product_feature"),
    /** The feature has no {@code max_consumption} and is not unlimited (LicenseSpring's code). */
    FEATURE_NOT_CONSUMPTION("feature_not_consumption"),
    /** The feature's {@code expiry_date} has passed. */
    FEATURE_EXPIRED("feature_expired"),
    /** A negative consumption without {@code allow_negative_consumptions} (LicenseSpring's code). */
    NEGATIVE_CONSUMPTIONS_NOT_ALLOWED("negative_consumptions_not_allowed"),
    /** A negative consumption that would take the total below zero. */
    CONSUMPTION_BELOW_ZERO("consumption_below_zero"),
    /** The license's consumptions (with overages) would pass its limit (LicenseSpring's code). */
    LICENSE_NOT_ENOUGH_CONSUMPTIONS("license_not_enough_consumptions"),
    /** The feature's consumptions (with overages) would pass its limit (LicenseSpring's code). */
    FEATURE_NOT_ENOUGH_CONSUMPTIONS("feature_not_enough_consumptions"),
    /** A consumption's request id was already applied to a different request. */
    REQUEST_ID_REUSED("request_id_reused"),
    /** Every floating seat of the license is held. */
    FLOATING_LIMIT_REACHED("floating_limit_reached"),
    /** Borrowing on a license without {@code can_borrow}. */
    BORROW_NOT_ALLOWED("borrow_not_allowed"),
    /** A borrowing end not after now, beyond {@code max_borrow_time} hours, or after the license's end (LicenseSpring's code). */
    BORROW_UNTIL_NOT_VALID("borrow_until_not_valid"),
    /** Borrowing or releasing a seat of a license that is not floating. */
    LICENSE_NOT_FLOATING("license_not_floating");

    private final String code;

    ErrorCode(String code) {
        this.code = code;
    }

    /** The stable snake_case form used on the wire. */
    public String code() {
        return code;
    }
}
