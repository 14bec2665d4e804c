package dev.licensing.api.vip;

/** A flex discount a line carries in a response: {@code result} is "SUCCESS" once applied. */
public record VipFlexDiscount(String id, String code, String result) {
}
