package org.careclock.base.ui;

import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.Div;

import org.careclock.base.Refusal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Shows a service's refusal on a form without touching what the user typed: an
 * {@link InvalidInputException} whose field is bound appears under that field, anything else
 * in the form's message line (announced to screen readers).
 */
public final class FormErrors {

    private final Map<String, HasValidation> fields = new LinkedHashMap<>();
    private final Map<String, Div> holders = new LinkedHashMap<>();
    private final Div message = new Div();

    /** {@code messageId}: the element id of the form's message line. */
    public FormErrors(String messageId) {
        message.setId(messageId);
        message.addClassName("form-error");
        message.getElement().setAttribute("role", "alert");
        message.setVisible(false);
    }

    /** The form's message line, to place in the form. */
    public Div message() {
        return message;
    }

    /** Shows errors of {@code field} (the service's name for it) under {@code component}. */
    public FormErrors bind(String field, HasValidation component) {
        fields.put(field, component);
        return this;
    }

    /** Shows errors of {@code field} in {@code holder}, for parts that are not single fields. */
    public FormErrors bind(String field, Div holder) {
        holder.addClassName("form-error");
        holder.setVisible(false);
        holders.put(field, holder);
        return this;
    }

    public void clear() {
        fields.values().forEach(f -> {
            f.setInvalid(false);
            f.setErrorMessage(null);
        });
        holders.values().forEach(h -> {
            h.setText("");
            h.setVisible(false);
        });
        message.setText("");
        message.setVisible(false);
    }

    /**
     * Runs {@code action}; a refusal from a service is shown and answers false, success clears
     * the errors and answers true. Other failures reach the page's error handler.
     */
    public boolean attempt(Runnable action) {
        return attempt(() -> {
            action.run();
            return Boolean.TRUE;
        }) != null;
    }

    /** As {@link #attempt(Runnable)}, answering the action's result or null when refused. */
    public <T> T attempt(Supplier<T> action) {
        clear();
        try {
            return action.get();
        } catch (Refusal e) {
            show(e.field(), e.getMessage());
        }
        return null;
    }

    /** Shows {@code text} for {@code field}, or in the message line when the field is not bound. */
    public void show(String field, String text) {
        HasValidation component = field == null ? null : fields.get(field);
        if (component != null) {
            component.setErrorMessage(readable(field, text, component));
            component.setInvalid(true);
            if (component instanceof Focusable<?> f) {
                f.focus();
            }
            return;
        }
        Div holder = field == null ? null : holders.get(field);
        if (holder != null) {
            holder.setText(text);
            holder.setVisible(true);
            return;
        }
        message.setText(text);
        message.setVisible(true);
    }

    /** "max_duration_seconds must be ..." reads "Maximum duration (seconds) must be ..." under its field. */
    private static String readable(String field, String text, HasValidation component) {
        if (text != null && text.startsWith(field + " ") && component instanceof HasLabel labelled
                && labelled.getLabel() != null && !labelled.getLabel().isBlank()) {
            return labelled.getLabel() + text.substring(field.length());
        }
        return text;
    }
}
