package io.policybot.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policybot.chat.Actions;
import io.policybot.chat.Block;
import io.policybot.chat.Button;
import io.policybot.chat.Reply;
import io.policybot.slack.testing.FakeSlackApi;
import io.policybot.slack.testing.HttpModeFixture;
import io.policybot.slack.testing.SignedRequests;
import io.policybot.slack.testing.Snapshots;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The Block Kit of a typical answer, exactly as it reaches chat.postMessage.
 * Regenerate after an intended change: {@code ./verify -pl slack-adapter -am -Dsnapshots.update=true}.
 */
class AnswerSnapshotTest {

    static List<Block> answer() {
        return List.of(
                new Block.Heading("Posting about work on social media"),
                new Block.Text("**Yes**, you may mention that you work here, but _do not_ share confidential "
                        + "information.\n- Say that opinions are your own\n- Ask [Communications](mailto:press@example.com) "
                        + "before talking to journalists & bloggers"),
                new Block.Bullets("Not allowed", List.of("Photos of whiteboards or screens", "Customer names <even internal ones>")),
                new Block.Citation("social-media", "Social Media Policy", "4.2", "Personal accounts", "3.1",
                        "https://intranet.example.com/policies/social-media#4-2", "en"),
                new Block.Divider(),
                new Block.Buttons(List.of(
                        new Button(Actions.SHOW_SECTION, "Read the full section", "social-media:4.2"),
                        new Button(Actions.FEEDBACK_UP, "👍 Helpful", "a-42", Button.Style.PRIMARY),
                        new Button(Actions.FEEDBACK_DOWN, "👎 Not helpful", "a-42"),
                        new Button(Actions.ASK_HR, "Ask HR", "a-42", Button.Style.DANGER))),
                new Block.Context("Answer based on policy version 3.1 · reply in this thread to ask more"));
    }

    @Test
    void answerReply() {
        try (HttpModeFixture f = new HttpModeFixture()) {
            f.engine.answer(in -> List.of(new Reply(Reply.SAME, answer(), "Yes, you may mention that you work here.")));
            f.slack.event("Ev1", SignedRequests.dmMessage("U123", FakeSlackApi.dmChannelOf("U123"),
                    "can I post about my work?", "1700000050.000100"), Map.of());
            FakeSlackApi.Call post = f.api.await("chat.postMessage", Duration.ofSeconds(10));

            ObjectNode sent = new ObjectMapper().createObjectNode();
            sent.put("channel", post.param("channel"));
            sent.put("text", post.param("text"));
            sent.set("blocks", post.json("blocks"));
            Snapshots.assertMatches("answer-reply", sent);
        }
    }
}
