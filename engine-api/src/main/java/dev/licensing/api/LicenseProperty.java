package dev.licensing.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One property of {@link LicenseProperties}, as its record component declares it (with {@link Declared}): its Java name
 * and type, its snake_case wire name, the engine's default, and how a response shows it. Every consumer (the JSON codec,
 * the resolver, the response writer, the SQL stores' columns, the tests' builders) iterates {@link #all()}, the way
 * Jackson derives a bean's properties from the bean: a new property is one record component and its rule.
 */
public final class LicenseProperty {

    /** How a license property is declared: on its component of {@link LicenseProperties}. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.RECORD_COMPONENT)
    public @interface Declared {
        /** The engine default, as its wire text ({@code "false"}, {@code "120"}, {@code "perpetual"}); none: absent. */
        String[] engineDefault() default {};

        /** The license types whose responses show it; empty: every type. */
        LicenseType[] onlyFor() default {};

        /** The response's name for it, when the page's response names it otherwise than its requests. */
        String responseName() default "";

        /** What a response shows when no layer gives it, where the page's response type has no null; none: null. */
        String[] shownIfAbsent() default {};

        /** Whether a request may give it as a JSON number too (kept as its text). */
        boolean textOrNumber() default false;
    }

    /** The Java types a license property can have: each consumer says, once per kind, how it reads or writes it. */
    public enum Kind {
        BOOLEAN(Boolean.class), INTEGER(Integer.class), LONG(Long.class), TEXT(String.class),
        LICENSE_TYPE(LicenseType.class), CONSUMPTION_PERIOD(ConsumptionPeriod.class);

        private final Class<?> type;

        Kind(Class<?> type) {
            this.type = type;
        }

        static Kind of(Class<?> type) {
            return Arrays.stream(values()).filter(kind -> kind.type == type).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no license property kind for " + type));
        }
    }

    private static final List<LicenseProperty> ALL;
    private static final Map<String, LicenseProperty> BY_WIRE_NAME;
    private static final MethodHandle CONSTRUCTOR;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            RecordComponent[] components = LicenseProperties.class.getRecordComponents();
            List<LicenseProperty> all = new ArrayList<>(components.length);
            for (int i = 0; i < components.length; i++) {
                all.add(new LicenseProperty(i, components[i], lookup.unreflect(components[i].getAccessor())));
            }
            ALL = List.copyOf(all);
            BY_WIRE_NAME = ALL.stream().collect(Collectors.toUnmodifiableMap(LicenseProperty::wireName, p -> p));
            Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            CONSTRUCTOR = lookup.findConstructor(LicenseProperties.class, MethodType.methodType(void.class, types))
                    .asSpreader(Object[].class, types.length)
                    .asType(MethodType.methodType(LicenseProperties.class, Object[].class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final int index;
    private final String name;
    private final String wireName;
    private final Class<?> type;
    private final Kind kind;
    private final MethodHandle getter;
    private final Declared declared;
    private final Object engineDefault;
    private final Object shownIfAbsent;
    private final Set<LicenseType> onlyFor;

    private LicenseProperty(int index, RecordComponent component, MethodHandle getter) {
        this.index = index;
        this.name = component.getName();
        this.wireName = snakeCase(name);
        this.type = component.getType();
        this.kind = Kind.of(type);
        this.getter = getter.asType(MethodType.methodType(Object.class, LicenseProperties.class));
        this.declared = component.getAnnotation(Declared.class);
        if (declared == null) {
            throw new IllegalStateException("LicenseProperties." + name + " lacks its @Declared");
        }
        this.engineDefault = declared.engineDefault().length == 0 ? null : fromText(declared.engineDefault()[0]);
        this.shownIfAbsent = declared.shownIfAbsent().length == 0 ? null : fromText(declared.shownIfAbsent()[0]);
        this.onlyFor = declared.onlyFor().length == 0 ? EnumSet.allOf(LicenseType.class)
                : EnumSet.copyOf(Arrays.asList(declared.onlyFor()));
    }

    /** Every license property, in the order of the record's components. */
    public static List<LicenseProperty> all() {
        return ALL;
    }

    /** The property with this wire name ({@code max_activations}). */
    public static LicenseProperty named(String wireName) {
        LicenseProperty property = BY_WIRE_NAME.get(wireName);
        if (property == null) {
            throw new IllegalArgumentException("no license property '" + wireName + "'");
        }
        return property;
    }

    /** The properties whose values {@code valueOf} gives (null: not given), by property. */
    public static LicenseProperties build(Function<LicenseProperty, Object> valueOf) {
        Object[] values = new Object[ALL.size()];
        for (LicenseProperty property : ALL) {
            values[property.index] = property.checked(valueOf.apply(property));
        }
        try {
            return (LicenseProperties) CONSTRUCTOR.invokeExact(values);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** The properties {@code byJavaName} gives ({@code "maxActivations" -> 10}); a name no property has is an error. */
    public static LicenseProperties of(Map<String, ?> byJavaName) {
        Set<String> names = ALL.stream().map(LicenseProperty::name).collect(Collectors.toSet());
        if (!names.containsAll(byJavaName.keySet())) {
            throw new IllegalArgumentException("LicenseProperties has no " + byJavaName.keySet().stream()
                    .filter(name -> !names.contains(name)).toList());
        }
        return build(property -> byJavaName.get(property.name()));
    }

    /** What a license gets when no layer says otherwise: each property's declared engine default, else none. */
    public static LicenseProperties engineDefaults() {
        return build(LicenseProperty::engineDefault);
    }

    /** Its position among {@link #all()}, the record's component order. */
    public int index() {
        return index;
    }

    /** Its Java name, the record component's ({@code maxActivations}). */
    public String name() {
        return name;
    }

    /** Its snake_case name in requests, the catalog file and the SQL stores' columns ({@code max_activations}). */
    public String wireName() {
        return wireName;
    }

    /** Its name in responses: the wire name, unless the page's response names it otherwise. */
    public String responseName() {
        return declared.responseName().isEmpty() ? wireName : declared.responseName();
    }

    /** Its Java type: {@code Boolean}, {@code Integer}, {@code Long}, {@code String}, or a wire enum. */
    public Class<?> type() {
        return type;
    }

    /** Its kind, for a switch over the types a property can have. */
    public Kind kind() {
        return kind;
    }

    /** The engine's default, or {@code null} when a license lacks it unless a layer gives it. */
    public Object engineDefault() {
        return engineDefault;
    }

    /** What a response shows when the license lacks it, or {@code null} for a JSON null. */
    public Object shownIfAbsent() {
        return shownIfAbsent;
    }

    /** Whether a response of a license of {@code licenseType} shows it (type-specific ones only for their types). */
    public boolean shownFor(LicenseType licenseType) {
        return onlyFor.contains(licenseType);
    }

    /** Whether it belongs to some license types only. */
    public boolean typeSpecific() {
        return onlyFor.size() < LicenseType.values().length;
    }

    /** Whether a request may give it as a JSON number too. */
    public boolean textOrNumber() {
        return declared.textOrNumber();
    }

    /** Its value in {@code properties}, or {@code null}. */
    public Object get(LicenseProperties properties) {
        try {
            return getter.invokeExact(properties);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** A value from its wire text: {@code "true"}, {@code "120"}, {@code "perpetual"}; {@code null} stays null. */
    public Object fromText(String text) {
        if (text == null) {
            return null;
        }
        return switch (kind) {
            case BOOLEAN -> Boolean.valueOf(text);
            case INTEGER -> Integer.valueOf(text);
            case LONG -> Long.valueOf(text);
            case TEXT -> text;
            case LICENSE_TYPE -> LicenseType.fromWire(text);
            case CONSUMPTION_PERIOD -> ConsumptionPeriod.fromWire(text);
        };
    }

    /** The wire text of an enum value ({@code "perpetual"}), other values as they are; {@code null} stays null. */
    public Object toWire(Object value) {
        if (value instanceof LicenseType licenseType) {
            return licenseType.wire();
        } else if (value instanceof ConsumptionPeriod period) {
            return period.wire();
        }
        return value;
    }

    @Override
    public String toString() {
        return wireName;
    }

    private Object checked(Object value) {
        if (value != null && !type.isInstance(value)) {
            throw new IllegalArgumentException(name + " is a " + type.getSimpleName() + ", not " + value.getClass()
                    .getSimpleName());
        }
        return value;
    }

    private static String snakeCase(String javaName) {
        StringBuilder wire = new StringBuilder(javaName.length() + 4);
        for (char c : javaName.toCharArray()) {
            if (Character.isUpperCase(c)) {
                wire.append('_').append(Character.toLowerCase(c));
            } else {
                wire.append(c);
            }
        }
        return wire.toString();
    }

    /**
     * {@code (over, under) -> under.overriddenBy(over)}, one {@code pick} a component, composed once from the record's
     * accessors and constructor: a call through a constant handle runs as fast as the 36 picks written out.
     */
    static MethodHandle overrideHandle() {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            RecordComponent[] components = LicenseProperties.class.getRecordComponents();
            Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            MethodHandle merged = lookup.findConstructor(LicenseProperties.class,
                    MethodType.methodType(void.class, types));
            MethodHandle pick = lookup.findStatic(LicenseProperty.class, "pick",
                    MethodType.methodType(Object.class, Object.class, Object.class));
            for (int i = components.length - 1; i >= 0; i--) {
                MethodHandle get = lookup.unreflect(components[i].getAccessor())
                        .asType(MethodType.methodType(Object.class, LicenseProperties.class));
                MethodHandle pickOne = MethodHandles.filterArguments(pick, 0, get, get)
                        .asType(MethodType.methodType(types[i], LicenseProperties.class, LicenseProperties.class));
                merged = MethodHandles.collectArguments(merged, i, pickOne);
            }
            int[] overUnder = new int[2 * components.length];
            for (int i = 0; i < overUnder.length; i++) {
                overUnder[i] = i % 2;
            }
            return MethodHandles.permuteArguments(merged, MethodType.methodType(LicenseProperties.class,
                    LicenseProperties.class, LicenseProperties.class), overUnder);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static Object pick(Object over, Object under) {
        return over != null ? over : under;
    }
}
