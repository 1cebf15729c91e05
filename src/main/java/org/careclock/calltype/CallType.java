package org.careclock.calltype;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

@Entity
@Table(name = "call_types")
class CallType {

    @Id
    private String name;

    @Column(name = "max_duration_seconds", nullable = false)
    private int maxDurationSeconds;

    @Column(name = "max_participants", nullable = false)
    private int maxParticipants = CallTypeSettings.DEFAULT_MAX_PARTICIPANTS;

    @Column(name = "backstage_enabled", nullable = false)
    private boolean backstageEnabled;

    @Column(name = "join_ahead_seconds", nullable = false)
    private int joinAheadSeconds;

    @Column(name = "idle_timeout_seconds", nullable = false)
    private int idleTimeoutSeconds;

    @Column(name = "idle_prompt_seconds", nullable = false)
    private int idlePromptSeconds;

    @Column(name = "empty_timeout_seconds", nullable = false)
    private int emptyTimeoutSeconds;

    @Column(name = "alert_thresholds", nullable = false)
    private String alertThresholds;

    @Column(name = "extension_steps", nullable = false)
    private String extensionSteps;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "call_type_grants", joinColumns = @JoinColumn(name = "call_type"))
    private Set<Grant> grants = new HashSet<>();

    @Version
    private long version;

    protected CallType() {
    }

    CallType(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    void apply(CallTypeSettings s) {
        maxDurationSeconds = s.maxDurationSeconds();
        maxParticipants = s.maxParticipants();
        backstageEnabled = s.backstage().enabled();
        joinAheadSeconds = s.backstage().joinAheadTimeSeconds();
        idleTimeoutSeconds = s.idleTimeoutSeconds();
        idlePromptSeconds = s.idlePromptSeconds();
        emptyTimeoutSeconds = s.emptyTimeoutSeconds();
        alertThresholds = join(s.alertThresholdsSeconds());
        extensionSteps = join(s.extensionStepsSeconds());
        grants.clear();
        s.grants().forEach((role, caps) -> caps.forEach(c -> grants.add(new Grant(role, c.wireName()))));
    }

    CallTypeSettings toSettings() {
        Map<String, Set<Capability>> byRole = new TreeMap<>();
        for (Grant g : grants) {
            Capability.fromWireName(g.capability()).ifPresent(c ->
                    byRole.computeIfAbsent(g.role(), r -> EnumSet.noneOf(Capability.class)).add(c));
        }
        return new CallTypeSettings(name, maxDurationSeconds, byRole, split(alertThresholds), split(extensionSteps),
                idleTimeoutSeconds, idlePromptSeconds, emptyTimeoutSeconds, maxParticipants,
                new Backstage(backstageEnabled, joinAheadSeconds));
    }

    private static String join(List<Integer> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static List<Integer> split(String text) {
        return text == null || text.isBlank() ? List.of()
                : Arrays.stream(text.split(",")).map(String::strip).map(Integer::valueOf).toList();
    }
}
