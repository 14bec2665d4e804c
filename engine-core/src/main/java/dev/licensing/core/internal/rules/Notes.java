package dev.licensing.core.internal.rules;

/** A license's note (DESIGN §3 "Notes"): its own, else its item's, else none. */
public final class Notes {
    private Notes() {
    }

    public static String forLicense(String licenseNote, String itemNote) {
        return licenseNote != null ? licenseNote : itemNote;
    }
}
