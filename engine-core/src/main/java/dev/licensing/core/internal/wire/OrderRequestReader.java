package dev.licensing.core.internal.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.licensing.api.ErrorCode;
import dev.licensing.api.order.CustomerRequest;
import dev.licensing.api.order.ItemRequest;
import dev.licensing.api.order.LicenseRequest;
import dev.licensing.api.order.OrderRequest;
import dev.licensing.api.order.UserRequest;
import dev.licensing.core.internal.errors.FieldPath;
import dev.licensing.core.internal.errors.Problems;
import dev.licensing.core.internal.rules.OrderSize;
import dev.licensing.core.internal.rules.OrderTypes;
import dev.licensing.core.wire.DecodedOrder;

import java.util.ArrayList;
import java.util.List;

/** Reads one LicenseSpring Create Order request (plain or bundle) from a JSON tree, field by field. */
public final class OrderRequestReader {
    private OrderRequestReader() {
    }

    public static DecodedOrder read(String json, boolean ignoreUnknownFields) {
        Problems findings = new Problems(ignoreUnknownFields);
        if (json.length() > LicenseCountScan.SCAN_ABOVE_CHARS) {
            int crossing = LicenseCountScan.crossingItem(json);
            if (crossing >= 0) {
                findings.add(ErrorCode.TOO_MANY_LICENSES,
                        FieldPath.ROOT.field("items").index(crossing).field("licenses"), OrderSize.TOO_MANY);
                return new DecodedOrder(null, findings.errors(), findings.warnings());
            }
        }
        JsonNode root;
        try {
            root = WireJson.parse(json);
        } catch (JsonProcessingException e) {
            findings.add(ErrorCode.INVALID_JSON, FieldPath.ROOT, "not a JSON document: " + WireJson.describe(e));
            return new DecodedOrder(null, findings.errors(), findings.warnings());
        }
        if (!root.isObject()) {
            findings.add(ErrorCode.INVALID_JSON, FieldPath.ROOT, "a request is a JSON object");
            return new DecodedOrder(null, findings.errors(), findings.warnings());
        }
        OrderRequest request = order(FieldReader.of(root, FieldPath.ROOT, findings));
        return new DecodedOrder(!findings.isEmpty() ? null : request, findings.errors(), findings.warnings());
    }

    private static OrderRequest order(FieldReader in) {
        OrderRequest order = new OrderRequest(
                in.requiredString("id"),
                in.flag("is_bundle"),
                in.flag("append"),
                in.bool("is_test"),
                in.string("created"),
                orderType(in),
                in.string("language"),
                in.string("campaign_params"),
                in.string("download_id"),
                in.bool("prevent_vm"),
                metadata(in),
                in.bool("include_metadata_string"),
                in.bool("add_to_customer_account"),
                in.int64("customer_account_id"),
                customer(in.object("customer")),
                in.string("reference"),
                items(in));
        in.finish();
        return order;
    }

    private static String orderType(FieldReader in) {
        String type = in.string("order_type");
        if (type != null && !OrderTypes.isKnown(type)) {
            in.findings().add(ErrorCode.INVALID_VALUE, in.pathOf("order_type"), OrderTypes.refusal(type));
        }
        return type;
    }

    /** The order's metadata is a string that holds a serialized JSON object; the string is kept as given. */
    private static String metadata(FieldReader in) {
        String metadata = in.string("metadata");
        if (metadata == null) {
            return null;
        }
        try {
            if (WireJson.parseStrict(metadata).isObject()) {
                return metadata;
            }
        } catch (JsonProcessingException e) {
            // reported below, as for any other value that is not an object
        }
        in.findings().add(ErrorCode.VALIDATION_ERROR, in.pathOf("metadata"),
                "expected a string holding a serialized JSON object, e.g. \"{\\\"some_key\\\": \\\"some_value\\\"}\"");
        return metadata;
    }

    private static CustomerRequest customer(FieldReader in) {
        if (in == null) {
            return null;
        }
        String company = in.string("company");
        String companyName = in.string("company_name");
        if (company != null && companyName != null && !company.equals(companyName)) {
            in.findings().add(ErrorCode.VALIDATION_ERROR, in.pathOf("company_name"),
                    "company and company_name both name the customer's company and differ");
        }
        CustomerRequest customer = new CustomerRequest(
                in.string("email"),
                in.string("first_name"),
                in.string("last_name"),
                companyName != null ? companyName : company,
                in.string("phone"),
                in.string("address"),
                in.string("reference"),
                in.bool("is_manager"));
        in.finish();
        return customer;
    }

    private static List<ItemRequest> items(FieldReader in) {
        List<FieldReader> items = in.requiredObjects("items");
        if (items == null) {
            return List.of();
        }
        List<ItemRequest> requests = new ArrayList<>();
        long[] listed = {0};
        for (FieldReader item : items) {
            requests.add(new ItemRequest(
                    item.requiredString("product_code"),
                    item.string("key"),
                    users(item),
                    item.bool("active"),
                    item.stringOrNumber("subscription_id"),
                    item.string("license_policy"),
                    item.int64("customer_account_id"),
                    item.string("note"),
                    licenses(item, listed)));
            item.finish();
            if (listed[0] > OrderSize.MAX_LICENSES) {
                // Refused already (too_many_licenses): the items after it, however many, are not decoded either.
                break;
            }
        }
        return requests;
    }

    /**
     * @param listed the licenses the order's earlier items list; a list that takes it above
     *               {@link OrderSize#MAX_LICENSES} is refused undecoded, for decoding it is what the limit protects
     */
    private static List<LicenseRequest> licenses(FieldReader item, long[] listed) {
        List<FieldReader> licenses = item.requiredObjects("licenses");
        if (licenses == null) {
            return List.of();
        }
        long before = listed[0];
        listed[0] += licenses.size();
        if (listed[0] > OrderSize.MAX_LICENSES) {
            if (before <= OrderSize.MAX_LICENSES) {
                item.findings().add(ErrorCode.TOO_MANY_LICENSES, item.pathOf("licenses"), OrderSize.TOO_MANY);
            }
            return List.of();
        }
        List<LicenseRequest> requests = new ArrayList<>();
        for (FieldReader license : licenses) {
            requests.add(new LicenseRequest(
                    license.string("key"),
                    users(license),
                    license.string("product_code"),
                    license.string("policy_code"),
                    license.string("license_template_code"),
                    license.int64("license_template"),
                    license.string("note"),
                    license.jsonObject("metadata"),
                    LicenseOptionalFields.productFeatures(license),
                    LicenseOptionalFields.customFields(license),
                    LicenseOptionalFields.properties(license)));
            license.finish();
        }
        return requests;
    }

    private static List<UserRequest> users(FieldReader in) {
        List<FieldReader> users = in.objects("users");
        if (users == null) {
            return null;
        }
        List<UserRequest> requests = new ArrayList<>();
        for (FieldReader user : users) {
            requests.add(new UserRequest(
                    user.requiredString("email"), user.bool("is_manager"), user.int32("max_activations")));
            user.finish();
        }
        return requests;
    }
}
