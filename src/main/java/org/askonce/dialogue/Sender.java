package org.askonce.dialogue;

/** Who wrote a message of a conversation. */
public enum Sender {
    CITIZEN, BOT, AGENT
}
