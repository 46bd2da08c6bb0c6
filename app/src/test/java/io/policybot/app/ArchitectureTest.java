package io.policybot.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import io.policybot.ProductionClasses;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.policybot.InternalPackages;

/**
 * The rules across modules (bot-core's own are in its ArchitectureTest): adapters translate and know only bot-core's
 * chat model and text helpers; the app reaches storage through the composition root, never a SQL class.
 */
@AnalyzeClasses(packages = "io.policybot", importOptions = ProductionClasses.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule adaptersKnowOnlyTheKernel = noClasses()
            .that().resideInAnyPackage("io.policybot.slack..", "io.policybot.discord..")
            .should().dependOnClassesThat().resideInAnyPackage("io.policybot.conversation..", "io.policybot.wiring..",
                    "io.policybot.store..", "io.policybot.content..", "io.policybot.people..",
                    "io.policybot.training..", "io.policybot.answering..", "io.policybot.reports..",
                    "io.policybot.announcements..", "io.policybot.audit..", "io.policybot.questions..",
                    "io.policybot.versions..", "io.policybot.app..");

    @ArchTest
    static final ArchRule adaptersIgnoreEachOther = noClasses().that().resideInAPackage("io.policybot.slack..")
            .should().dependOnClassesThat().resideInAPackage("io.policybot.discord..");

    @ArchTest
    static final ArchRule appUsesNoSqlClass = noClasses().that().resideInAPackage("io.policybot.app..")
            .should().dependOnClassesThat().resideInAPackage("io.policybot..sql..");

    /** The web console is a client of bot-core's use cases, like the chat adapters: no adapter, no chat platform. */
    @ArchTest
    static final ArchRule webConsoleKnowsNoChatPlatform = noClasses().that().resideInAPackage("io.policybot.app.web..")
            .should().dependOnClassesThat().resideInAnyPackage("io.policybot.slack..", "io.policybot.discord..",
                    "com.slack..", "net.dv8tion..", "io.policybot.conversation..");

    /** Only serve mounts the console; nothing else in the app reaches into it. */
    @ArchTest
    static final ArchRule onlyServeMountsTheConsole = noClasses().that().resideInAPackage("io.policybot.app..")
            .and().resideOutsideOfPackages("io.policybot.app.web..", "io.policybot.app.serve..")
            .should().dependOnClassesThat().resideInAPackage("io.policybot.app.web..");

    @ArchTest
    static final ArchRule internalStaysInside = InternalPackages.rule();
}
