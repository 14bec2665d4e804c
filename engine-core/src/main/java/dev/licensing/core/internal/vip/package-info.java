/**
 * The VIP Marketplace dialect's engine: the catalog sections, the rules in Adobe's order, subscriptions, pricing,
 * returns and kept answers. Internal: the public entry point is {@link dev.licensing.core.vip.VipMarketplace}.
 */
package dev.licensing.core.internal.vip;
