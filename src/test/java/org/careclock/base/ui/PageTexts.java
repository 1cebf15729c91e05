package org.careclock.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.dom.Element;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Everything a person reads on the page a test shows: text, the labels, placeholders, helper
 * and error lines, titles and aria-labels of every element, the JSON texts handed to web
 * components and the login form — but not code samples ({@code <pre>}, {@code <code>}).
 */
final class PageTexts {

    private static final Set<String> ATTRIBUTES = Set.of("aria-label", "title", "placeholder", "label", "data-texts",
            "data-no-limit-text", "header-title");
    private static final Set<String> PROPERTIES = Set.of("label", "placeholder", "helperText", "errorMessage", "header",
            "headerTitle", "text", "i18n", "confirmText", "cancelText", "rejectText", "emptyStateText", "ariaLabel",
            "accessibleName", "title");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PageTexts() {
    }

    static List<String> of(UI ui) {
        List<String> out = new ArrayList<>();
        collect(ui.getElement(), out); // dialogs and notifications
        // The page itself: its layout holds the view (the outermost of the router's chain).
        List<com.vaadin.flow.component.HasElement> chain = new ArrayList<>(ui.getInternals().getActiveRouterTargetsChain());
        if (!chain.isEmpty()) {
            collect(chain.getLast().getElement(), out);
        }
        return out;
    }

    /** What a person reads in {@code component} alone. */
    static List<String> of(com.vaadin.flow.component.Component component) {
        List<String> out = new ArrayList<>();
        collect(component.getElement(), out);
        return out;
    }

    private static void collect(Element element, List<String> out) {
        if (element.isTextNode()) {
            add(element.getText(), out);
            return;
        }
        String tag = element.getTag();
        if ("pre".equals(tag) || "code".equals(tag)) {
            return;
        }
        for (String name : ATTRIBUTES) {
            add(element.getAttribute(name), out);
        }
        element.getPropertyNames().filter(PROPERTIES::contains).forEach(name -> {
            Object value = element.getPropertyRaw(name);
            if (value instanceof JsonNode json) {
                leaves(json, out);
            } else if (value instanceof String text) {
                add(text, out);
            }
        });
        element.getChildren().forEach(child -> collect(child, out));
    }

    private static void add(String text, List<String> out) {
        if (text == null || text.isBlank()) {
            return;
        }
        if (text.startsWith("{")) {
            try {
                leaves(JSON.readTree(text), out);
                return;
            } catch (RuntimeException notJson) {
                // plain text that starts with a brace
            }
        }
        out.add(text.strip());
    }

    private static void leaves(JsonNode node, List<String> out) {
        if (node.isString()) {
            add(node.asString(), out);
        }
        node.forEach(child -> leaves(child, out));
    }
}
