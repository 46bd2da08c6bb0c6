package io.policybot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The rule that a package's {@code internal} sub-package ({@code io.policybot.slack.internal}) is used only from
 * inside the package that owns it ({@code io.policybot.slack..}); shared with the app's architecture test.
 */
public final class InternalPackages {
    private InternalPackages() {
    }

    public static ArchRule rule() {
        return classes().that().resideInAPackage("io.policybot..").should(new ArchCondition<JavaClass>(
                "use another package's internal classes only from inside that package") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                for (Dependency d : c.getDirectDependenciesFromSelf()) {
                    String target = d.getTargetClass().getPackageName();
                    int at = target.indexOf(".internal");
                    if (!target.startsWith("io.policybot.") || at < 0) {
                        continue;
                    }
                    String owner = target.substring(0, at);
                    String from = c.getPackageName();
                    if (!from.equals(owner) && !from.startsWith(owner + ".")) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        }).allowEmptyShould(true);
    }
}
