package org.careclock.call;

import org.careclock.base.InvalidInputException;
import org.careclock.base.Validation;

import java.util.regex.Pattern;

/** A call's id in the form {@code type:id}. */
public final class Cid {

    public static final Pattern ID = Pattern.compile("^[A-Za-z0-9_-]{1,64}$");
    public static final int ID_MAX = 64;

    private Cid() {
    }

    public static String of(String type, String id) {
        return type + ":" + id;
    }

    public static String validId(String id) {
        return Validation.requireMatch("id", id, ID, "may hold only letters, digits, '_' or '-' (1 to 64 characters)");
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
