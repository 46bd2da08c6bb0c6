package io.policybot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/**
 * bot-core's layers, as executable rules (in the spirit of JDA's ArchUnit compliance test): the platform-neutral
 * kernel ({@code chat}, {@code text}, {@code store}) at the bottom, then {@code content}, then the capabilities,
 * then the conversation engine, then the composition root ({@code wiring}) on top. docs/architecture.md draws it.
 */
@AnalyzeClasses(packages = "io.policybot", importOptions = ProductionClasses.class)
class ArchitectureTest {
    static final String[] CAPABILITIES = {"io.policybot.people..", "io.policybot.audit..", "io.policybot.questions..",
            "io.policybot.versions..", "io.policybot.training..", "io.policybot.answering..", "io.policybot.reports..",
            "io.policybot.announcements..", "io.policybot.dedupe..", "io.policybot.signin.."};

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .withOptionalLayers(true)
            .layer("Kernel").definedBy("io.policybot.chat..", "io.policybot.text..", "io.policybot.store..")
            .layer("Content").definedBy("io.policybot.content..")
            .layer("Capabilities").definedBy(CAPABILITIES)
            .layer("Engine").definedBy("io.policybot.conversation..")
            .layer("Composition").definedBy("io.policybot.wiring..")
            .whereLayer("Composition").mayNotBeAccessedByAnyLayer()
            .whereLayer("Engine").mayOnlyBeAccessedByLayers("Composition")
            .whereLayer("Capabilities").mayOnlyBeAccessedByLayers("Engine", "Composition")
            .whereLayer("Content").mayOnlyBeAccessedByLayers("Capabilities", "Engine", "Composition")
            .whereLayer("Kernel").mayOnlyBeAccessedByLayers("Content", "Capabilities", "Engine", "Composition");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("io.policybot.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule kernelKnowsNoCapability = noClasses()
            .that().resideInAnyPackage("io.policybot.chat..", "io.policybot.text..", "io.policybot.store..")
            .should().dependOnClassesThat().resideInAnyPackage(CAPABILITIES);

    @ArchTest
    static final ArchRule noChatPlatform = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("com.slack..", "net.dv8tion..", "io.policybot.slack..", "io.policybot.discord..");

    /** The web console lives in the app: bot-core has no HTTP server, templates or sessions of its own. */
    @ArchTest
    static final ArchRule noWebCode = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("com.sun.net.httpserver..", "org.thymeleaf..", "io.javalin..", "jakarta.servlet..",
                    "io.policybot.app..");

    /** A capability's SQL is its private business: only the composition root builds it. */
    @ArchTest
    static final ArchRule sqlOnlyFromTheCompositionRoot = noClasses()
            .that().resideOutsideOfPackages("io.policybot..sql..", "io.policybot.wiring..")
            .should().dependOnClassesThat().resideInAPackage("io.policybot..sql..");

    /** What a package keeps in {@code internal} is for that package alone. */
    @ArchTest
    static final ArchRule internalStaysInside = InternalPackages.rule();

    @ArchTest
    static final ArchRule noStandardStreams = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
}
