package io.policybot.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.audit.AuditEntry;
import io.policybot.chat.Actions;
import io.policybot.chat.Actor;
import io.policybot.chat.ChannelRef;
import io.policybot.chat.Inbound;
import io.policybot.chat.Reply;
import io.policybot.people.Role;
import io.policybot.testing.Replies;
import io.policybot.testing.TestDatabase;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each role against each staff command: what it may see, and that every refusal is explained and audited. */
class StaffDeskRolesTest {
    @RegisterExtension
    final TestDatabase db = new TestDatabase();
    StaffFixture f;

    private static final List<String> EVERYONE = List.of("slack:ADM", "slack:E1", "slack:E2", "slack:E3", "slack:E4",
            "slack:HR1", "slack:M1", "slack:M2");

    @BeforeEach
    void setUp() {
        f = new StaffFixture(db.database());
    }

    private void assertRefused(List<Reply> replies, String expectedText, String target, String role) {
        assertNull(StaffFixture.csv(replies));
        assertEquals(expectedText, Replies.text(replies));
        assertEquals(Reply.PRIVATE, replies.getFirst().placement());
        AuditEntry last = f.refusals().getFirst();
        assertEquals(target, last.target());
        assertEquals("role " + role, last.detail());
        assertEquals(f.clock.instant(), last.at());
    }

    @Nested
    class Employee {
        @Test
        void reportWithoutArgumentIsTheirOwnRecord() {
            assertEquals(List.of("slack:E2"), StaffFixture.peopleIn(f.say("E2", "report", "")));
            assertEquals(List.of("slack:E2"), StaffFixture.peopleIn(f.say("E2", "report", "me")));
            assertEquals(List.of("slack:E2"), StaffFixture.peopleIn(f.say("E2", "report", "@slack:E2")));
        }

        @Test
        void someoneElseIsRefused() {
            assertRefused(f.say("E2", "report", "@slack:E3"), "You can only see your own training record. Managers see the "
                    + "people who report to them, and HR sees everyone.", "report slack:E3", "employee");
        }

        @Test
        void aTeamIsRefused() {
            assertRefused(f.say("E2", "report", "team Sales"),
                    "Only managers (for the people who report to them) and HR can see a team’s report.",
                    "report team Sales", "employee");
        }

        @Test
        void gapsAndAnnounceAreRefused() {
            assertRefused(f.say("E2", "gaps", ""), "Only HR can see the questions the bot could not answer.", "gaps", "employee");
            assertRefused(f.say("E2", "announce", "social-media"), "Only HR can announce policy updates.",
                    "announce social-media", "employee");
            assertRefused(f.press("E2", Actions.ANNOUNCE_CONFIRM), "Only HR can confirm or cancel an announcement.",
                    "announce.confirm a1", "employee");
            assertEquals(List.of(), f.delegated);
        }

        @Test
        void acknowledgingAndTheUpdateQuizAreForEveryone() {
            assertEquals("pressed", Replies.text(f.press("E2", Actions.ACKNOWLEDGE)));
            f.press("E2", Actions.UPDATE_QUIZ_START);
            assertEquals(List.of("announce.ack:E2", "update.quiz.start:E2"), f.delegated);
            assertEquals(List.of(), f.refusals());
        }
    }

    @Nested
    class Manager {
        @Test
        void reportWithoutArgumentIsTheirWholeOrgAndNotThemselves() {
            assertEquals(List.of("slack:E1", "slack:E2"), StaffFixture.peopleIn(f.say("M1", "report", "")));
            assertEquals(List.of("slack:E3", "slack:E4"), StaffFixture.peopleIn(f.say("M2", "report", "")));
        }

        @Test
        void anIndirectReportIsVisibleByMentionIdOrEmail() {
            assertEquals(List.of("slack:E2"), StaffFixture.peopleIn(f.say("M1", "report", "@slack:E2")));
            assertEquals(List.of("slack:E2"), StaffFixture.peopleIn(f.say("M1", "report", "E2")));
            assertEquals(List.of("slack:E2"), StaffFixture.peopleIn(f.say("M1", "report", "eva@acme.example")));
            // Eli manages Eva: a manager by the org chart alone.
            assertEquals(List.of("slack:E2"), StaffFixture.peopleIn(f.say("E1", "report", "")));
        }

        @Test
        void someoneOutsideTheirOrgIsRefused() {
            assertRefused(f.say("M1", "report", "@slack:E3"), "You can only see the records of people who report to you, "
                    + "directly or through others.", "report slack:E3", "manager");
            assertRefused(f.say("M1", "report", "@slack:M2"), "You can only see the records of people who report to you, "
                    + "directly or through others.", "report slack:M2", "manager");
        }

        @Test
        void aTeamIsLimitedToTheirOwnReports() {
            // Flo is in Sales but reports to Max.
            assertEquals(List.of("slack:E1", "slack:E2"), StaffFixture.peopleIn(f.say("M1", "report", "team Sales")));
            assertEquals(List.of("slack:E1", "slack:E2"), StaffFixture.peopleIn(f.say("M1", "report", "Sales")));
        }

        @Test
        void gapsAndAnnounceAreRefused() {
            assertRefused(f.say("M1", "gaps", "7"), "Only HR can see the questions the bot could not answer.", "gaps", "manager");
            assertRefused(f.say("M1", "announce", ""), "Only HR can announce policy updates.", "announce", "manager");
            assertRefused(f.press("M1", Actions.ANNOUNCE_CANCEL), "Only HR can confirm or cancel an announcement.",
                    "announce.cancel a1", "manager");
            assertEquals(List.of(), f.delegated);
        }
    }

    @Nested
    class Hr {
        @Test
        void reportWithoutArgumentIsEveryone() {
            assertEquals(EVERYONE, StaffFixture.peopleIn(f.say("HR1", "report", "")));
        }

        @Test
        void anyoneOrAnyTeam() {
            assertEquals(List.of("slack:E3"), StaffFixture.peopleIn(f.say("HR1", "report", "@slack:E3")));
            assertEquals(List.of("slack:E1", "slack:E2", "slack:E4", "slack:M1"),
                    StaffFixture.peopleIn(f.say("HR1", "report", "team Sales")));
            assertEquals(List.of("slack:HR1"), StaffFixture.peopleIn(f.say("HR1", "report", "me")));
        }

        @Test
        void gapsAndAnnounceAreAllowed() {
            assertTrue(Replies.text(f.say("HR1", "gaps", "")).contains("last 30 days"));
            assertEquals("announcing", Replies.text(f.say("HR1", "announce", "social-media")));
            assertEquals("pressed", Replies.text(f.press("HR1", Actions.ANNOUNCE_CONFIRM)));
            assertEquals(List.of("announce:HR1", "announce.confirm:HR1"), f.delegated);
            assertEquals(List.of(), f.refusals());
        }

        @Test
        void everyExportIsAudited() {
            f.say("HR1", "report", "team Sales");
            AuditEntry e = f.audit.recent(1).getFirst();
            assertEquals(AuditEntry.REPORT_EXPORT, e.action());
            assertEquals("slack:HR1", e.actor());
            assertEquals("team Sales", e.target());
            assertTrue(e.detail().startsWith("4 people, 4 rows, policybot-report-team-sales-2026-12-15.csv"), e.detail());
        }

        @Test
        void hrCanComeFromAPlatformGroup() {
            assertEquals(Set.of(Role.EMPLOYEE, Role.HR), f.desk.rolesOf("slack", "NEW", Set.of("S0HR")).set());
            assertEquals(Set.of(Role.EMPLOYEE), f.desk.rolesOf("slack", "NEW", Set.of("OTHER")).set());
            assertEquals(Set.of(Role.EMPLOYEE), f.desk.rolesOf("discord", "NEW", Set.of("S0HR")).set());
        }

        @Test
        void theActorsPlatformGroupsReachTheCommands() {
            Actor inHrGroup = new Actor("slack", "E2", null, null, Set.of("S0SALES", "S0HR"));
            List<Reply> gaps = f.desk.handle("gaps", "", new Inbound.Message(inHrGroup, new ChannelRef("D-E2", true),
                    "gaps", Inbound.Message.Kind.COMMAND), "en");
            assertTrue(Replies.text(gaps).startsWith("What people asked"), Replies.text(gaps));
            assertEquals(EVERYONE, StaffFixture.peopleIn(f.desk.handle("report", "", new Inbound.Message(inHrGroup,
                    new ChannelRef("D-E2", true), "report", Inbound.Message.Kind.COMMAND), "en")));
            f.desk.onButton(new Inbound.ButtonPress(inHrGroup, new ChannelRef("D-E2", true),
                    Actions.ANNOUNCE_CONFIRM, "a1"), "en");
            assertEquals(List.of(), f.refusals());
            assertEquals(Set.of(Role.EMPLOYEE, Role.HR), f.desk.rolesOf(inHrGroup).set());

            Actor sameWithoutGroups = new Actor("slack", "E2", null, null);
            assertEquals(sameWithoutGroups.key(), inHrGroup.key());
            assertEquals(Set.of(Role.EMPLOYEE), f.desk.rolesOf(sameWithoutGroups).set());
        }
    }

    @Nested
    class Admin {
        @Test
        void reportWithoutArgumentIsEveryone() {
            assertEquals(EVERYONE, StaffFixture.peopleIn(f.say("ADM", "report", "")));
        }

        @Test
        void anyoneOrAnyTeam() {
            assertEquals(List.of("slack:E2"), StaffFixture.peopleIn(f.say("ADM", "report", "slack:E2")));
            assertEquals(List.of("slack:E3", "slack:M2"), StaffFixture.peopleIn(f.say("ADM", "report", "team Support")));
        }

        @Test
        void gapsAndAnnounceAreAllowed() {
            assertTrue(Replies.text(f.say("ADM", "gaps", "7")).contains("last 7 days"));
            assertEquals("announcing", Replies.text(f.say("ADM", "announce", "")));
            assertEquals(List.of("announce:ADM"), f.delegated);
            assertEquals(List.of(), f.refusals());
        }
    }

    @Test
    void anUnknownTargetSaysSoWithoutAnAuditEntry() {
        assertEquals("I could not find a person or team called “nobody”. Give a user id (U0123 or slack:U0123), an "
                + "email, or a team name.", Replies.text(f.say("HR1", "report", "nobody")));
        assertEquals(List.of(), f.refusals());
    }
}
