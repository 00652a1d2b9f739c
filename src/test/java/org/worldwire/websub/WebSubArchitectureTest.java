package org.worldwire.websub;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The decisions of WebSub stay pure: the root package does no IO and reads no clock; HTTP lives in websub.http. */
class WebSubArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.worldwire.websub");

    @Test
    void decisionsDoNoIo() {
        noClasses().that().resideInAPackage("org.worldwire.websub")
                .should().dependOnClassesThat().resideInAnyPackage("java.net.http..", "java.sql..", "org.slf4j..",
                        "com.sun.net.httpserver..", "org.worldwire.websub.http..", "org.worldwire.fetch..",
                        "org.worldwire.store..", "org.worldwire.web..", "org.worldwire.ingest..")
                .check(CLASSES);
    }

    @Test
    void decisionsNeverReadTheClock() {
        noClasses().that().resideInAPackage("org.worldwire.websub")
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .check(CLASSES);
    }
}
