package org.careclock.architecture;

import org.careclock.CareClockApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module graph of CONVENTIONS.md as Spring Modulith sees it: every top-level package is a
 * module, no cycles between modules, and a module uses only what another exposes (its root
 * package, or a named interface such as {@code base.ui}).
 */
class ModulesTest {

    static final ApplicationModules modules = ApplicationModules.of(CareClockApplication.class);

    @Test
    void the_modules_have_no_cycles_and_use_only_what_others_expose() {
        modules.verify();
    }

    @Test
    void every_feature_is_a_module() {
        assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
                .contains("base", "security", "user", "calltype", "call", "session", "audit", "api", "demo");
    }
}
