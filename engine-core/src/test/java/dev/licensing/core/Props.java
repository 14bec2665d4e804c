package dev.licensing.core;

import dev.licensing.api.LicenseProperties;
import dev.licensing.api.LicenseProperty;

import java.util.HashMap;
import java.util.Map;

/** Test shorthand: {@code Props.of("licenseType", CONSUMPTION, "maxConsumptions", 5L)}, every other property null. */
public final class Props {
    private Props() {
    }

    /** @param namesAndValues Java names ({@link LicenseProperty#name()}) and values, in pairs */
    public static LicenseProperties of(Object... namesAndValues) {
        Map<String, Object> given = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            given.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return LicenseProperty.of(given);
    }
}
