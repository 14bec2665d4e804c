/** The store SPI on JDK collections, for tests and offline use. */
package dev.licensing.store.memory;
