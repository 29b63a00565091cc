package org.askonce.dialogue;

import java.util.List;
import java.util.Optional;

/**
 * Booking a visit in the chat (预约办事: "我要预约", "我的预约", "取消预约" and the menus in between).
 * The appointments module implements it; the dialogue asks it first about every message and, when it
 * answers, stores its reply as the turn instead of answering from the knowledge base.
 */
public interface BookingDesk {

    /**
     * The reply when the message is about booking or continues a booking under way; empty otherwise.
     *
     * @param currentItemId the item the conversation is about, null when none
     */
    Optional<BookingReply> handle(Channel channel, String userId, String text, String currentItemId);

    /**
     * A booking reply: its text (a menu's numbered lines included), the menu's options, and
     * {@code bookedItemId} when a booking was made (the reply then answers about that item and carries
     * the link to its guide, the material checklist).
     */
    record BookingReply(String text, List<String> options, String bookedItemId) {

        public BookingReply {
            options = options == null ? List.of() : List.copyOf(options);
        }

        public static BookingReply say(String text) {
            return new BookingReply(text, List.of(), null);
        }

        public static BookingReply menu(String text, List<String> options) {
            return new BookingReply(text, options, null);
        }

        public static BookingReply booked(String text, String itemId) {
            return new BookingReply(text, List.of(), itemId);
        }
    }

    /** No booking: for the evaluation and tests without appointments. */
    BookingDesk NONE = (channel, userId, text, currentItemId) -> Optional.empty();
}
