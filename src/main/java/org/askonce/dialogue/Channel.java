package org.askonce.dialogue;

/** Where a citizen talks to AskOnce. */
public enum Channel {
    WEB, WECHAT
}
