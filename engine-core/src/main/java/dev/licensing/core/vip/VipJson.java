package dev.licensing.core.vip;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensing.api.vip.VipError;
import dev.licensing.api.vip.VipFlexDiscount;
import dev.licensing.api.vip.VipLineItem;
import dev.licensing.api.vip.VipLineItemRequest;
import dev.licensing.api.vip.VipOrder;
import dev.licensing.api.vip.VipOrderRequest;
import dev.licensing.api.vip.VipOrderType;
import dev.licensing.api.vip.VipPricing;
import dev.licensing.api.vip.VipPricingSummary;
import dev.licensing.api.vip.VipSubscription;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The VIP Marketplace wire format: Create Order request bodies in, orders, pages, subscriptions and Adobe's error body
 * out, with Adobe's camelCase names in the page's key order. Writing is deterministic: the same value gives the same
 * bytes. Thread-safe.
 */
public final class VipJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            // Adobe's page writes its request with // comments and trailing commas.
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private static final Set<String> ORDER_FIELDS = Set.of("orderType", "externalReferenceId", "currencyCode",
            "referenceOrderId", "lineItems");
    /** What only responses carry: clients echo Adobe's orders back, so these are passed over. */
    private static final Set<String> ORDER_RESPONSE_FIELDS = Set.of("orderId", "customerId", "creationDate", "status",
            "source", "links", "pricingSummary");
    private static final Set<String> LINE_FIELDS = Set.of("extLineItemNumber", "offerId", "quantity", "currencyCode",
            "deploymentId", "discountCode", "flexDiscountCodes", "subscriptionId");
    private static final Set<String> LINE_RESPONSE_FIELDS = Set.of("status", "flexDiscounts", "remainingQuantity",
            "proratedDays", "pricing");

    /**
     * Reads a Create Order body.
     *
     * @return the request with the paths that break the wire's rules, or {@code null} when the body is not a JSON
     *         object (Adobe's 1117 with no field)
     */
    public DecodedVipRequest readRequest(String body) {
        JsonNode root;
        try {
            root = body == null ? null : MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
        if (root == null || !root.isObject()) {
            return null;
        }
        Reader in = new Reader();
        in.unknown(root);
        VipOrderType type = null;
        String typeText = in.string(root, "", "orderType");
        if (typeText != null) {
            type = Arrays.stream(VipOrderType.values()).filter(t -> t.name().equals(typeText)).findFirst()
                    .orElse(null);
            if (type == null) {
                in.invalid.add("orderType");
            }
        }
        List<VipLineItemRequest> lines = null;
        JsonNode items = value(root, "lineItems");
        if (items != null && !items.isArray()) {
            in.invalid.add("lineItems");
        } else if (items != null) {
            lines = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                String path = "lineItems[" + i + "]";
                JsonNode line = items.get(i);
                if (!line.isObject()) {
                    // A placeholder keeps the later lines at their indexes; the rules pass over an invalid line.
                    in.invalid.add(path);
                    lines.add(new VipLineItemRequest(null, null, null, null, null, null, null, null));
                    continue;
                }
                lines.add(new VipLineItemRequest(in.integer(line, path, "extLineItemNumber"),
                        in.string(line, path + ".", "offerId"), in.integer(line, path, "quantity"),
                        in.string(line, path + ".", "currencyCode"), in.string(line, path + ".", "deploymentId"),
                        in.string(line, path + ".", "discountCode"), in.strings(line, path, "flexDiscountCodes"),
                        in.string(line, path + ".", "subscriptionId")));
            }
        }
        VipOrderRequest request = new VipOrderRequest(type, in.string(root, "", "externalReferenceId"),
                in.string(root, "", "currencyCode"), in.string(root, "", "referenceOrderId"), lines);
        return new DecodedVipRequest(request, in.unknown, in.invalid);
    }

    /** An order in Adobe's shape: null fields are not shown; a placed order (with an id) has {@code links.self}. */
    public String writeOrder(VipOrder order, boolean pretty) {
        return text(order(order), pretty);
    }

    public String writeError(VipError error, boolean pretty) {
        ObjectNode node = NODES.objectNode();
        node.put("code", error.code());
        node.put("message", error.message());
        ArrayNode details = node.putArray("additionalDetails");
        error.additionalDetails().forEach(details::add);
        return text(node, pretty);
    }

    /** Get Order History's page: {@code {totalCount, count, offset, limit, items, links}}. */
    public String writeOrderPage(VipOrderPage page, boolean pretty) {
        ObjectNode node = NODES.objectNode();
        node.put("totalCount", page.totalCount());
        node.put("count", page.orders().size());
        node.put("offset", page.offset());
        node.put("limit", page.limit());
        ArrayNode items = node.putArray("items");
        page.orders().forEach(order -> items.add(order(order)));
        ObjectNode links = node.putObject("links");
        links.set("self", link(page.self()));
        if (page.next() != null) {
            links.set("next", link(page.next()));
        }
        if (page.prev() != null) {
            links.set("prev", link(page.prev()));
        }
        return text(node, pretty);
    }

    /** Get Subscriptions: {@code {totalCount, items, links.self}}. */
    public String writeSubscriptions(String customerId, List<VipSubscription> subscriptions, boolean pretty) {
        ObjectNode node = NODES.objectNode();
        node.put("totalCount", subscriptions.size());
        ArrayNode items = node.putArray("items");
        subscriptions.forEach(subscription -> items.add(subscription(subscription)));
        node.putObject("links").set("self", link("/v3/customers/" + customerId + "/subscriptions"));
        return text(node, pretty);
    }

    public String writeSubscription(VipSubscription subscription, boolean pretty) {
        return text(subscription(subscription), pretty);
    }

    /** The renewal run's summary: {@code {runDate, orders, expiredSubscriptions [{customerId, subscriptionId}]}}. */
    public String writeRenewalRun(VipRenewalRun run, boolean pretty) {
        ObjectNode node = NODES.objectNode();
        node.put("runDate", run.runDate().toString());
        ArrayNode orders = node.putArray("orders");
        run.orders().forEach(order -> orders.add(order(order)));
        ArrayNode expired = node.putArray("expiredSubscriptions");
        run.expiredSubscriptions().forEach(subscription -> expired.addObject()
                .put("customerId", subscription.customerId()).put("subscriptionId", subscription.subscriptionId()));
        return text(node, pretty);
    }

    private static ObjectNode order(VipOrder order) {
        ObjectNode node = NODES.objectNode();
        node.put("externalReferenceId", order.externalReferenceId());
        node.put("orderId", order.orderId());
        node.put("customerId", order.customerId());
        node.put("orderType", order.orderType().name());
        node.put("referenceOrderId", order.referenceOrderId());
        node.put("currencyCode", order.currencyCode());
        node.put("creationDate", order.creationDate().toString());
        node.put("status", order.status());
        if (order.source() != null) {
            node.put("source", order.source());
        }
        ArrayNode lines = node.putArray("lineItems");
        order.lineItems().forEach(line -> lines.add(line(line)));
        if (order.pricingSummary() != null) {
            ArrayNode summary = node.putArray("pricingSummary");
            for (VipPricingSummary total : order.pricingSummary()) {
                ObjectNode entry = summary.addObject();
                entry.put("totalLineItemPartnerPrice", money(total.totalLineItemPartnerPrice()));
                entry.put("currencyCode", total.currencyCode());
            }
        }
        if (!order.orderId().isEmpty()) {
            node.putObject("links").set("self",
                    link("/v3/customers/" + order.customerId() + "/orders/" + order.orderId()));
        }
        return node;
    }

    private static ObjectNode line(VipLineItem line) {
        ObjectNode node = NODES.objectNode();
        node.put("extLineItemNumber", line.extLineItemNumber());
        node.put("offerId", line.offerId());
        node.put("quantity", line.quantity());
        node.put("subscriptionId", line.subscriptionId());
        node.put("status", line.status());
        node.put("currencyCode", line.currencyCode());
        if (line.deploymentId() != null) {
            node.put("deploymentId", line.deploymentId());
        }
        if (line.discountCode() != null) {
            node.put("discountCode", line.discountCode());
        }
        if (line.flexDiscounts() != null) {
            ArrayNode discounts = node.putArray("flexDiscounts");
            for (VipFlexDiscount discount : line.flexDiscounts()) {
                discounts.addObject().put("id", discount.id()).put("code", discount.code())
                        .put("result", discount.result());
            }
        }
        if (line.remainingQuantity() != null) {
            node.put("remainingQuantity", line.remainingQuantity());
        }
        if (line.proratedDays() != null) {
            node.put("proratedDays", line.proratedDays());
        }
        if (line.pricing() != null) {
            VipPricing pricing = line.pricing();
            node.putObject("pricing")
                    .put("partnerPrice", money(pricing.partnerPrice()))
                    .put("discountedPartnerPrice", money(pricing.discountedPartnerPrice()))
                    .put("netPartnerPrice", money(pricing.netPartnerPrice()))
                    .put("lineItemPartnerPrice", money(pricing.lineItemPartnerPrice()));
        }
        return node;
    }

    private static ObjectNode subscription(VipSubscription subscription) {
        ObjectNode node = NODES.objectNode();
        node.put("subscriptionId", subscription.subscriptionId());
        node.put("offerId", subscription.offerId());
        node.put("currentQuantity", subscription.currentQuantity());
        if (subscription.renewedQuantity() > 0) {
            node.put("renewedQuantity", subscription.renewedQuantity());
        }
        node.put("usedQuantity", subscription.usedQuantity());
        node.putObject("autoRenewal").put("enabled", subscription.autoRenewalEnabled())
                .put("renewalQuantity", subscription.renewalQuantity());
        node.put("creationDate", subscription.creationDate().toString());
        node.put("renewalDate", subscription.renewalDate().toString());
        node.put("status", subscription.status());
        node.put("currencyCode", subscription.currencyCode());
        if (subscription.deploymentId() != null) {
            node.put("deploymentId", subscription.deploymentId());
        }
        if (!subscription.allowedActions().isEmpty()) {
            ArrayNode actions = node.putArray("allowedActions");
            subscription.allowedActions().forEach(actions::add);
        }
        node.putObject("links").set("self", link("/v3/customers/" + subscription.customerId() + "/subscriptions/"
                + subscription.subscriptionId()));
        return node;
    }

    private static ObjectNode link(String uri) {
        ObjectNode link = NODES.objectNode();
        link.put("uri", uri);
        link.put("method", "GET");
        link.putArray("headers");
        return link;
    }

    /** Money as a JSON number with at least two decimals. */
    private static BigDecimal money(BigDecimal amount) {
        return amount.scale() < 2 ? amount.setScale(2) : amount;
    }

    private static String text(JsonNode node, boolean pretty) {
        try {
            return pretty ? MAPPER.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node)
                    : MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    private static JsonNode value(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value == null || value.isNull() ? null : value;
    }

    /** The paths found while reading one body. */
    private static final class Reader {
        final List<String> unknown = new ArrayList<>();
        final List<String> invalid = new ArrayList<>();

        /** The fields no request type knows, in document order (a line's where the line stands). */
        void unknown(JsonNode root) {
            root.fieldNames().forEachRemaining(name -> {
                if (!ORDER_FIELDS.contains(name) && !ORDER_RESPONSE_FIELDS.contains(name)) {
                    unknown.add(name);
                } else if (name.equals("lineItems") && root.get(name).isArray()) {
                    JsonNode lines = root.get(name);
                    for (int i = 0; i < lines.size(); i++) {
                        String prefix = "lineItems[" + i + "].";
                        lines.get(i).fieldNames().forEachRemaining(field -> {
                            if (!LINE_FIELDS.contains(field) && !LINE_RESPONSE_FIELDS.contains(field)) {
                                unknown.add(prefix + field);
                            }
                        });
                    }
                }
            });
        }

        String string(JsonNode object, String prefix, String field) {
            JsonNode value = value(object, field);
            if (value == null) {
                return null;
            }
            if (!value.isTextual()) {
                invalid.add(prefix + field);
                return null;
            }
            return value.textValue();
        }

        Integer integer(JsonNode object, String path, String field) {
            JsonNode value = value(object, field);
            if (value == null) {
                return null;
            }
            if (!value.isIntegralNumber() || !value.canConvertToInt()) {
                invalid.add(path + "." + field);
                return null;
            }
            return value.intValue();
        }

        List<String> strings(JsonNode object, String path, String field) {
            JsonNode value = value(object, field);
            if (value == null) {
                return null;
            }
            List<String> strings = new ArrayList<>();
            if (!value.isArray()) {
                invalid.add(path + "." + field);
                return null;
            }
            for (int i = 0; i < value.size(); i++) {
                if (value.get(i).isTextual()) {
                    strings.add(value.get(i).textValue());
                } else {
                    invalid.add(path + "." + field + "[" + i + "]");
                }
            }
            return strings;
        }
    }
}
