package dev.licensing.core.internal.errors;

import dev.licensing.api.ErrorCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FieldPathTest {
    @Test
    void aPathBuiltStepByStepRendersAsTheWireNamesIt() {
        FieldPath license = FieldPath.ROOT.field("items").index(0).field("licenses").index(2);

        assertThat(license.field("valid_duration").render()).isEqualTo("items[0].licenses[2].valid_duration");
        assertThat(FieldPath.ROOT.field("id").render()).isEqualTo("id");
        assertThat(FieldPath.ROOT.field("customer").field("email").render()).isEqualTo("customer.email");
    }

    @Test
    void theRootNamesNoField() {
        Problems problems = new Problems();
        problems.add(ErrorCode.INVALID_JSON, FieldPath.ROOT, "not JSON");

        assertThat(FieldPath.ROOT.render()).isNull();
        assertThat(problems.errors()).singleElement().satisfies(e -> assertThat(e.field()).isNull());
    }

    @Test
    void anUnknownFieldIsAnErrorOrUnderIgnoreUnknownFieldsAWarning() {
        Problems strict = new Problems(false);
        Problems lenient = new Problems(true);
        FieldPath at = FieldPath.ROOT.field("is_trial");

        strict.unknownField(at);
        lenient.unknownField(at);

        assertThat(strict.errors()).singleElement().satisfies(e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_FIELD));
        assertThat(lenient.isEmpty()).isTrue();
        assertThat(lenient.warnings()).singleElement().satisfies(w -> assertThat(w.field()).isEqualTo("is_trial"));
    }
}
