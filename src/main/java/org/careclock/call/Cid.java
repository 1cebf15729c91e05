package org.careclock.call;

import org.careclock.base.InvalidInputException;

/** A call's id in the form {@code type:id}. */
public final class Cid {

    /** The longest id (the part after the type). */
    public static final int ID_MAX = 64;
    /** What an id may hold; {@link NewCall} checks it. */
    public static final String ID_PATTERN = "[A-Za-z0-9_-]{1," + ID_MAX + "}";

    private Cid() {
    }

    public static String of(String type, String id) {
        return type + ":" + id;
    }

    /** The type part of a cid. */
    public static String typeOf(String cid) {
        int colon = cid.indexOf(':');
        if (colon < 1) {
            throw new InvalidInputException("cid", "cid must have the form type:id");
        }
        return cid.substring(0, colon);
    }

    public static String idOf(String cid) {
        return cid.substring(cid.indexOf(':') + 1);
    }
}
