package org.askonce.wechat;

/** Sends one message to a user of an account: a customer-service text, or a template message. */
interface KefuSender {

    /**
     * @throws SendFailure when WeChat refuses or cannot be reached; {@code code} is WeChat's errcode,
     *                     or -1 when there was no answer
     */
    void send(String appId, String openId, String text) throws SendFailure;

    /**
     * Sends a template message; {@code text} is the same in words (for an account without WeChat
     * behind it, the simulator's). {@code clientMsgId} lets WeChat drop a repeat of a send that did
     * reach it although its answer did not reach us.
     *
     * @throws SendFailure as {@link #send}
     */
    void sendTemplate(String appId, String openId, WechatTemplate template, String text, String clientMsgId) throws SendFailure;

    /** A send that did not go through. */
    final class SendFailure extends Exception {

        private final int code;

        SendFailure(int code, String message) {
            super(message);
            this.code = code;
        }

        int code() {
            return code;
        }
    }
}
