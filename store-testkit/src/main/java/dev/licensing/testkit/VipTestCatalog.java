package dev.licensing.testkit;

import dev.licensing.api.catalog.Catalog;
import dev.licensing.core.wire.CatalogJson;

/** The VIP Marketplace suite's catalog: customers for each rule, offers of each kind, flex discounts of each kind. */
public final class VipTestCatalog {
    /** The page's customer: USD, no coterm yet. */
    public static final String CUSTOMER = "9876543210";
    /** The page's offer: TEAM, USD 100.00 / EUR 90.00 a year. */
    public static final String OFFER = "80004567EA01A12";
    public static final String ENTERPRISE = "65304578CA01A12";
    public static final String ADD_ON = "ADDON01";
    public static final String FIXED = "FIXED01";
    public static final String NOT_RETURNABLE = "NORET01";
    public static final String EDU_OFFER = "EDU01";

    public static final String JSON = """
            {"vip_customers": [
               {"id": "9876543210", "currencies": ["USD"]},
               {"id": "C-EUR", "currencies": ["EUR", "USD"]},
               {"id": "C-HVD", "currencies": ["USD"], "hvd": {"level": 18, "pricing": "PRE"}},
               {"id": "C-INACTIVE", "currencies": ["USD"], "status": "1004"},
               {"id": "C-NOFLEX", "currencies": ["USD"], "flex_discount_eligible": false},
               {"id": "C-COTERM", "currencies": ["USD"], "coterm_date": "2026-12-01", "auto_renewal": false}
             ],
             "offers": [
               {"offer_id": "80004567EA01A12", "prices": {"USD": 100.00, "EUR": 90.00}},
               {"offer_id": "65304578CA01A12", "product_type": "ENTERPRISE", "prices": {"USD": 359.88}},
               {"offer_id": "ADDON01", "add_on_for": ["80004567EA01A12"], "prices": {"USD": 10.00}},
               {"offer_id": "FIXED01", "proration": "fixed", "prices": {"USD": 50.00}},
               {"offer_id": "NORET01", "returnable": false, "prices": {"USD": 20.00}},
               {"offer_id": "EDU01", "market_segment": "EDU", "prices": {"USD": 30.00}}
             ],
             "flex_discounts": [
               {"code": "FLEX10", "id": "fd-10", "percent": 10, "start_date": "2026-01-01", "end_date": "2026-12-31"},
               {"code": "FLEXAMT", "amounts": {"USD": 25.00}, "offers": ["80004567EA01A12"],
                "start_date": "2026-01-01", "end_date": "2026-12-31"},
               {"code": "OLD", "percent": 5, "start_date": "2025-01-01", "end_date": "2025-12-31"}
             ]}""";

    private VipTestCatalog() {
    }

    public static Catalog catalog() {
        return new CatalogJson().read(JSON);
    }
}
