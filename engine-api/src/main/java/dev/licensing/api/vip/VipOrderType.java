package dev.licensing.api.vip;

/** Adobe's {@code orderType}; the V1 engine places NEW, PREVIEW and RETURN. */
public enum VipOrderType {
    NEW, RETURN, PREVIEW, PREVIEW_RENEWAL, RENEWAL
}
