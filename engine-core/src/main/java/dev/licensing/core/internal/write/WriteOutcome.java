package dev.licensing.core.internal.write;

import dev.licensing.api.LicensingError;
import dev.licensing.api.model.OrderResult;
import dev.licensing.core.internal.plan.PlannedOrder;

import java.util.List;

/** What became of one planned order of a batch: written ({@code result}) or rejected ({@code errors}). */
public record WriteOutcome(PlannedOrder planned, OrderResult result, List<LicensingError> errors) {
    public WriteOutcome {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public boolean written() {
        return result != null;
    }
}
