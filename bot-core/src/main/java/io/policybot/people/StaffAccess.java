package io.policybot.people;

import io.policybot.audit.AuditEntry;
import io.policybot.audit.AuditLog;
import io.policybot.chat.Actor;
import io.policybot.chat.Block;
import io.policybot.chat.Reply;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Who may use the staff use cases, in one place: a person's roles (configuration, roster, org chart and the
 * platform groups the adapter saw), and the refusal, which is replied to and audited beside the check that made it.
 */
public final class StaffAccess {
    private final RoleResolver roles;
    private final AuditLog audit;
    private final Clock clock;

    public StaffAccess(RoleResolver roles, AuditLog audit, Clock clock) {
        this.roles = roles;
        this.audit = audit;
        this.clock = clock;
    }

    /** The roles of {@code actor}, with the platform groups the adapter found them in. */
    public Roles rolesOf(Actor actor) {
        return roles.roles(actor.platform(), actor.userId(), actor.groups());
    }

    public Roles rolesOf(String platform, String userId, Set<String> groups) {
        return roles.roles(platform, userId, groups);
    }

    /**
     * Runs {@code useCase} when {@code actor} is HR or an admin; otherwise records the refusal of {@code what}
     * ("gaps", "announce.confirm a1") and answers {@code refusal}.
     */
    public List<Reply> staffOnly(Actor actor, String what, String refusal, Supplier<List<Reply>> useCase) {
        Roles r = rolesOf(actor);
        return r.staff() ? useCase.get() : refuse(actor, r, what, refusal);
    }

    /** Records that {@code actor} (with roles {@code r}) was refused {@code what}, and answers {@code text}. */
    public List<Reply> refuse(Actor actor, Roles r, String what, String text) {
        audit.record(new AuditEntry(clock.instant(), actor.key(), AuditEntry.REFUSED, what.strip(),
                "role " + r.highest().code()));
        return List.of(new Reply(Reply.PRIVATE, List.of(new Block.Text(text)), text));
    }
}
