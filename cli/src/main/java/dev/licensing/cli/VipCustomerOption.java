package dev.licensing.cli;

import picocli.CommandLine.Option;

/** The VIP Marketplace commands' customer: Adobe's {@code /v3/customers/<customer-id>}. */
final class VipCustomerOption {
    @Option(names = "--customer", required = true, paramLabel = "CUSTOMER_ID",
            description = "The VIP customer (an id of the catalog's vip_customers).")
    String customerId;
}
