package dev.licensing.core.internal.vip;

import java.util.Random;

/** Adobe-shaped ids from the engine's random source (seeded in tests): unique-in-company is checked by the caller. */
final class VipIds {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final int ORDER_ID_DIGITS = 10;
    private static final int SUBSCRIPTION_HEX = 30;

    private VipIds() {
    }

    /** Ten decimal digits. */
    static String orderId(Random random) {
        StringBuilder id = new StringBuilder(ORDER_ID_DIGITS);
        for (int i = 0; i < ORDER_ID_DIGITS; i++) {
            id.append((char) ('0' + random.nextInt(10)));
        }
        return id.toString();
    }

    /** Thirty lower-case hex digits and "NA". */
    static String subscriptionId(Random random) {
        StringBuilder id = new StringBuilder(SUBSCRIPTION_HEX + 2);
        for (int i = 0; i < SUBSCRIPTION_HEX; i++) {
            id.append(HEX[random.nextInt(HEX.length)]);
        }
        return id.append("NA").toString();
    }
}
