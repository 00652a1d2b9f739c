package org.worldwire;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The package directions of design.md, as a test: a pure core, ports at the edges, only app names adapters. */
class ArchitectureTest {
    private static final String[] CORE = {
        "org.worldwire.feed..", "org.worldwire.extract..", "org.worldwire.enrich..",
        "org.worldwire.schedule..", "org.worldwire.dedup..", "org.worldwire.cluster..",
        "org.worldwire.opml..", "org.worldwire.encoding.."
    };
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.worldwire");

    @Test
    void coreDoesNoIoAndKnowsNoEdges() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.worldwire.fetch..", "org.worldwire.store..", "org.worldwire.search..",
                        "org.worldwire.events..", "org.worldwire.ingest..", "org.worldwire.web..",
                        "org.worldwire.app..", "org.worldwire.cli..", "org.worldwire.sim..",
                        "java.net.http..", "java.sql..", "org.slf4j..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void coreNeverReadsTheClock() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.lang.System.class, "currentTimeMillis")
                .orShould().callMethod(java.time.Clock.class, "systemUTC")
                .orShould().callMethod(java.time.Clock.class, "systemDefaultZone")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void coreReadsNoFiles() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                        com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                                com.tngtech.archunit.base.DescribedPredicate.describe("java.nio.file.Files",
                                        c -> c.getName().equals("java.nio.file.Files")))))
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void onlyAppNamesConcreteAdapters() {
        noClasses().that().resideOutsideOfPackages("org.worldwire.app..")
                .and().resideOutsideOfPackages("..sqlite..", "..postgres..", "..lucene..", "..opensearch..", "..kafka..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "..store.sqlite..", "..store.postgres..", "..search.lucene..", "..search.opensearch..", "..events.kafka..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }
}
