/**
 * The engine's contract: request, model and catalog records, {@link dev.licensing.api.ErrorCode}, and the store SPI
 * that every store implements. JDK only.
 */
module dev.licensing.api {
    exports dev.licensing.api;
    exports dev.licensing.api.catalog;
    exports dev.licensing.api.lifecycle;
    exports dev.licensing.api.model;
    exports dev.licensing.api.order;
    exports dev.licensing.api.store;
    exports dev.licensing.api.vip;
}
