package org.askonce.wechat;

/** Sends one customer-service text message to a user of an account. */
interface KefuSender {

    /**
     * @throws SendFailure when WeChat refuses or cannot be reached; {@code code} is WeChat's errcode,
     *                     or -1 when there was no answer
     */
    void send(String appId, String openId, String text) throws SendFailure;

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
