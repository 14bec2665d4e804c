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
    /** The same email twice in one license's users. */
    DUPLICATE_EMAIL("duplicate_email"),
    /** No order with that id in the company. */
    ORDER_NOT_FOUND("order_not_found"),
    /** The company has no catalog loaded. */
    CATALOG_MISSING("catalog_missing"),
    /** The catalog itself is malformed or inconsistent. */
    INVALID_CATALOG("invalid_catalog"),
    /** The store failed (I/O, corrupt file, lock time-out): not the request's fault. */
    STORE_ERROR("store_error");

    private final String code;

    ErrorCode(String code) {
        this.code = code;
    }

    /** The stable snake_case form used on the wire. */
    public String code() {
        return code;
    }
}
