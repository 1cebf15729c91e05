package org.careclock.api;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import org.careclock.base.InputValidator;
import org.careclock.base.InvalidInputException;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Reads the API's request bodies ({@link Requests}) strictly: a field CareClock does not know, a
 * key given twice, anything after the body's object, a value of another type (no "60" for 60, no
 * 1.5 for a whole number, no 5 for a text), a null inside a list, NaN, bodies nested or named
 * beyond the parser's limits and bodies over {@value #MAX_BODY_BYTES} bytes are refused. An empty body reads as {@code {}}. Every refusal
 * becomes an {@link InvalidInputException} that names the field by its path on the wire
 * ({@code data.members[1].user_id}) in words of CareClock's own; {@link ApiErrors} answers it.
 */
@Configuration(proxyBeanMethods = false)
class RequestBodies implements WebMvcConfigurer {

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                    DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .changeDefaultNullHandling(n -> JsonSetter.Value.forContentNulls(Nulls.FAIL))
            .build();
    /** The largest body read (a hundred users fit many times over). */
    static final int MAX_BODY_BYTES = 256 * 1024;
    private static final byte[] EMPTY = "{}".getBytes(StandardCharsets.UTF_8);
    private static final String NOT_JSON = "The request body is not valid JSON";

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder converters) {
        converters.addCustomConverter(new StrictJson());
    }

    /** {@code body} as {@code type}; a blank body is {@code {}}. */
    static <T extends Requests.Body> T read(byte[] body, Class<T> type) {
        byte[] json = body == null || new String(body, StandardCharsets.UTF_8).isBlank() ? EMPTY : body;
        try {
            return JSON.readValue(json, type);
        } catch (JacksonException e) {
            throw refusal(e, json);
        }
    }

    /** The first broken constraint of a bound body, by the field's path on the wire. */
    static InvalidInputException refusal(MethodArgumentNotValidException invalid) {
        FieldError first = invalid.getBindingResult().getFieldErrors().stream()
                .min(Comparator.comparing(FieldError::getField)).orElse(null);
        if (first == null) {
            return new InvalidInputException("body", "The request body is not valid");
        }
        String path = wirePath(first.getField());
        return new InvalidInputException(path, naming(path, Objects.requireNonNullElse(first.getDefaultMessage(),
                "is not valid")));
    }

    /** {@code message} after the field's path when it is a phrase ("is required"), otherwise as it is. */
    static String naming(String path, String message) {
        return !message.isEmpty() && Character.isLowerCase(message.charAt(0)) ? path + " " + message
                : ApiErrors.namingField(path, message);
    }

    /** A property path of the binder ({@code data.members[1].userId}, {@code users[bill].name}) on the wire. */
    static String wirePath(String property) {
        StringBuilder out = new StringBuilder();
        for (String part : property.split("(?=\\[)|\\.")) {
            if (part.startsWith("[") && !part.matches("\\[\\d+]")) {
                out.append('.').append(part, 1, part.length() - 1);
            } else if (part.startsWith("[")) {
                out.append(part);
            } else if (!part.isEmpty()) {
                out.append(out.isEmpty() ? "" : ".").append(InputValidator.wireName(part));
            }
        }
        return out.toString();
    }

    /** Why {@code json} could not be read, in CareClock's words. */
    private static InvalidInputException refusal(JacksonException e, byte[] json) {
        String path = path(e);
        return switch (e) {
            case UnrecognizedPropertyException u -> new InvalidInputException(path, path
                    + " is not a field CareClock accepts here" + accepted(u.getKnownPropertyIds()));
            case InvalidNullException n -> new InvalidInputException(path, path + " may not be null");
            case MismatchedInputException m when path.isEmpty() -> firstCharacter(json) == '{'
                    ? new InvalidInputException("body", NOT_JSON + ": it holds more than one value")
                    : new InvalidInputException("body", "The request body must be a JSON object");
            case MismatchedInputException m -> new InvalidInputException(path, path + " must be " + expected(m)
                    + (m instanceof InvalidFormatException f ? ", was " + shown(f.getValue()) : ""));
            case InputCoercionException c when !path.isEmpty() ->
                    new InvalidInputException(path, path + " is out of range");
            case UnexpectedEndOfInputException end -> new InvalidInputException("body", NOT_JSON
                    + ": it ends before its object does");
            case StreamConstraintsException c -> new InvalidInputException("body", NOT_JSON
                    + ": it is nested too deeply, or a name, number or text in it is too long");
            default -> new InvalidInputException("body", NOT_JSON + where(e));
        };
    }

    private static String path(JacksonException e) {
        StringBuilder out = new StringBuilder();
        for (JacksonException.Reference step : e.getPath()) {
            if (step.getPropertyName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(step.getPropertyName());
            } else if (step.getIndex() >= 0) {
                out.append('[').append(step.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String accepted(Collection<Object> known) {
        if (known == null || known.isEmpty()) {
            return " (it accepts none)";
        }
        return " (it accepts " + known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")) + ")";
    }

    private static String expected(MismatchedInputException m) {
        Class<?> type = m.getTargetType();
        if (type == null) {
            return "of another type";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    private static String shown(Object value) {
        String text = String.valueOf(value);
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    private static String where(JacksonException e) {
        var at = e.getLocation();
        return at == null || at.getLineNr() < 1 ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

    private static int firstCharacter(byte[] json) {
        for (byte b : json) {
            if (!Character.isWhitespace(b)) {
                return b;
            }
        }
        return -1;
    }

    /** Reads the bodies of the API's endpoints, whatever content type they claim; writes nothing. */
    static final class StrictJson implements HttpMessageConverter<Requests.Body> {

        @Override
        public boolean canRead(Class<?> type, MediaType mediaType) {
            return Requests.Body.class.isAssignableFrom(type);
        }

        @Override
        public boolean canWrite(Class<?> type, MediaType mediaType) {
            return false;
        }

        @Override
        public List<MediaType> getSupportedMediaTypes() {
            return List.of(MediaType.APPLICATION_JSON, MediaType.ALL);
        }

        @Override
        public Requests.Body read(Class<? extends Requests.Body> type, HttpInputMessage input) throws IOException {
            byte[] body = input.getBody().readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw new HttpMessageNotReadableException("too large", new ApiException(ErrorCodes.INPUT,
                        HttpStatus.CONTENT_TOO_LARGE, "The request body is larger than " + MAX_BODY_BYTES / 1024
                        + " KB; CareClock's API takes smaller ones"), input);
            }
            try {
                return RequestBodies.read(body, type);
            } catch (InvalidInputException refused) {
                throw new HttpMessageNotReadableException(refused.getMessage(), refused, input);
            }
        }

        @Override
        public void write(Requests.Body body, MediaType contentType, HttpOutputMessage output) {
            throw new UnsupportedOperationException("request bodies are only read");
        }
    }

    /** A request without a body reads as {@code {}}, and is checked like one. */
    @ControllerAdvice(basePackageClasses = RequestBodies.class)
    static class EmptyBodies extends RequestBodyAdviceAdapter {

        @Override
        public boolean supports(MethodParameter parameter, Type targetType,
                                Class<? extends HttpMessageConverter<?>> converterType) {
            return converterType == StrictJson.class;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Object handleEmptyBody(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
                                      Class<? extends HttpMessageConverter<?>> converterType) {
            return body != null ? body : read(null, (Class<? extends Requests.Body>) parameter.getParameterType());
        }
    }
}
