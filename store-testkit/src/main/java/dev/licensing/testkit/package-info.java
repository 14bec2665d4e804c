/** The conformance suite that every store runs from its own test sources. */
package dev.licensing.testkit;
