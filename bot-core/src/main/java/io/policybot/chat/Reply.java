package io.policybot.chat;

import java.util.List;
import java.util.Objects;

/**
 * One message the bot sends in answer to an {@link Inbound}.
 *
 * @param placement where it goes
 * @param blocks    what it shows
 * @param fallback  plain text for notifications and platforms that show no blocks
 */
public record Reply(Placement placement, List<Block> blocks, String fallback) {
    public Reply {
        Objects.requireNonNull(placement, "placement");
        blocks = List.copyOf(blocks);
        fallback = fallback == null ? "" : fallback;
    }

    /** Where a reply goes, relative to the inbound that caused it. */
    public sealed interface Placement
            permits Placement.SameConversation, Placement.Private, Placement.DirectMessage, Placement.ReplaceSource,
                    Placement.NamedChannel, Placement.Home {

        /** The conversation the inbound came from (in a thread, when the platform answers mentions there). */
        record SameConversation() implements Placement {
        }

        /** Only the person sees it, in the conversation they are in (ephemeral); a DM already is private. */
        record Private() implements Placement {
        }

        /** The person's DM with the bot (training always runs there). */
        record DirectMessage() implements Placement {
        }

        /** Replaces the message whose button was pressed (quiz feedback updated in place). */
        record ReplaceSource() implements Placement {
        }

        /** A channel the adapter knows by role, from its configuration. */
        record NamedChannel(ChannelRole role) implements Placement {
            public NamedChannel {
                Objects.requireNonNull(role, "role");
            }
        }

        /**
         * The person's personal home view (Slack's App Home), republished when their training status changes.
         * Platforms without one ignore it.
         */
        record Home() implements Placement {
        }
    }

    /** Channels configured per platform. */
    public enum ChannelRole { HR, ANNOUNCEMENTS }

    public static final Placement SAME = new Placement.SameConversation();
    public static final Placement PRIVATE = new Placement.Private();
    public static final Placement DM = new Placement.DirectMessage();
    public static final Placement REPLACE = new Placement.ReplaceSource();
    public static final Placement HOME = new Placement.Home();
}
