/**
 * The VIP Marketplace dialect (design/vip-marketplace.md): {@link dev.licensing.core.vip.VipMarketplace}, reached by
 * {@code LicenseEngine.vip()}, and its wire codec {@link dev.licensing.core.vip.VipJson} (Adobe's camelCase names).
 */
package dev.licensing.core.vip;
