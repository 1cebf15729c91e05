package org.careclock.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.vaadin.flow.router.Route;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The package boundaries of CONVENTIONS.md, written down so they hold without anyone remembering them. */
class ArchitectureTest {

    /** Where each feature's public API lives: services, records, events (its views are in ui). */
    static final String[] FEATURE_ROOTS = {"org.careclock.user", "org.careclock.calltype", "org.careclock.call",
            "org.careclock.session", "org.careclock.audit", "org.careclock.api", "org.careclock.demo"};

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.careclock");
    }

    @Test
    void services_never_import_vaadin() {
        ArchRule rule = noClasses().that().resideInAnyPackage(FEATURE_ROOTS)
                .should().dependOnClassesThat().resideInAPackage("com.vaadin..");
        rule.check(classes);
    }

    @Test
    void views_never_touch_repositories_schedulers_or_threads() {
        ArchRule rule = noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().areAssignableTo(Repository.class)
                .orShould().dependOnClassesThat().haveSimpleName("TimerScheduler")
                .orShould().dependOnClassesThat().haveSimpleName("CallSessionStore")
                .orShould().dependOnClassesThat().areAssignableTo(Thread.class)
                .orShould().dependOnClassesThat().areAssignableTo(java.util.concurrent.Executor.class)
                .orShould().dependOnClassesThat().areAssignableTo(java.util.concurrent.Future.class)
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.Executors")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.Timer");
        rule.check(classes);
    }

    @Test
    void entities_and_repositories_are_package_private() {
        classes().that().areAnnotatedWith(Entity.class).should().notBePublic().check(classes);
        classes().that().areAssignableTo(Repository.class).should().notBePublic().check(classes);
    }

    @Test
    void only_the_session_timer_drives_sessions_in_the_database() {
        noClasses().that().resideOutsideOfPackages("org.careclock.session", "org.careclock.call", "org.careclock.demo")
                .should().dependOnClassesThat().haveSimpleName("CallSessionStore")
                .check(classes);
    }

    @Test
    void routes_live_in_ui_packages_and_carry_exactly_one_access_annotation() {
        classes().that().areAnnotatedWith(Route.class).should().resideInAPackage("..ui..").check(classes);
        classes().that().areAnnotatedWith(Route.class)
                .should(new com.tngtech.archunit.lang.ArchCondition<>("carry exactly one of @AnonymousAllowed, @PermitAll, @RolesAllowed") {
                    @Override
                    public void check(com.tngtech.archunit.core.domain.JavaClass item,
                                      com.tngtech.archunit.lang.ConditionEvents events) {
                        long n = java.util.stream.Stream.of(
                                        com.vaadin.flow.server.auth.AnonymousAllowed.class,
                                        jakarta.annotation.security.PermitAll.class,
                                        jakarta.annotation.security.RolesAllowed.class)
                                .filter(item::isAnnotatedWith).count();
                        if (n != 1) {
                            events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(item,
                                    item.getName() + " has " + n + " access annotations"));
                        }
                    }
                }).check(classes);
    }

    @Test
    void features_do_not_reach_into_the_pages_of_others() {
        noClasses().that().resideInAnyPackage(FEATURE_ROOTS)
                .should().dependOnClassesThat().resideInAPackage("org.careclock..ui..")
                .check(classes);
    }
}
