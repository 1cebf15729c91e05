package org.careclock.call;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.careclock.base.CleanText;
import org.careclock.calltype.CallTypeSettings;

import java.time.Instant;
import java.util.List;

/**
 * What it takes to schedule an appointment, with its rules as constraints. A null
 * {@code createdBy} means the acting user; {@code maxDurationSeconds} is the call's own budget
 * in seconds, overriding its type's (null: the type's; 0: no time limit). A blank title is no
 * title. Whether the type, the members and the creator exist is the service's to check.
 */
public record NewCall(
        @NotNull(message = "Choose a call type")
        String type,
        @NotNull(message = ID_RULE) @Pattern(regexp = Cid.ID_PATTERN, message = ID_RULE)
        String id,
        @Size(max = NewCall.TITLE_MAX, message = "Title may have at most " + NewCall.TITLE_MAX + " characters")
        @CleanText(message = "Title " + CleanText.RULE)
        String title,
        List<String> members,
        String createdBy,
        Instant scheduledStart,
        @Min(value = 0, message = DURATION_RULE) @Max(value = CallTypeSettings.MAX_SECONDS, message = DURATION_RULE)
        Integer maxDurationSeconds) {

    /** The longest title. */
    public static final int TITLE_MAX = 200;

    static final String ID_RULE = "Appointment id may hold only letters, digits, '_' or '-' (1 to "
            + Cid.ID_MAX + " characters)";
    static final String DURATION_RULE = "Duration override must be between 0 and " + CallTypeSettings.MAX_SECONDS
            + " seconds (0: no time limit)";

    public NewCall {
        title = title == null || title.isBlank() ? null : title.strip();
        members = members == null ? List.of() : List.copyOf(members);
    }
}
