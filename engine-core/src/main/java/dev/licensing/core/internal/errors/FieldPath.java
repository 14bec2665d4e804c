package dev.licensing.core.internal.errors;

/**
 * Where in a JSON document a value sits, built a step at a time as a reader or a rule descends ({@code items}, then
 * index 0, then {@code licenses}, ...) and rendered once, when a problem is reported there:
 * {@code items[0].licenses[2].valid_duration}. Like Jackson's {@code JsonMappingException} path, a step costs no string
 * work, so paths are free on the way down and paid for only where something is wrong.
 */
public final class FieldPath {
    /** The document itself; a problem there names no field. */
    public static final FieldPath ROOT = new FieldPath(null, null, -1);

    private final FieldPath parent;
    private final String name;
    private final int index;

    private FieldPath(FieldPath parent, String name, int index) {
        this.parent = parent;
        this.name = name;
        this.index = index;
    }

    /** The field {@code name} of the object here. */
    public FieldPath field(String name) {
        return new FieldPath(this, name, -1);
    }

    /** Element {@code index} of the array here. */
    public FieldPath index(int index) {
        return new FieldPath(this, null, index);
    }

    public boolean isRoot() {
        return parent == null;
    }

    /** {@code items[0].licenses[2].valid_duration}; the root renders as {@code null}, no field. */
    public String render() {
        if (isRoot()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        appendTo(text);
        return text.toString();
    }

    private void appendTo(StringBuilder text) {
        if (isRoot()) {
            return;
        }
        parent.appendTo(text);
        if (name == null) {
            text.append('[').append(index).append(']');
        } else {
            if (!parent.isRoot()) {
                text.append('.');
            }
            text.append(name);
        }
    }

    @Override
    public String toString() {
        return isRoot() ? "" : render();
    }
}
