/**
 * The VIP Marketplace dialect's values (Adobe's Create Order, Get Order, order history and subscriptions): requests,
 * orders, line items, subscriptions and Adobe's error body. Field names follow Adobe's camelCase wire names.
 */
package dev.licensing.api.vip;
