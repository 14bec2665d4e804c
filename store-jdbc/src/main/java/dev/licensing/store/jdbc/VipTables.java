package dev.licensing.store.jdbc;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.licensing.api.catalog.Catalog;
import dev.licensing.api.catalog.FlexDiscount;
import dev.licensing.api.catalog.Offer;
import dev.licensing.api.catalog.VipCustomer;
import dev.licensing.api.store.VipReplay;
import dev.licensing.api.store.VipWrite;
import dev.licensing.api.vip.VipOrder;
import dev.licensing.api.vip.VipSubscription;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The VIP Marketplace dialect's tables (schema version 2): the catalog's VIP sections, coterm dates, orders,
 * subscriptions and kept answers, each record as JSON text. Portable SQL only, which SQLite and PostgreSQL both run (an
 * upsert keeps a record's position).
 */
final class VipTables {
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new SimpleModule()
            .addSerializer(Instant.class, new ToStringSerializer<>(Instant.class))
            .addDeserializer(Instant.class, new ParsingDeserializer<>(Instant.class, Instant::parse))
            .addSerializer(LocalDate.class, new ToStringSerializer<>(LocalDate.class))
            .addDeserializer(LocalDate.class, new ParsingDeserializer<>(LocalDate.class, LocalDate::parse)));

    private static final TypeReference<List<VipCustomer>> CUSTOMERS = new TypeReference<>() { };
    private static final TypeReference<List<Offer>> OFFERS = new TypeReference<>() { };
    private static final TypeReference<List<FlexDiscount>> DISCOUNTS = new TypeReference<>() { };

    private static final String SELECT_CATALOG =
            "SELECT vip_customers, offers, flex_discounts FROM vip_catalog WHERE company_id = ?";
    private static final String DELETE_CATALOG = "DELETE FROM vip_catalog WHERE company_id = ?";
    private static final String INSERT_CATALOG =
            "INSERT INTO vip_catalog (company_id, vip_customers, offers, flex_discounts) VALUES (?, ?, ?, ?)";
    private static final String SELECT_COTERM =
            "SELECT coterm_date FROM vip_coterms WHERE company_id = ? AND customer_id = ?";
    private static final String UPSERT_COTERM = "INSERT INTO vip_coterms (company_id, customer_id, coterm_date) "
            + "VALUES (?, ?, ?) ON CONFLICT (company_id, customer_id) DO UPDATE SET coterm_date = excluded.coterm_date";
    private static final String ORDER_BY_ID = "SELECT body FROM vip_orders WHERE company_id = ? AND order_id = ?";
    private static final String ORDERS_OF_CUSTOMER =
            "SELECT body FROM vip_orders WHERE company_id = ? AND customer_id = ? ORDER BY position";
    private static final String UPSERT_ORDER = "INSERT INTO vip_orders (company_id, order_id, customer_id, position, "
            + "body) VALUES (?, ?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM vip_orders WHERE company_id = ?), ?) "
            + "ON CONFLICT (company_id, order_id) DO UPDATE SET body = excluded.body";
    private static final String SUBSCRIPTION_BY_ID =
            "SELECT body FROM vip_subscriptions WHERE company_id = ? AND subscription_id = ?";
    private static final String SUBSCRIPTIONS_OF_CUSTOMER =
            "SELECT body FROM vip_subscriptions WHERE company_id = ? AND customer_id = ? ORDER BY position";
    private static final String UPSERT_SUBSCRIPTION = "INSERT INTO vip_subscriptions (company_id, subscription_id, "
            + "customer_id, position, body) VALUES (?, ?, ?, (SELECT COALESCE(MAX(position), 0) + 1 "
            + "FROM vip_subscriptions WHERE company_id = ?), ?) "
            + "ON CONFLICT (company_id, subscription_id) DO UPDATE SET body = excluded.body";
    private static final String REPLAY_BY_ID =
            "SELECT body FROM vip_replays WHERE company_id = ? AND correlation_id = ?";
    private static final String UPSERT_REPLAY = "INSERT INTO vip_replays (company_id, correlation_id, body) "
            + "VALUES (?, ?, ?) ON CONFLICT (company_id, correlation_id) DO UPDATE SET body = excluded.body";

    private VipTables() {
    }

    /** {@code catalog} with the VIP sections stored for the company (none stored: empty ones). */
    static Catalog readCatalog(JdbcReader reader, long companyId, Catalog catalog) {
        return reader.query(SELECT_CATALOG, (rs, ctx) -> catalog.withVip(read(rs.getString(1), CUSTOMERS),
                read(rs.getString(2), OFFERS), read(rs.getString(3), DISCOUNTS)), companyId)
                .stream().findFirst().orElse(catalog);
    }

    static void replaceCatalog(StatementCache statements, long companyId, Catalog catalog) throws SQLException {
        PreparedStatement delete = statements.prepare(DELETE_CATALOG);
        delete.setLong(1, companyId);
        delete.executeUpdate();
        PreparedStatement insert = statements.prepare(INSERT_CATALOG);
        insert.setLong(1, companyId);
        insert.setString(2, write(catalog.vipCustomers()));
        insert.setString(3, write(catalog.offers()));
        insert.setString(4, write(catalog.flexDiscounts()));
        insert.executeUpdate();
    }

    static Optional<LocalDate> coterm(JdbcReader reader, String company, String customerId) {
        return one(reader, company, SELECT_COTERM, customerId, LocalDate::parse);
    }

    static Optional<VipOrder> order(JdbcReader reader, String company, String orderId) {
        return one(reader, company, ORDER_BY_ID, orderId, body -> read(body, VipOrder.class));
    }

    static List<VipOrder> orders(JdbcReader reader, String company, String customerId) {
        return all(reader, company, ORDERS_OF_CUSTOMER, customerId, body -> read(body, VipOrder.class));
    }

    static Optional<VipSubscription> subscription(JdbcReader reader, String company, String subscriptionId) {
        return one(reader, company, SUBSCRIPTION_BY_ID, subscriptionId, body -> read(body, VipSubscription.class));
    }

    static List<VipSubscription> subscriptions(JdbcReader reader, String company, String customerId) {
        return all(reader, company, SUBSCRIPTIONS_OF_CUSTOMER, customerId, body -> read(body, VipSubscription.class));
    }

    static Optional<VipReplay> replay(JdbcReader reader, String company, String correlationId) {
        return one(reader, company, REPLAY_BY_ID, correlationId, body -> read(body, VipReplay.class));
    }

    static void write(StatementCache statements, long companyId, VipWrite write) throws SQLException {
        if (write.coterm() != null) {
            PreparedStatement coterm = statements.prepare(UPSERT_COTERM);
            coterm.setLong(1, companyId);
            coterm.setString(2, write.customerId());
            coterm.setString(3, write.coterm().toString());
            coterm.executeUpdate();
        }
        for (VipOrder order : write.orders()) {
            upsertRecord(statements.prepare(UPSERT_ORDER), companyId, order.orderId(), order.customerId(), order);
        }
        for (VipSubscription subscription : write.subscriptions()) {
            upsertRecord(statements.prepare(UPSERT_SUBSCRIPTION), companyId, subscription.subscriptionId(),
                    subscription.customerId(), subscription);
        }
        if (write.replay() != null) {
            PreparedStatement replay = statements.prepare(UPSERT_REPLAY);
            replay.setLong(1, companyId);
            replay.setString(2, write.replay().correlationId());
            replay.setString(3, write(write.replay()));
            replay.executeUpdate();
        }
    }

    private static void upsertRecord(PreparedStatement upsert, long companyId, String id, String customerId,
                                     Object record) throws SQLException {
        upsert.setLong(1, companyId);
        upsert.setString(2, id);
        upsert.setString(3, customerId);
        upsert.setLong(4, companyId);
        upsert.setString(5, write(record));
        upsert.executeUpdate();
    }

    private static <T> Optional<T> one(JdbcReader reader, String company, String sql, String key,
                                       Function<String, T> map) {
        return all(reader, company, sql, key, map).stream().findFirst();
    }

    private static <T> List<T> all(JdbcReader reader, String company, String sql, String key,
                                   Function<String, T> map) {
        if (!reader.storable(key)) {
            return List.of();
        }
        return reader.guard(() -> reader.companyId(company)
                .map(companyId -> reader.query(sql, (rs, ctx) -> map.apply(rs.getString(1)), companyId, key))
                .orElse(List.of()));
    }

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON does not read as " + type.getSimpleName() + ": " + json, e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON does not read as " + type.getType() + ": " + json, e);
        }
    }

    /** Dates and instants as their ISO-8601 text (Jackson's java.time module is not a dependency of the store). */
    private static final class ToStringSerializer<T> extends JsonSerializer<T> {
        private final Class<T> type;

        ToStringSerializer(Class<T> type) {
            this.type = type;
        }

        @Override
        public Class<T> handledType() {
            return type;
        }

        @Override
        public void serialize(T value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(value.toString());
        }
    }

    private static final class ParsingDeserializer<T> extends JsonDeserializer<T> {
        private final Class<T> type;
        private final Function<String, T> parse;

        ParsingDeserializer(Class<T> type, Function<String, T> parse) {
            this.type = type;
            this.parse = parse;
        }

        @Override
        public Class<?> handledType() {
            return type;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return parse.apply(parser.getValueAsString());
        }
    }
}
