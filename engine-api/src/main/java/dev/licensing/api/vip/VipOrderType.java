package dev.licensing.api.vip;

/** Adobe's {@code orderType}: the engine places NEW, RETURN and RENEWAL orders and answers both previews. */
public enum VipOrderType {
    NEW, RETURN, PREVIEW, PREVIEW_RENEWAL, RENEWAL
}
