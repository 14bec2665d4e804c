package dev.licensing.core;

import dev.licensing.api.LicenseProperties;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/** Test shorthand: {@code Props.of("licenseType", CONSUMPTION, "maxConsumptions", 5L)}, every other property null. */
public final class Props {
    private Props() {
    }

    public static LicenseProperties of(Object... namesAndValues) {
        RecordComponent[] components = LicenseProperties.class.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String name = (String) namesAndValues[i];
            int index = Arrays.stream(components).map(RecordComponent::getName).toList().indexOf(name);
            if (index < 0) {
                throw new IllegalArgumentException("no property " + name);
            }
            values[index] = namesAndValues[i + 1];
        }
        try {
            return LicenseProperties.class.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new)).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
