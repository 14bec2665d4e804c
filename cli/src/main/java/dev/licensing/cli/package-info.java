/** The licensing command line. */
package dev.licensing.cli;
