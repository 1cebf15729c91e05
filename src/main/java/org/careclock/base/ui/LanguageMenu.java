package org.careclock.base.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.select.SelectVariant;

import java.util.Locale;

/**
 * The header's language menu: each language named in itself ("Deutsch"), the page's own
 * selected. Picking another shows the page again in it and remembers the choice.
 */
public class LanguageMenu extends Select<Locale> {

    public LanguageMenu(Languages languages) {
        setId("language");
        addClassName("language-menu");
        addThemeVariants(SelectVariant.LUMO_SMALL);
        setItems(Translations.LOCALES);
        setItemLabelGenerator(LanguageMenu::endonym);
        setAriaLabel(getTranslation("layout.language"));
        setTooltipText(getTranslation("layout.language"));
        addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                getUI().ifPresent(ui -> languages.pick(ui, e.getValue()));
            }
        });
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        setValue(Translations.supported(attachEvent.getUI().getLocale()));
    }

    /** "English", "Deutsch": a language's name in that language. */
    static String endonym(Locale locale) {
        String name = locale.getDisplayLanguage(locale);
        return name.isEmpty() ? locale.toLanguageTag() : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
