package io.policybot.slack;

import io.policybot.testing.TestServices;
import io.policybot.announcements.AnnouncementCommands;
import io.policybot.audit.AuditEntry;
import io.policybot.chat.Inbound;
import io.policybot.people.Role;
import io.policybot.people.RolesConfig;
import io.policybot.conversation.StaffDesk;
import io.policybot.slack.testing.FakeSlackApi.Call;
import io.policybot.slack.testing.FakeSlackApi.Scripted;
import io.policybot.slack.testing.HttpModeFixture;
import io.policybot.store.Database;
import io.policybot.audit.sql.SqlAuditLog;
import io.policybot.testing.TestContent;
import io.policybot.training.TrainingSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Slack user groups reach role checks: the adapter asks usergroups.list (include_users) once per cache period, puts
 * the person's group ids on the Actor, and the real {@link StaffDesk} grants HR to members of {@code slack:group:S0HR}.
 */
class SlackUserGroupsTest {
    private static final Duration T = Duration.ofSeconds(10);
    private static final String HR_USER = "U0HR";
    private static final String OTHER_USER = "U0EMP";
    private static final String CHANNEL = "C456";

    private HttpModeFixture f;
    private Database db;
    private SqlAuditLog audit;

    @BeforeEach
    void start() {
        f = new HttpModeFixture();
        db = Database.temporary();
        audit = new SqlAuditLog(db);
        StaffDesk desk = TestServices.builder(db, TestContent::bundled, Clock.systemUTC(), 1)
                .roles(RolesConfig.of(Map.of(Role.HR, List.of("slack:group:S0HR")))).build()
                .staffDesk(audit, AnnouncementCommands.none());
        // The engine's command routing is not under test here: "gaps" goes straight to the real staff desk.
        f.engine.answer(in -> desk.handle("gaps", "", (Inbound.Message) in, "en"));
        f.api.setUserGroup("S0HR", "U0OTHERHR", HR_USER);
        f.api.setUserGroup("S0SALES", OTHER_USER, HR_USER);
    }

    @AfterEach
    void stop() {
        f.close();
        db.close();
    }

    @Test
    void aMemberOfTheConfiguredHrGroupMaySeeGapsAndOthersMayNot() {
        f.slack.command(HR_USER, CHANNEL, "general", "gaps", "trig-1", f.api.responseUrl("r1"));
        Call hr = f.api.await("chat.postEphemeral", c -> HR_USER.equals(c.param("user")), T);
        f.slack.command(OTHER_USER, CHANNEL, "general", "gaps", "trig-2", f.api.responseUrl("r2"));
        Call other = f.api.await("chat.postEphemeral", c -> OTHER_USER.equals(c.param("user")), T);
        f.drain();

        assertTrue(hr.param("blocks").contains("What people asked that the bot could not answer well"), hr.param("blocks"));
        assertTrue(other.param("blocks").contains("Only HR can see"), other.param("blocks"));
        assertEquals(List.of(Set.of("S0HR", "S0SALES"), Set.of("S0SALES")),
                f.engine.inbounds().stream().map(in -> in.actor().groups()).toList());
        List<AuditEntry> refusals = audit.recent(10).stream()
                .filter(e -> e.action().equals(AuditEntry.REFUSED)).toList();
        assertEquals(List.of("slack:" + OTHER_USER), refusals.stream().map(AuditEntry::actor).toList());

        List<Call> lists = f.api.calls("usergroups.list");
        assertEquals(1, lists.size(), "one usergroups.list per cache period, not per request");
        assertTrue(Set.of("1", "true").contains(lists.getFirst().param("include_users")), lists.getFirst().params().toString());
    }

    @Test
    void whenSlackRefusesTheListTheRequestIsAnsweredWithoutGroupRoles() {
        f.api.enqueue("usergroups.list", Scripted.error("missing_scope"));

        f.slack.command(HR_USER, CHANNEL, "general", "gaps", "trig-1", f.api.responseUrl("r1"));
        Call reply = f.api.await("chat.postEphemeral", T);
        f.drain();

        assertTrue(reply.param("blocks").contains("Only HR can see"), reply.param("blocks"));
        assertEquals(Set.of(), f.engine.inbounds().getFirst().actor().groups());
    }
}
