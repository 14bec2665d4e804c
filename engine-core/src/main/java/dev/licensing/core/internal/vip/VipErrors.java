package dev.licensing.core.internal.vip;

import dev.licensing.api.vip.VipError;

import java.util.List;
import java.util.Map;

/** Adobe's error codes this engine answers, each with Adobe's message and HTTP status: the one home of both. */
public final class VipErrors {
    public static final String RETURN_QTY_EXCEEDS_REMAINING = "RETURN_QTY_EXCEEDS_REMAINING";

    private record Entry(String message, int httpStatus) {
    }

    private static final Map<String, Entry> ENTRIES = Map.ofEntries(
            Map.entry("1024", new Entry("Customer is inactive", 400)),
            Map.entry("1116", new Entry("Invalid Customer", 404)),
            Map.entry("1117", new Entry("Some fields are invalid", 400)),
            Map.entry("1121", new Entry("Request contains additional unexpected fields.", 400)),
            Map.entry("1122", new Entry("Request is missing required fields", 400)),
            Map.entry("1132", new Entry("Invalid value for search parameter", 400)),
            Map.entry("1133", new Entry("Offset out of range", 400)),
            Map.entry("2115", new Entry("Invalid Customer or Order ID", 404)),
            Map.entry("2116", new Entry("Invalid status", 400)),
            Map.entry("2119", new Entry("Too many line items", 400)),
            Map.entry("2120", new Entry("Line item quantity out of range", 400)),
            Map.entry("2121", new Entry("Duplicate line item numbers", 400)),
            Map.entry("2122", new Entry("Line item Offer ID is invalid", 400)),
            Map.entry("2123", new Entry("extLineItemNumber out of range", 400)),
            Map.entry("2126", new Entry("externalReferenceId exceeds maximum character limit", 400)),
            Map.entry("2127", new Entry("Line item cannot be returned", 400)),
            Map.entry("2128", new Entry("Currency is not valid for Offer ID", 400)),
            Map.entry("2129", new Entry("Customer is not eligible to purchase Offer ID", 400)),
            Map.entry("2130", new Entry("Line item Offer ID does not match original order", 400)),
            Map.entry("2131", new Entry("extLineItemNumber does not match original order", 400)),
            Map.entry("2132", new Entry("An early renewal line can only be returned whole", 400)),
            Map.entry("2133", new Entry("Line item has already been returned", 400)),
            Map.entry("2134", new Entry("Line item cannot be returned as the order already expired", 400)),
            Map.entry("2136", new Entry("No subscriptions are eligible for renewal", 400)),
            Map.entry("2137", new Entry("Currency code not aligned", 400)),
            Map.entry("2140", new Entry("Order contains order level currency and line-item level currency", 400)),
            Map.entry("2141", new Entry("Customer is not qualified for the flexible discount.", 400)),
            Map.entry("2144", new Entry("Flexible Discount cannot be applied in combination with other discounts.",
                    400)),
            Map.entry("2145", new Entry("Flexible discount codes cannot be applied to non-base products.", 400)),
            Map.entry("2146", new Entry("Invalid Flexible Discount Code", 400)),
            Map.entry("2147", new Entry("Only one Flexible Discount code is allowed per line item.", 400)),
            Map.entry("2148", new Entry("Invalid pricing request for multiple currencies.", 400)),
            Map.entry("2164", new Entry("All subscriptions are already renewed.", 400)),
            Map.entry("3115", new Entry("Invalid Customer or Subscription ID", 404)),
            Map.entry("3116", new Entry("Invalid renewal quantity", 400)),
            Map.entry("3119", new Entry("Subscription is not active", 400)),
            Map.entry("3121", new Entry("Subscription Not allowed for Renewal.", 400)),
            Map.entry("3122", new Entry("Subscription is outside the renewal window", 400)),
            Map.entry("4119", new Entry("Correlation ID is Invalid or Missing", 400)),
            Map.entry("5122", new Entry("Order placement is currently unavailable. Please try again later.", 400)),
            Map.entry("5135", new Entry("Invalid Discount Code", 400)),
            Map.entry(RETURN_QTY_EXCEEDS_REMAINING,
                    new Entry("Return quantity exceeds the remaining quantity of the line item", 422)));

    private VipErrors() {
    }

    public static VipError of(String code, List<String> details) {
        Entry entry = ENTRIES.get(code);
        if (entry == null) {
            throw new IllegalArgumentException("no VIP error " + code);
        }
        return new VipError(code, entry.message(), details, entry.httpStatus());
    }

    public static VipError of(String code, String... details) {
        return of(code, List.of(details));
    }

    /** A line rule's detail: {@code "Line Item: 4"}, with {@code ", Reason: CODE"} where Adobe gives one. */
    static String line(int extLineItemNumber, String reason) {
        return "Line Item: " + extLineItemNumber + (reason == null ? "" : ", Reason: " + reason);
    }
}
