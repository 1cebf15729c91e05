package org.careclock.base.ui;

import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;
import com.vaadin.flow.data.value.ValueChangeMode;

/**
 * A duration typed in human units — "1 h 30 min", "90 min", "45 s", "1:30:00", "1 Std. 30 Min." —
 * whose value is whole seconds (null while empty or not a duration). Text that is no duration
 * stays as typed and {@link #validator()} says what to type instead; the helper line repeats a
 * valid value in the page's own words (its owner sets it).
 */
public class DurationField extends CustomField<Integer> {

    private final TextField text = new TextField();

    public DurationField(String label) {
        setLabel(label);
        text.setWidthFull();
        text.setValueChangeMode(ValueChangeMode.ON_BLUR);
        text.setPlaceholder(getTranslation("duration-field.placeholder"));
        text.setAriaLabel(label);
        add(text);
        text.addValueChangeListener(e -> updateValue());
    }

    @Override
    protected Integer generateModelValue() {
        return Durations.parse(text.getValue()).orElse(null);
    }

    @Override
    protected void setPresentationValue(Integer seconds) {
        text.setValue(seconds == null ? "" : Durations.typed(seconds, Translations.current()));
    }

    /** The text box turns red with the field, so the refused text is marked where it was typed. */
    @Override
    public void setInvalid(boolean invalid) {
        super.setInvalid(invalid);
        text.setInvalid(invalid);
    }

    /**
     * "Required" is said on the text box, whose input carries aria-required: the custom field's
     * group may not carry that attribute (axe-core: aria-allowed-attr), so its label's dot is drawn
     * by the stylesheet ({@code .required-dot}).
     */
    @Override
    public void setRequiredIndicatorVisible(boolean visible) {
        text.setRequiredIndicatorVisible(visible);
        getElement().getClassList().set("required-dot", visible);
    }

    @Override
    public boolean isRequiredIndicatorVisible() {
        return text.isRequiredIndicatorVisible();
    }

    /** What was typed, as it was typed. */
    public String getText() {
        return text.getValue();
    }

    /** Types {@code value} as a person would (for tests and for pages that prefill text). */
    public void setText(String value) {
        text.setValue(value);
    }

    /** Refuses text that is no duration; an empty field is the binding's to judge (required or not). */
    public Validator<Integer> validator() {
        return (value, context) -> text.getValue().isBlank() || value != null ? ValidationResult.ok()
                : ValidationResult.error(getTranslation("duration-field.invalid", text.getValue().strip()));
    }
}
