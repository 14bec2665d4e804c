package dev.licensing.api.order;

/**
 * The order's customer. Matched within the company by email (case-insensitive), else by reference; created when no
 * customer matches. {@code companyName} is the page's {@code company} (parameter list) or {@code company_name} (type).
 *
 * @param isManager when true, the customer manages the licenses of this order
 */
public record CustomerRequest(
        String email,
        String firstName,
        String lastName,
        String companyName,
        String phone,
        String address,
        String reference,
        Boolean isManager) {
}
