package dev.licensing.api.vip;

import java.util.List;

/**
 * Adobe's error body {@code {"code", "message", "additionalDetails"}} and the HTTP status Adobe sends with it.
 *
 * @param additionalDetails field paths, or {@code "Line Item: <n>[, Reason: <CODE>]"}; never {@code null}
 */
public record VipError(String code, String message, List<String> additionalDetails, int httpStatus) {
    public VipError {
        additionalDetails = additionalDetails == null ? List.of() : List.copyOf(additionalDetails);
    }
}
