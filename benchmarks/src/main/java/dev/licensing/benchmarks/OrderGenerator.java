package dev.licensing.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.licensing.api.AuthorizationMethod;
import dev.licensing.api.LicenseType;
import dev.licensing.api.catalog.Policy;
import dev.licensing.api.catalog.Product;
import dev.licensing.api.catalog.ProductCustomField;
import dev.licensing.api.catalog.ProductFeature;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Generates LicenseSpring Create Order requests against {@link GeneratedCatalog}, one compact JSON object per order, in
 * sequence: the same options give the same lines. Memory does not grow with the number of orders: customers and users
 * are pure functions of an index (so that reusing an index repeats the same person), and the only memory of earlier
 * lines is a fixed-size ring of given keys for {@link Defect#DUPLICATE_KEY} lines.
 *
 * <p>Not thread-safe; a benchmark gives each thread its own generator or generates its lines up front.
 */
public final class OrderGenerator {

    /** How many given keys of earlier good lines a duplicate-key line draws from. */
    static final int KEY_MEMORY = 4096;

    private static final Defect[] DEFECTS = Defect.values();
    private static final String KEY_SYMBOLS = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final long START = Instant.parse("2019-01-01T00:00:00Z").getEpochSecond();
    private static final long SPAN = Instant.parse("2025-01-01T00:00:00Z").getEpochSecond() - START;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter DATE_TIME_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final ZoneOffset CEST = ZoneOffset.ofHours(2);
    private static final String[] FIRST_NAMES = {
            "Anna", "Ben", "Chen", "Dara", "Elif", "Farid", "Greta", "Hugo", "Ines", "Jonas", "Keiko", "Luis", "Mara",
            "Nils", "Olga", "Pavel", "Quinn", "Rosa", "Sami", "Tara"};
    private static final String[] LAST_NAMES = {
            "Schmidt", "Novak", "Garcia", "Okafor", "Lindqvist", "Rossi", "Tanaka", "Dubois", "Kowalski", "Silva",
            "Murphy", "Yilmaz", "Jensen", "Moreau", "Costa"};
    private static final String[] DOMAINS = {
            "example.com", "mail.example.org", "corp.example.net", "studio.example.io", "example.de"};
    private static final String[] COMPANIES = {
            "Northwind", "Blue Yonder Airlines", "Contoso Ltd", "Fabrikam", "Tailspin Toys", "Wide World Importers"};
    private static final String[] DURATIONS = {"1y", "6m", "30d", "2y", "90d", "3m"};
    private static final String[] LANGUAGES = {"en", "de", "fr", "es", "ja"};
    private static final String[] POLICY_CODES = {
            GeneratedCatalog.PERPETUAL, GeneratedCatalog.ANNUAL, GeneratedCatalog.TRIAL, GeneratedCatalog.METERED,
            GeneratedCatalog.SUBSCRIPTION};

    private final GeneratedCatalog catalog;
    private final GeneratorOptions options;
    private final Random random;
    private final JsonFactory json = new JsonFactory();
    private final String idTag;
    private final String[] rememberedKeys = new String[KEY_MEMORY];
    private final List<String> keysOfThisOrder = new ArrayList<>();
    private final Set<Long> usersOfThisOrder = new HashSet<>();
    private int rememberedCount;
    private long orders;
    private long keys;
    private long customers;
    private long users;

    public OrderGenerator(GeneratorOptions options) {
        this.options = options;
        this.catalog = GeneratedCatalog.generate(options.seed());
        this.random = new Random(options.seed());
        this.idTag = Long.toUnsignedString(options.seed(), 36);
    }

    /** The catalog every line is written against. */
    public GeneratedCatalog catalog() {
        return catalog;
    }

    /** The next order as one line of compact JSON, without the line break. */
    public String nextLine() {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator g = json.createGenerator(out)) {
            writeOrder(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Writes the next {@code count} orders, each on its own line ending with {@code '\n'}; leaves {@code out} open. */
    public void writeLines(Writer out, long count) throws IOException {
        JsonGenerator g = json.createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        // Root values are separated by the line break written after each, not by Jackson's default space.
        g.setRootValueSeparator(null);
        for (long i = 0; i < count; i++) {
            writeOrder(g);
            g.writeRaw('\n');
        }
        g.close();
    }

    /** How many given keys the generator holds for duplicate-key lines: never more than {@link #KEY_MEMORY}. */
    int rememberedKeyCount() {
        return rememberedCount;
    }

    private void writeOrder(JsonGenerator g) throws IOException {
        long n = orders++;
        keysOfThisOrder.clear();
        usersOfThisOrder.clear();
        Defect defect = random.nextDouble() < options.badShare() ? DEFECTS[random.nextInt(DEFECTS.length)] : null;
        if (defect == Defect.DUPLICATE_KEY && rememberedCount == 0) {
            // Nothing to duplicate yet (the first lines, or no given keys at all): another defect keeps the share.
            defect = Defect.TYPO_FIELD;
        }
        boolean userBased = defect != Defect.DUPLICATE_KEY && random.nextDouble() < options.userShare();
        List<Product> family = userBased ? catalog.userProducts() : catalog.keyProducts();
        int licenses = licenseCount();
        int defectAt = random.nextInt(licenses);
        long createdSecond = START + (long) (random.nextDouble() * SPAN);

        g.writeStartObject();
        g.writeStringField("id", "ord-" + idTag + "-" + n);
        g.writeStringField("created", created(createdSecond));
        orderExtras(g);
        if (random.nextInt(10) != 0) {
            customer(g);
        }
        g.writeArrayFieldStart("items");
        int secondItemFrom = licenses >= 2 && random.nextInt(7) == 0 ? 1 + random.nextInt(licenses - 1) : licenses;
        Product first = family.get(random.nextInt(family.size()));
        item(g, first, 0, secondItemFrom, defect, defectAt, createdSecond);
        if (secondItemFrom < licenses) {
            Product second = family.get(random.nextInt(family.size()));
            if (second == first) {
                second = family.get((family.indexOf(first) + 1) % family.size());
            }
            item(g, second, secondItemFrom, licenses, defect, defectAt, createdSecond);
        }
        g.writeEndArray();
        g.writeEndObject();
        if (defect == null) {
            keysOfThisOrder.forEach(this::remember);
        }
    }

    private int licenseCount() {
        int span = options.maxLicenses() - options.minLicenses() + 1;
        double u = random.nextDouble();
        // u squared: most orders are small, as in a shop; an exact count when min equals max.
        return options.minLicenses() + (int) (span * u * u);
    }

    private void orderExtras(JsonGenerator g) throws IOException {
        int extras = random.nextInt(100);
        if (extras < 10) {
            g.writeStringField("language", LANGUAGES[random.nextInt(LANGUAGES.length)]);
        }
        if (extras < 5) {
            g.writeStringField("order_type", "normal");
            g.writeBooleanField("is_test", false);
        }
        if (extras >= 95) {
            g.writeStringField("campaign_params", "utm_source=newsletter&utm_campaign=q" + (1 + random.nextInt(4)));
            g.writeStringField("metadata", "{\"channel\":\"web\",\"cart\":\"" + random.nextInt(100_000) + "\"}");
        }
        if (extras == 50) {
            g.writeBooleanField("prevent_vm", true);
        }
        if (extras >= 60 && extras < 63) {
            List<?> accounts = catalog.catalog().customerAccounts();
            g.writeNumberField("customer_account_id", 1 + random.nextInt(accounts.size()));
        }
    }

    private void customer(JsonGenerator g) throws IOException {
        long c = random.nextInt(4) == 0 && customers > 0 ? (long) (random.nextDouble() * customers) : customers++;
        long h = mix(options.seed() ^ c);
        String first = FIRST_NAMES[(int) Long.remainderUnsigned(h, FIRST_NAMES.length)];
        String last = LAST_NAMES[(int) Long.remainderUnsigned(h >>> 8, LAST_NAMES.length)];
        g.writeObjectFieldStart("customer");
        g.writeStringField("email", email(first, last, c, h));
        g.writeStringField("first_name", first);
        g.writeStringField("last_name", last);
        if ((h & 0x30000) != 0) {
            g.writeStringField("company_name", COMPANIES[(int) Long.remainderUnsigned(h >>> 20, COMPANIES.length)]);
        }
        if ((h & 0x40000) != 0) {
            g.writeStringField("phone", "+1-555-" + (1000 + Long.remainderUnsigned(h >>> 24, 9000)));
        }
        if ((h & 0x80000) != 0) {
            g.writeStringField("reference", "crm-" + idTag + "-" + c);
        }
        g.writeEndObject();
    }

    private void item(JsonGenerator g, Product product, int from, int to, Defect defect, int defectAt,
                      long createdSecond) throws IOException {
        g.writeStartObject();
        boolean unknown = defect == Defect.UNKNOWN_PRODUCT && defectAt >= from && defectAt < to;
        g.writeStringField("product_code", unknown ? product.code() + "-DISCONTINUED" : product.code());
        if (random.nextInt(10) == 0) {
            g.writeStringField("note", "PO " + (10_000 + random.nextInt(90_000)));
        }
        g.writeArrayFieldStart("licenses");
        for (int i = from; i < to; i++) {
            license(g, product, i == defectAt ? defect : null, createdSecond);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private void license(JsonGenerator g, Product product, Defect defect, long createdSecond) throws IOException {
        g.writeStartObject();
        boolean userBased = product.authorizationMethod() == AuthorizationMethod.USER;
        if (userBased) {
            users(g);
        } else if (defect == Defect.DUPLICATE_KEY) {
            g.writeStringField("key", rememberedKeys[random.nextInt(rememberedCount)]);
        } else if (random.nextDouble() < options.givenKeyShare()) {
            String key = newKey();
            keysOfThisOrder.add(key);
            g.writeStringField("key", key);
        }
        Policy policy = policy(g, product, defect);
        LicenseType type = policy.properties().licenseType();
        int roll = random.nextInt(100);
        if (defect == Defect.TYPO_FIELD) {
            g.writeNumberField("max_activation", 1 + random.nextInt(10));
        } else if (roll < 20) {
            g.writeNumberField("max_activations", 1 + random.nextInt(10));
        }
        if (defect == Defect.BAD_DURATION) {
            g.writeStringField("valid_duration", "1x");
        } else if (type == LicenseType.TIME_LIMITED && roll >= 20 && roll < 40) {
            g.writeStringField("valid_duration", DURATIONS[random.nextInt(DURATIONS.length)]);
        } else if (type == LicenseType.PERPETUAL && roll >= 97) {
            g.writeStringField("license_type", LicenseType.TIME_LIMITED.wire());
            g.writeStringField("valid_duration", DURATIONS[random.nextInt(DURATIONS.length)]);
        }
        if (type == LicenseType.CONSUMPTION && roll >= 40 && roll < 60) {
            g.writeNumberField("max_consumptions", 100 * (1 + random.nextInt(50)));
            if (roll < 50) {
                g.writeBooleanField("allow_overages", true);
                g.writeNumberField("max_overages", 10 * (1 + random.nextInt(10)));
            }
        }
        if (type == LicenseType.SUBSCRIPTION && roll >= 60 && roll < 70) {
            g.writeBooleanField("allow_grace_period", true);
            g.writeNumberField("grace_period", 3 + random.nextInt(28));
        }
        licenseExtras(g, createdSecond, userBased);
        features(g, product);
        customFields(g, product);
        g.writeEndObject();
    }

    /** Writes the license's policy reference, if it names one, and returns the policy that serves it. */
    private Policy policy(JsonGenerator g, Product product, Defect defect) throws IOException {
        if (defect == Defect.BAD_DURATION) {
            // A time-limited policy, so that the only thing wrong is the duration's unit.
            g.writeStringField("policy_code", GeneratedCatalog.ANNUAL);
            return catalog.policy(product.code(), GeneratedCatalog.ANNUAL);
        }
        int roll = random.nextInt(100);
        if (roll < 30) {
            return catalog.policy(product.code(), product.defaultPolicy());
        }
        String code = POLICY_CODES[random.nextInt(POLICY_CODES.length)];
        g.writeStringField(roll < 35 ? "license_template_code" : "policy_code", code);
        return catalog.policy(product.code(), code);
    }

    private void licenseExtras(JsonGenerator g, long createdSecond, boolean userBased) throws IOException {
        int roll = random.nextInt(100);
        if (roll < 5) {
            g.writeBooleanField("is_trial", true);
            g.writeNumberField("trial_days", random.nextBoolean() ? 14 : 30);
        } else if (roll < 10) {
            g.writeBooleanField("enable_maintenance_period", true);
            g.writeStringField("maintenance_duration", "1y");
        } else if (roll < 14) {
            long start = createdSecond + 86_400L * random.nextInt(30);
            g.writeStringField("start_date", LocalDateTime.ofEpochSecond(start, 0, ZoneOffset.UTC).format(DATE));
        } else if (roll < 17) {
            g.writeBooleanField("prevent_vm", true);
        } else if (roll < 20) {
            g.writeObjectFieldStart("metadata");
            g.writeStringField("seat", "S-" + random.nextInt(1000));
            g.writeEndObject();
        } else if (userBased && roll < 25) {
            g.writeNumberField("max_license_users", 3 + random.nextInt(8));
        }
        if (random.nextInt(10) == 0) {
            g.writeStringField("note", "renewal of contract " + random.nextInt(100_000));
        }
    }

    private void users(JsonGenerator g) throws IOException {
        int roll = random.nextInt(10);
        int count = roll < 7 ? 1 : roll < 9 ? 2 : 3;
        g.writeArrayFieldStart("users");
        for (int i = 0; i < count; i++) {
            long u = random.nextInt(10) < 3 && users > 0 ? (long) (random.nextDouble() * users) : users++;
            if (!usersOfThisOrder.add(u)) {
                // The same email twice in one order is a mistake a real shop does not make; take a new user.
                u = users++;
                usersOfThisOrder.add(u);
            }
            long h = mix(~options.seed() ^ u);
            String first = FIRST_NAMES[(int) Long.remainderUnsigned(h, FIRST_NAMES.length)];
            String last = LAST_NAMES[(int) Long.remainderUnsigned(h >>> 8, LAST_NAMES.length)];
            g.writeStartObject();
            g.writeStringField("email", email(first, last, u, h));
            if (i == 0 && random.nextInt(3) == 0) {
                g.writeBooleanField("is_manager", true);
            }
            if (random.nextInt(10) == 0) {
                g.writeNumberField("max_activations", 1 + random.nextInt(5));
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void features(JsonGenerator g, Product product) throws IOException {
        if (random.nextInt(10) >= 3) {
            return;
        }
        List<ProductFeature> features = product.features();
        int first = random.nextInt(features.size());
        int count = 1 + random.nextInt(Math.min(2, features.size()));
        boolean longForm = random.nextInt(5) < 2;
        g.writeArrayFieldStart("product_features");
        for (int i = 0; i < count; i++) {
            ProductFeature feature = features.get((first + i) % features.size());
            if (longForm) {
                g.writeStartObject();
                g.writeStringField("code", feature.code());
                g.writeNumberField("max_consumption", 10 * (1 + random.nextInt(20)));
                g.writeStringField("expiry_date", (2026 + random.nextInt(3)) + "-05-23");
                g.writeEndObject();
            } else {
                g.writeString(feature.code());
            }
        }
        g.writeEndArray();
    }

    private void customFields(JsonGenerator g, Product product) throws IOException {
        if (random.nextInt(4) != 0) {
            return;
        }
        List<ProductCustomField> fields = product.customFields();
        int first = random.nextInt(fields.size());
        int count = 1 + random.nextInt(2);
        g.writeArrayFieldStart("custom_fields");
        for (int i = 0; i < count; i++) {
            ProductCustomField field = fields.get((first + i) % fields.size());
            g.writeStartObject();
            g.writeStringField("name", field.name());
            g.writeStringField("data_type", field.dataType().wire());
            g.writeStringField("value", switch (field.dataType()) {
                case TEXT -> random.nextBoolean() ? "EU" : "US";
                case NUMBER -> Integer.toString(1000 + random.nextInt(9000));
                case DATE_TIME -> (2025 + random.nextInt(3)) + "-0" + (1 + random.nextInt(9)) + "-15T00:00:00Z";
            });
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** Mostly UTC date-times, some with milliseconds or an offset, a few dates alone. */
    private String created(long second) {
        int roll = random.nextInt(100);
        LocalDateTime utc = LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC);
        if (roll < 3) {
            return utc.format(DATE);
        }
        if (roll < 10) {
            return utc.plusNanos(1_000_000L * random.nextInt(1000)).format(DATE_TIME_MILLIS) + "Z";
        }
        if (roll < 15) {
            return LocalDateTime.ofEpochSecond(second, 0, CEST).format(DATE_TIME) + "+02:00";
        }
        return utc.format(DATE_TIME) + "Z";
    }

    /**
     * A key in LicenseSpring's format, unique in the file: 8 random symbols, so that keys spread over the index as real
     * ones do, then 8 that encode the key's sequence number scrambled by an odd multiplier (a bijection on 40 bits), so
     * that they never collide and do not look like a counter.
     */
    private String newKey() {
        long sequence = ((keys++ + 1) * 0x9E3779B97F4A7C15L) & ((1L << 40) - 1);
        long noise = random.nextLong();
        char[] key = new char[19];
        int at = 0;
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                key[at++] = '-';
            }
            long source = i < 8 ? noise >>> (5 * i) : sequence >>> (5 * (15 - i));
            key[at++] = KEY_SYMBOLS.charAt((int) (source & 31));
        }
        return new String(key);
    }

    private void remember(String key) {
        if (rememberedCount < KEY_MEMORY) {
            rememberedKeys[rememberedCount++] = key;
        } else {
            rememberedKeys[random.nextInt(KEY_MEMORY)] = key;
        }
    }

    private static String email(String first, String last, long index, long hash) {
        return first.toLowerCase(Locale.ROOT) + "." + last.toLowerCase(Locale.ROOT) + index + "@"
                + DOMAINS[(int) Long.remainderUnsigned(hash >>> 16, DOMAINS.length)];
    }

    /** SplitMix64's finalizer: spreads an index's bits so that names and domains look drawn at random. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
