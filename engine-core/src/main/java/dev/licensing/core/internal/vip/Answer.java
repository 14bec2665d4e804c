package dev.licensing.core.internal.vip;

import dev.licensing.api.vip.VipError;
import dev.licensing.api.vip.VipOrder;

/** What a Create Order request answered: the response's order or a rejection, with the HTTP status. */
public record Answer(VipOrder order, VipError error, int httpStatus, boolean replayed) {
    static Answer of(VipOrder order, int httpStatus) {
        return new Answer(order, null, httpStatus, false);
    }

    static Answer rejected(VipError error) {
        return new Answer(null, error, error.httpStatus(), false);
    }
}
