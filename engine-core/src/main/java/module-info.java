/**
 * The licensing engine. Its public surface is {@link dev.licensing.core.LicenseEngine} with its builder and outcomes,
 * the import types ({@code dev.licensing.core.importing}), the wire codecs a caller uses
 * ({@code dev.licensing.core.wire}) and the VIP Marketplace dialect ({@code dev.licensing.core.vip}); everything under
 * {@code dev.licensing.core.internal} is the engine's own and is not exported.
 */
module dev.licensing.core {
    requires transitive dev.licensing.api;
    requires com.fasterxml.jackson.databind;
    requires com.github.benmanes.caffeine;

    exports dev.licensing.core;
    exports dev.licensing.core.importing;
    exports dev.licensing.core.vip;
    exports dev.licensing.core.wire;

    // The corrected LicenseSpring JSON schemas are resources for any module's tests (the store test kit's among them).
    opens schemas.licensespring;
}
