/**
 * The licensing engine's public surface: {@link dev.licensing.core.LicenseEngine} with its builder and
 * {@link dev.licensing.core.OrderOutcome}. The import types are in {@code dev.licensing.core.importing}, the wire codecs
 * in {@code dev.licensing.core.wire}; everything else is in {@code dev.licensing.core.internal}, which the module does
 * not export.
 */
package dev.licensing.core;
