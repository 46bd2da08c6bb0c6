package io.policybot.app;

import io.policybot.audit.AuditEntry;
import io.policybot.audit.AuditLog;
import io.policybot.people.Person;
import io.policybot.people.PersonRepository;
import io.policybot.chat.Actor;
import io.policybot.chat.Block;
import io.policybot.chat.Reply;
import io.policybot.people.Role;
import java.time.Clock;
import java.util.List;

/**
 * The operator at the terminal ({@code cli:operator}) for the staff commands: an admin, since they hold the
 * database file anyway; {@code --as} acts as someone else, with their roles, and the audit log records both
 * ("cli:operator as slack:U123"), since the operator is who really ran it. The staff commands run on the shared
 * {@link BotRuntime} without the answering index (no embedding models to load) and without publishing.
 */
final class Operator {
    static final Actor OPERATOR = new Actor("cli", "operator", "operator", null);

    private Operator() {
    }

    /** The runtime of a staff command run as {@code as} (the operator, or someone named with --as). */
    static BotRuntime runtime(AppConfig config, Clock clock, Actor as) {
        return BotRuntime.builder(config, clock).contentSource(config::loadContent)
                .roles(r -> r.with(Role.ADMIN, OPERATOR.key()))
                .audit(a -> as.key().equals(OPERATOR.key()) ? a : impersonated(a, as)).build();
    }

    static BotRuntime runtime(AppConfig config, Clock clock) {
        return runtime(config, clock, OPERATOR);
    }

    /** The audit log, with entries by {@code as} recorded as the operator acting as them. */
    static AuditLog impersonated(AuditLog audit, Actor as) {
        return new AuditLog() {
            @Override
            public void record(AuditEntry e) {
                String actor = e.actor().equals(as.key()) ? OPERATOR.key() + " as " + as.key() : e.actor();
                audit.record(new AuditEntry(e.at(), actor, e.action(), e.target(), e.detail()));
            }

            @Override
            public List<AuditEntry> recent(int limit) {
                return audit.recent(limit);
            }

            @Override
            public List<AuditEntry> since(java.time.Instant from) {
                return audit.since(from);
            }
        };
    }

    /** The person named {@code platform:id} (any case), a bare user id when only one person has it, or an email. */
    static java.util.Optional<Person> find(BotRuntime rt, String who) {
        PersonRepository people = rt.services().storage().people();
        String w = who.strip();
        if (w.contains("@")) {
            return rt.services().storage().roster().findByEmail(w);
        }
        int colon = w.indexOf(':');
        List<Person> matches = people.withUserId(colon < 0 ? w : w.substring(colon + 1));
        if (colon >= 0) {
            String platform = w.substring(0, colon);
            matches = matches.stream().filter(p -> p.platform().equalsIgnoreCase(platform)).toList();
        }
        java.util.Optional<Person> exact = matches.stream()
                .filter(p -> p.key().equals(w) || p.platformUserId().equals(w)).findFirst();
        return exact.isPresent() ? exact : matches.size() == 1 ? java.util.Optional.of(matches.getFirst())
                : java.util.Optional.empty();
    }

    /** {@code platform:id} as an actor; the operator when absent. */
    static Actor actor(String as) {
        if (as == null || as.isBlank()) {
            return OPERATOR;
        }
        int colon = as.indexOf(':');
        if (colon <= 0 || colon == as.length() - 1) {
            throw new BadUsage("--as takes PLATFORM:ID, e.g. slack:U0123");
        }
        return new Actor(as.substring(0, colon), as.substring(colon + 1), null, null);
    }

    /** The replies without their files, for printing. */
    static List<Reply> withoutFiles(List<Reply> replies) {
        return replies.stream().map(r -> new Reply(r.placement(),
                r.blocks().stream().filter(b -> !(b instanceof Block.Attachment)).toList(), r.fallback())).toList();
    }


}
