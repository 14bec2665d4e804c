package dev.licensing.core.internal.wire;

import dev.licensing.api.order.ItemRequest;
import dev.licensing.api.order.LicenseRequest;
import dev.licensing.api.order.OrderRequest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What an idempotency key compares (DESIGN §3 "Retried deliveries"): the decoded request, not its text. */
class RequestFingerprintTest {
    private static String of(String json) {
        return RequestFingerprint.of(OrderRequestReader.read(json, false).request());
    }

    @Test
    void whiteSpaceAndMemberOrderDoNotChangeIt() {
        String compact = "{\"id\":\"o1\",\"metadata\":\"{\\\"a\\\":1,\\\"b\\\":{\\\"c\\\":2,\\\"d\\\":3}}\",\"items\":"
                + "[{\"product_code\":\"KEY\",\"licenses\":[{\"key\":\"K-1\",\"metadata\":{\"x\":1,\"y\":2}}]}]}";
        String reshaped = """
                {"items": [ {"licenses": [ {"metadata": {"y": 2, "x": 1}, "key": "K-1"} ], "product_code": "KEY"} ],
                 "metadata": "{\\"b\\": {\\"d\\": 3, \\"c\\": 2}, \\"a\\": 1}",
                 "id": "o1"}
                """;
        assertThat(of(reshaped)).isEqualTo(of(compact)).matches("[0-9a-f]{64}");
    }

    @Test
    void anyValueChangesIt() {
        String base = of("{\"id\": \"o1\", \"items\": [{\"product_code\": \"KEY\", \"licenses\": [{\"key\": \"K-1\"}]}]}");
        assertThat(of("{\"id\": \"o2\", \"items\": [{\"product_code\": \"KEY\", \"licenses\": [{\"key\": \"K-1\"}]}]}"))
                .isNotEqualTo(base);
        assertThat(of("{\"id\": \"o1\", \"items\": [{\"product_code\": \"KEY\", \"licenses\": [{\"key\": \"K-2\"}]}]}"))
                .isNotEqualTo(base);
        assertThat(of("{\"id\": \"o1\", \"append\": true, \"items\": [{\"product_code\": \"KEY\", \"licenses\": "
                + "[{\"key\": \"K-1\"}]}]}")).isNotEqualTo(base);
        assertThat(of("{\"id\": \"o1\", \"items\": [{\"product_code\": \"KEY\", \"licenses\": [{\"key\": \"K-1\", "
                + "\"max_activations\": 2}]}]}")).isNotEqualTo(base);
    }

    @Test
    void aJavaRequestEqualsTheBodyThatDecodesToIt() {
        OrderRequest request = OrderRequest.of("o1", List.of(ItemRequest.of("KEY",
                List.of(LicenseRequest.withKey("K-1")))));
        assertThat(RequestFingerprint.of(request)).isEqualTo(
                of("{\"id\": \"o1\", \"items\": [{\"product_code\": \"KEY\", \"licenses\": [{\"key\": \"K-1\"}]}]}"));
    }
}
