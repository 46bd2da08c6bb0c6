package io.policybot.app;

import io.policybot.audit.AuditLog;
import io.policybot.chat.Actor;
import io.policybot.people.Person;
import io.policybot.people.Roles;
import io.policybot.people.StaffAccess;

/**
 * The opening that {@code people export}, {@code forget} and {@code remove} share: who acts (the operator, or someone
 * named with {@code --as}, with their roles), whether they may handle another person's records, and the person named.
 */
sealed interface ActingOnPerson {

    /** They may, and the person is known: the audit log records the actor (the operator as them, under --as). */
    record Found(Actor actor, AuditLog audit, Person person) implements ActingOnPerson {
    }

    /** They may, but no one is known by that name. */
    record NoOne(String command, String who) implements ActingOnPerson {
        /** Says so on stderr; the exit code. */
        int fail() {
            System.err.println("policybot people " + command + ": no one is known as \"" + who
                    + "\"; `policybot people list` shows everyone.");
            return ExitCodes.FAILED;
        }
    }

    /** Stopped before the person was looked up (an unknown --as, or a role that may not: audited); said on stderr. */
    record Stopped(int exitCode) implements ActingOnPerson {
    }

    /** {@code actor} about to run {@code people COMMAND WHO} on the operator's runtime. */
    static ActingOnPerson open(BotRuntime rt, Actor actor, String command, String who) {
        AuditLog audit = rt.services().storage().audit();
        if (!actor.key().equals(Operator.OPERATOR.key())) {
            audit = Operator.impersonated(audit, actor);
            StaffAccess access = rt.services().access(audit);
            Roles roles = access.rolesOf(actor);
            if (rt.services().storage().people().find(actor.platform(), actor.userId()).isEmpty() && !roles.staff()) {
                System.err.println("policybot people " + command + ": no one is known as " + actor.key()
                        + "; `policybot people list` shows everyone.");
                return new Stopped(ExitCodes.FAILED);
            }
            if (!roles.staff()) {
                access.refuse(actor, roles, "people " + command + " " + who, "");
                System.err.println("policybot people " + command + ": " + actor.key() + " has the role "
                        + roles.highest().code() + "; only HR and admins may see or change another person's records. "
                        + "Refused and recorded.");
                return new Stopped(ExitCodes.REFUSED);
            }
        }
        AuditLog recorded = audit;
        return Operator.find(rt, who).<ActingOnPerson>map(p -> new Found(actor, recorded, p))
                .orElseGet(() -> new NoOne(command, who));
    }
}
