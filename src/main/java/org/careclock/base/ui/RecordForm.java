package org.careclock.base.ui;

import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.BinderValidationStatus;
import com.vaadin.flow.data.binder.BindingValidationStatus;
import com.vaadin.flow.data.binder.RequiredFieldConfigurator;
import com.vaadin.flow.data.binder.ErrorLevel;
import com.vaadin.flow.data.binder.ValidationResult;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.careclock.base.InputValidator;
import org.careclock.base.Refusal;

import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An editor's form for one input record, with every check where the user looks and what they
 * typed left as it is:
 * <ol>
 * <li>each field against the constraints of its record component, under the field as the user
 *     types (Vaadin's {@link BeanValidationBinder});
 * <li>on saving, every field again, then the record's rules across fields, under the field they
 *     name;
 * <li>then the service's refusal: under the field it names (by wire name, as
 *     {@link InputValidator#wireName} gives it), otherwise in the form's message line, which is
 *     announced to screen readers.
 * </ol>
 * Every message shows in the page's language where the bundles translate it ({@link Translations#message}).
 * The components' own checks are off: the record's constraints are the one source of rules and
 * messages, so a field's maximum comes from the same constant as its constraint. A field whose
 * constraints refuse an empty value shows the required indicator.
 */
public final class RecordForm<R extends Record> {

    private final Class<R> type;
    private final BeanValidationBinder<R> binder;
    private final Map<String, Div> holders = new LinkedHashMap<>();
    private final Div message = new Div();

    /** {@code messageId}: the element id of the form's message line. */
    public RecordForm(Class<R> type, String messageId) {
        this.type = type;
        this.binder = new BeanValidationBinder<>(type) {
            /** The record's messages are the services' English: shown in the page's language. */
            @Override
            protected void handleError(HasValue<?, ?> field, ValidationResult result) {
                super.handleError(field, ValidationResult.create(Translations.message(result.getErrorMessage()),
                        result.getErrorLevel().orElse(ErrorLevel.ERROR)));
            }
        };
        binder.setDefaultValidatorsEnabled(false);
        binder.setRequiredConfigurator(RequiredFieldConfigurator.DEFAULT.chain(RecordForm::refusesEmpty));
        message.setId(messageId);
        message.addClassName("form-error");
        message.getElement().setAttribute("role", "alert");
        message.setVisible(false);
    }

    /** The form's message line, to place in the form. */
    public Div message() {
        return message;
    }

    /**
     * Starts binding {@code field}; finish with {@code bind("component")}, naming the record
     * component whose constraints check what the user types.
     */
    public <V> Binder.BindingBuilder<R, V> forField(HasValue<?, V> field) {
        return binder.forField(field);
    }

    /** Shows the errors of {@code component}, a part of the form that is not one field, in {@code holder}. */
    public RecordForm<R> showIn(String component, Div holder) {
        holder.addClassName("form-error");
        holder.setVisible(false);
        holders.put(component, holder);
        return this;
    }

    /**
     * What the form describes, or null when a constraint refuses it (each shown where it
     * belongs): every bound field against its component's constraints, then the record
     * {@code build} makes of the fields against the record's rules across fields.
     */
    public R check(Supplier<R> build) {
        clear();
        BinderValidationStatus<R> status = binder.validate();
        if (!status.isOk()) {
            status.getFieldValidationErrors().stream().findFirst()
                    .map(BindingValidationStatus::getField).ifPresent(RecordForm::focus);
            return null;
        }
        R record = build.get();
        List<ConstraintViolation<R>> broken = InputValidator.ordered(Checks.VALIDATOR.validate(record));
        Set<String> shown = new HashSet<>();
        for (ConstraintViolation<R> violation : broken) {
            String component = InputValidator.component(violation);
            if (shown.add(String.valueOf(component))) {
                showAt(component, violation.getMessage(), shown.size() == 1);
            }
        }
        return broken.isEmpty() ? record : null;
    }

    /**
     * Checks the form ({@link #check}) and hands the record to {@code action}, usually a
     * service; answers its result, or null when the form or the service refused.
     */
    public <T> T submit(Supplier<R> build, Function<R, T> action) {
        R record = check(build);
        return record == null ? null : attempt(() -> action.apply(record));
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

    /** Shows {@code text} under the field whose wire name is {@code field}, or in the message line. */
    public void show(String field, String text) {
        showAt(componentOf(field), text, true);
    }

    /** Clears every error the form shows. */
    public void clear() {
        binder.getFields().forEach(f -> {
            if (f instanceof HasValidation v) {
                v.setInvalid(false);
                v.setErrorMessage(null);
            }
        });
        holders.values().forEach(h -> {
            h.setText("");
            h.setVisible(false);
        });
        message.setText("");
        message.setVisible(false);
    }

    private void showAt(String component, String english, boolean focus) {
        String text = Translations.message(english);
        HasValue<?, ?> field = component == null ? null
                : binder.getBinding(component).map(Binder.Binding::getField).orElse(null);
        if (field instanceof HasValidation v) {
            v.setErrorMessage(text);
            v.setInvalid(true);
            if (focus) {
                focus(field);
            }
            return;
        }
        Div holder = component == null ? null : holders.get(component);
        if (holder != null) {
            holder.setText(text);
            holder.setVisible(true);
            return;
        }
        message.setText(text);
        message.setVisible(true);
    }

    /** The record component whose wire name is {@code field}, or null. */
    private String componentOf(String field) {
        if (field == null) {
            return null;
        }
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                .filter(name -> InputValidator.wireName(name).equals(field)).findFirst().orElse(null);
    }

    /** Besides Vaadin's rules (not null, not empty, a minimum size): not blank, or a pattern "" does not match. */
    private static boolean refusesEmpty(Annotation constraint, Binder.BindingBuilder<?, ?> binding) {
        return constraint instanceof NotBlank
                || constraint instanceof Pattern pattern && !"".matches(pattern.regexp());
    }

    private static void focus(HasValue<?, ?> field) {
        if (field instanceof Focusable<?> f) {
            f.focus();
        }
    }

    /** The validator of the rules across fields: Bean Validation's default, as the binder's own checks use. */
    private static final class Checks {
        static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    }
}
