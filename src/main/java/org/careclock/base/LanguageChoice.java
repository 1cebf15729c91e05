package org.careclock.base;

import java.util.Optional;

/**
 * The language a signed-in user chose for the pages, remembered for their next sign-in. The
 * users feature keeps it; the page frame asks for it without knowing where it is stored.
 */
public interface LanguageChoice {

    /** The language tag {@code actor} chose ("de"), or empty when they never chose one. */
    Optional<String> chosen(Actor actor);

    /** Remembers {@code languageTag} as {@code actor}'s own choice. */
    void choose(Actor actor, String languageTag);
}
