package io.policybot.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.chat.Actor;
import io.policybot.chat.Block;
import io.policybot.chat.ChannelRef;
import io.policybot.chat.ChatGateways;
import io.policybot.chat.Inbound;
import io.policybot.chat.Reply;
import io.policybot.conversation.PolicyConversationEngine;
import io.policybot.store.Sql;
import io.policybot.testing.TestAnswerers;
import io.policybot.testing.TestClock;
import io.policybot.testing.TestContent;
import io.policybot.testing.TestDatabase;
import io.policybot.testing.TestServices;
import io.policybot.wiring.Services;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code console} through the real engine: a DM with a one-time link, bound to the person, stored only hashed. */
class ConsoleCommandTest {
    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private final TestClock clock = TestClock.at("2026-12-15T09:00:00Z");
    private final Actor alice = new Actor("slack", "U1", "Alice", Locale.ENGLISH);

    private Services services(String url) {
        return TestServices.builder(db.database(), TestContent::bundled, clock, 3).consoleUrl(url).build();
    }

    private static PolicyConversationEngine engine(Services s) {
        return s.engine(TestAnswerers.live(), s.staffDesk(), ChatGateways.none(), 1000);
    }

    private static List<Reply> say(PolicyConversationEngine engine, Actor who, String text, Inbound.Message.Kind kind) {
        return engine.handle(new Inbound.Message(who, new ChannelRef("C1", false), text, kind));
    }

    private static String text(Reply r) {
        return r.blocks().stream().filter(b -> b instanceof Block.Text).map(b -> ((Block.Text) b).markdown())
                .findFirst().orElse("");
    }

    private static String token(Reply r) {
        Matcher m = Pattern.compile("/console/signin\\?token=([A-Za-z0-9_-]+)").matcher(text(r));
        assertTrue(m.find(), text(r));
        return m.group(1);
    }

    @Test
    void theConsoleChatsPeopleHaveNoLocaleAndSignInInTheConversationsLanguage() {
        Services s = services("http://localhost:8080/console");
        Actor console = new Actor("console", "hana", "hana", null); // as the console chat sends its messages
        Reply r = say(engine(s), console, "控制台", Inbound.Message.Kind.COMMAND).getFirst();
        assertEquals(Reply.DM, r.placement(), text(r));
        assertEquals(new SignInLinks.Redeemed.SignedIn("console", "hana", Locale.forLanguageTag("zh")),
                s.signInLinks().redeem(token(r)));
    }

    @Test
    void consoleSendsAOneTimeLinkInADmThatSignsInThatPersonOnce() {
        Services s = services("https://policybot.example.com/console/");
        List<Reply> replies = say(engine(s), alice, "console", Inbound.Message.Kind.COMMAND);
        assertEquals(1, replies.size());
        Reply r = replies.getFirst();
        assertEquals(Reply.DM, r.placement(), "the link goes to the person alone");
        assertTrue(text(r).startsWith("Open https://policybot.example.com/console/signin?token="), text(r));
        assertTrue(text(r).contains("works once, for 10 minutes"));
        String token = token(r);
        SignInLinks.Redeemed first = s.signInLinks().redeem(token);
        assertEquals(new SignInLinks.Redeemed.SignedIn("slack", "U1", Locale.ENGLISH), first);
        assertInstanceOf(SignInLinks.Redeemed.AlreadyUsed.class, s.signInLinks().redeem(token));
        long plain = db.database().read(c -> Sql.number(c, "SELECT COUNT(*) FROM sign_in_link WHERE token_hash = ?", token));
        assertEquals(0, plain, "only the hash is stored");
        assertEquals(1L, (long) db.database().read(c -> Sql.number(c, "SELECT COUNT(*) FROM sign_in_link WHERE token_hash = ?",
                SignInLinks.hash(token))));
    }

    @Test
    void aLinkExpiresAfterTenMinutesAndEachLinkIsItsOwn() {
        Services s = services("http://localhost:8080/console");
        PolicyConversationEngine engine = engine(s);
        String late = token(say(engine, alice, "console", Inbound.Message.Kind.DIRECT_MESSAGE).getFirst());
        String other = token(say(engine, alice, "console", Inbound.Message.Kind.DIRECT_MESSAGE).getFirst());
        assertFalse(late.equals(other));
        clock.advance(Duration.ofMinutes(9).plusSeconds(59));
        assertInstanceOf(SignInLinks.Redeemed.SignedIn.class, s.signInLinks().redeem(other));
        clock.advance(Duration.ofSeconds(2));
        assertInstanceOf(SignInLinks.Redeemed.Expired.class, s.signInLinks().redeem(late));
        assertInstanceOf(SignInLinks.Redeemed.Unknown.class, s.signInLinks().redeem("made-up"));
        assertInstanceOf(SignInLinks.Redeemed.Unknown.class, s.signInLinks().redeem(""));
    }

    @Test
    void inChineseTheLinkIsExplainedInChineseAndTheSessionWillBeChinese() {
        Services s = services("http://localhost:8080/console");
        Actor li = new Actor("discord", "42", "李", Locale.SIMPLIFIED_CHINESE);
        Reply r = say(engine(s), li, "控制台", Inbound.Message.Kind.DIRECT_MESSAGE).getFirst();
        assertTrue(text(r).contains("只能使用一次"), text(r));
        SignInLinks.Redeemed in = s.signInLinks().redeem(token(r));
        assertEquals("zh", ((SignInLinks.Redeemed.SignedIn) in).locale().getLanguage());
    }

    @Test
    void aPersonWhoseClientSendsNoLocaleGetsALinkInTheConversationsLanguage() {
        Services s = services("http://localhost:8080/console");
        Actor local = new Actor("console", "hana", "hana", null); // the console chat without --lang
        Reply r = say(engine(s), local, "console", Inbound.Message.Kind.DIRECT_MESSAGE).getFirst();
        SignInLinks.Redeemed in = s.signInLinks().redeem(token(r));
        assertEquals(new SignInLinks.Redeemed.SignedIn("console", "hana", Locale.ENGLISH), in);
    }

    @Test
    void withoutAConsoleUrlThePersonIsToldItIsNotEnabledAndASentenceIsStillAQuestion() {
        Services s = services(null);
        Reply r = say(engine(s), alice, "console", Inbound.Message.Kind.DIRECT_MESSAGE).getFirst();
        assertTrue(text(r).contains("not enabled"), text(r));
        Reply q = say(engine(services("http://x/console")), alice, "console games at my desk, allowed?",
                Inbound.Message.Kind.DIRECT_MESSAGE).getFirst();
        assertFalse(text(q).contains("/signin?token="), "a question that starts with the word is answered as a question");
    }
}
