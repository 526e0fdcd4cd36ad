package io.referrals.notification;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.referrals.testing.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** Layers point inward, one persistence style, time from the Clock, configuration by mapping. */
class ArchitectureTest {

    @Test
    void codeFollowsThePlatformRules() {
        ServiceArchitecture.check("io.referrals.notification");
    }

    /** mail, task, webhook, followup, person: each use case may build on another, never in a circle. */
    @Test
    void useCasesInsideTheServiceLayerDependWithoutCycles() {
        slices().matching("io.referrals.notification.service.(*)..")
                .should()
                .beFreeOfCycles()
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.referrals.notification"));
    }
}
