package org.askonce.dialogue;

/** What the bot did with a message. */
public enum Action {
    /** Answered from the knowledge base. */
    ANSWER,
    /** Asked a short clarifying question (a numbered menu of candidate items). */
    CLARIFY,
    /** Handed over to a human agent. */
    HANDOFF,
    /** Greeting, thanks: a short friendly reply. */
    SMALLTALK,
    /** Could not answer: said so honestly, with the 12345 hotline. */
    UNKNOWN
}
