/** The licensing engine: validation, planning, the rules, and the JSON wire codecs. */
package dev.licensing.core;
