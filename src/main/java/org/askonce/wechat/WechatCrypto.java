package org.askonce.wechat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Decrypts a safe-mode (AES) message and checks that it was encrypted for this account: the
 * plaintext is 16 random bytes, the message length (4 bytes, network order), the message and the
 * appid it is for. WxJava's decrypt reads the appid but does not compare it.
 */
final class WechatCrypto {

    /** The payload is not this account's, or is not a well-formed payload at all. */
    static final class Rejected extends Exception {
        Rejected(String message) {
            super(message);
        }
    }

    private WechatCrypto() {
    }

    static String decrypt(String encodingAesKey, String appId, String cipherText) throws Rejected {
        byte[] plain;
        try {
            byte[] key = Base64.getDecoder().decode(encodingAesKey + "=");
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(Arrays.copyOfRange(key, 0, 16)));
            plain = cipher.doFinal(Base64.getMimeDecoder().decode(cipherText));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new Rejected("cannot decrypt the message");
        }
        int pad = plain.length == 0 ? 0 : plain[plain.length - 1] & 0xff;
        if (pad < 1 || pad > 32 || plain.length < 20 + pad) {
            throw new Rejected("cannot decrypt the message");
        }
        byte[] content = Arrays.copyOfRange(plain, 16, plain.length - pad);
        int length = ByteBuffer.wrap(content, 0, 4).getInt();
        if (length < 0 || length > content.length - 4) {
            throw new Rejected("cannot decrypt the message");
        }
        String xml = new String(content, 4, length, StandardCharsets.UTF_8);
        String forApp = new String(content, 4 + length, content.length - 4 - length, StandardCharsets.UTF_8);
        if (!forApp.equals(appId)) {
            throw new Rejected("the encrypted message is for another appid");
        }
        return xml;
    }
}
