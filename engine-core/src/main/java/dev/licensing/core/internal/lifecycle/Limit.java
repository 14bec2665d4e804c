package dev.licensing.core.internal.lifecycle;

import dev.licensing.api.ConsumptionPeriod;
import dev.licensing.api.ErrorCode;

/**
 * The consumption rules of the license or of one feature (lifecycle.md "Consumption"): all or nothing, the total never
 * below 0, unlimited winning over overages, else the limit {@code max + (allowOverages ? maxOverages : 0)}.
 */
record Limit(boolean feature, long max, boolean unlimited, boolean allowOverages, long maxOverages,
             boolean allowNegative, Boolean reset, ConsumptionPeriod period) {

    /** The new total after adding {@code n} to {@code total}, or the refusal. */
    long apply(long total, long n) {
        if (n < 0) {
            if (!allowNegative) {
                throw Refusal.at(ErrorCode.NEGATIVE_CONSUMPTIONS_NOT_ALLOWED, "consumptions",
                        "negative consumptions are not allowed");
            }
            if (total + n < 0) {
                throw Refusal.at(ErrorCode.CONSUMPTION_BELOW_ZERO, "consumptions",
                        "the total " + total + " cannot drop by " + (-n));
            }
            return total + n;
        }
        long limit = allowOverages ? saturatedSum(max, maxOverages) : max;
        long sum = saturatedSum(total, n);
        if (unlimited) {
            if (sum == Long.MAX_VALUE) {
                throw notEnough(total, n, Long.MAX_VALUE - 1);
            }
            return sum;
        }
        if (sum > limit) {
            throw notEnough(total, n, limit);
        }
        return sum;
    }

    private RuntimeException notEnough(long total, long n, long limit) {
        return Refusal.at(feature ? ErrorCode.FEATURE_NOT_ENOUGH_CONSUMPTIONS : ErrorCode.LICENSE_NOT_ENOUGH_CONSUMPTIONS,
                "consumptions", total + " + " + n + " is over the limit of " + limit);
    }

    private static long saturatedSum(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}
