package dev.licensing.core.internal.vip;

import com.fasterxml.jackson.databind.JsonNode;
import dev.licensing.api.ErrorCode;
import dev.licensing.api.catalog.FlexDiscount;
import dev.licensing.api.catalog.Offer;
import dev.licensing.api.catalog.VipCustomer;
import dev.licensing.core.internal.errors.FieldPath;
import dev.licensing.core.internal.errors.Problems;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the catalog file's {@code vip_customers}, {@code offers} and {@code flex_discounts} with their defaults
 * (design/vip-marketplace.md "Catalog"); their consistency is {@link VipCatalogRules}'.
 */
public final class VipCatalogReader {
    static final List<String> MARKET_SEGMENTS = List.of("COM", "EDU", "GOV");
    static final List<String> CUSTOMER_STATUSES = List.of("1000", "1002", "1004");
    static final List<String> PRODUCT_TYPES = List.of("TEAM", "ENTERPRISE");
    static final List<String> PRORATIONS = List.of("prorated", "fixed");
    static final List<String> HVD_PRICINGS = List.of("PRE", "POST");

    private static final Set<String> CUSTOMER_FIELDS = Set.of("id", "market_segment", "country", "currencies",
            "status", "hvd", "flex_discount_eligible", "coterm_date", "auto_renewal");
    private static final Set<String> HVD_FIELDS = Set.of("level", "pricing");
    private static final Set<String> OFFER_FIELDS = Set.of("offer_id", "market_segment", "product_type",
            "term_months", "prices", "proration", "returnable", "add_on_for");
    private static final Set<String> DISCOUNT_FIELDS = Set.of("code", "id", "offers", "percent", "amounts",
            "start_date", "end_date");

    private final Problems errors;

    /** @param errors where each violation goes, {@code invalid_catalog} at its path */
    public VipCatalogReader(Problems errors) {
        this.errors = errors;
    }

    public List<VipCustomer> customers(JsonNode section) {
        return each(section, "vip_customers", in -> {
            in.only(CUSTOMER_FIELDS);
            CatalogNodes hvdNode = in.object("hvd");
            VipCustomer.Hvd hvd = null;
            if (hvdNode != null) {
                hvdNode.only(HVD_FIELDS);
                Integer level = hvdNode.integer("level", null);
                String pricing = hvdNode.oneOf("pricing", null, HVD_PRICINGS);
                if (level == null) {
                    hvdNode.error("level", "required");
                }
                if (pricing == null) {
                    hvdNode.error("pricing", "required");
                }
                hvd = level == null || pricing == null ? null : new VipCustomer.Hvd(level, pricing);
            }
            return new VipCustomer(in.requiredString("id"), in.oneOf("market_segment", "COM", MARKET_SEGMENTS),
                    in.string("country", "US"), in.strings("currencies"),
                    in.oneOf("status", "1000", CUSTOMER_STATUSES), hvd, in.bool("flex_discount_eligible", true),
                    in.date("coterm_date"), in.bool("auto_renewal", true));
        });
    }

    public List<Offer> offers(JsonNode section) {
        return each(section, "offers", in -> {
            in.only(OFFER_FIELDS);
            Map<String, BigDecimal> prices = in.amounts("prices");
            return new Offer(in.requiredString("offer_id"), in.oneOf("market_segment", "COM", MARKET_SEGMENTS),
                    in.oneOf("product_type", "TEAM", PRODUCT_TYPES), in.integer("term_months", 12),
                    prices, in.oneOf("proration", "prorated", PRORATIONS), in.bool("returnable", true),
                    in.strings("add_on_for"));
        });
    }

    public List<FlexDiscount> flexDiscounts(JsonNode section) {
        return each(section, "flex_discounts", in -> {
            in.only(DISCOUNT_FIELDS);
            String code = in.requiredString("code");
            return new FlexDiscount(code, in.string("id", code), in.strings("offers"), in.decimal("percent"),
                    in.amounts("amounts"), in.requiredDate("start_date"), in.requiredDate("end_date"));
        });
    }

    private <T> List<T> each(JsonNode section, String name, Function<CatalogNodes, T> read) {
        List<T> values = new ArrayList<>();
        if (section == null || section.isNull()) {
            return values;
        }
        if (!section.isArray()) {
            errors.add(ErrorCode.INVALID_CATALOG, FieldPath.ROOT.field(name), "expected an array");
            return values;
        }
        for (int i = 0; i < section.size(); i++) {
            JsonNode element = section.get(i);
            FieldPath path = FieldPath.ROOT.field(name).index(i);
            if (element.isObject()) {
                values.add(read.apply(new CatalogNodes(element, path, errors)));
            } else {
                errors.add(ErrorCode.INVALID_CATALOG, path, "expected a JSON object");
            }
        }
        return values;
    }
}
