package org.askonce.wechat;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.util.crypto.WxMpCryptUtil;
import org.askonce.system.RateLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The callback URL of an official account, {@code /wx/portal/{appid}}. GET is WeChat's URL check;
 * POST carries a message in plain, compatible or safe (AES) mode. Nothing is processed unless the
 * appid is configured, the signature (and in safe mode the msg_signature) is right and the timestamp
 * is within the replay window: otherwise 403. A body that is too large, carries a DTD or is not
 * WeChat's XML gets 400/413 before it is parsed or handled. The reply is encrypted when the request was.
 */
@RestController
@RequestMapping("/wx/portal/{appid}")
class WechatPortalController {

    private static final Logger log = LoggerFactory.getLogger(WechatPortalController.class);
    private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);
    private static final MediaType XML = new MediaType("application", "xml", StandardCharsets.UTF_8);

    static final String TOO_FAST = "您发送得太频繁了，请稍等一分钟再问。";

    private final WechatAccounts accounts;
    private final WechatResponder responder;
    private final WechatSettings settings;
    private final NonceLedger nonces;
    private final RateLimiter limiter;
    private final Clock clock;

    @Autowired
    WechatPortalController(WechatAccounts accounts, WechatResponder responder, WechatSettings settings, NonceLedger nonces,
                           RateLimiter limiter) {
        this(accounts, responder, settings, nonces, limiter, Clock.systemUTC());
    }

    WechatPortalController(WechatAccounts accounts, WechatResponder responder, WechatSettings settings, NonceLedger nonces,
                           RateLimiter limiter, Clock clock) {
        this.accounts = accounts;
        this.responder = responder;
        this.settings = settings;
        this.nonces = nonces;
        this.limiter = limiter;
        this.clock = clock;
    }

    @GetMapping
    ResponseEntity<String> verify(@PathVariable String appid,
                                  @RequestParam(required = false) String signature,
                                  @RequestParam(required = false) String timestamp,
                                  @RequestParam(required = false) String nonce,
                                  @RequestParam(required = false) String echostr) {
        var account = accounts.find(appid);
        if (account.isEmpty()) {
            return refuse("unknown appid", appid);
        }
        if (echostr == null || !signed(account.get(), signature, timestamp, nonce)) {
            return refuse("bad signature", appid);
        }
        return ResponseEntity.ok().contentType(TEXT).body(echostr);
    }

    @PostMapping
    ResponseEntity<String> receive(@PathVariable String appid,
                                   @RequestParam(required = false) String signature,
                                   @RequestParam(required = false) String timestamp,
                                   @RequestParam(required = false) String nonce,
                                   @RequestParam(name = "encrypt_type", required = false) String encryptType,
                                   @RequestParam(name = "msg_signature", required = false) String msgSignature,
                                   HttpServletRequest request) throws IOException {
        long received = System.nanoTime();
        var found = accounts.find(appid);
        if (found.isEmpty()) {
            return refuse("unknown appid", appid);
        }
        WechatAccounts.Account account = found.get();
        if (!signed(account, signature, timestamp, nonce)) {
            return refuse("bad signature", appid);
        }
        if (!fresh(timestamp)) {
            return refuse("timestamp outside the replay window", appid);
        }
        long max = settings.maxBody().toBytes();
        if (request.getContentLengthLong() > max) {
            return error(HttpStatus.PAYLOAD_TOO_LARGE, "body larger than " + max + " bytes");
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes((int) max + 1);
        }
        if (body.length > max) {
            return error(HttpStatus.PAYLOAD_TOO_LARGE, "body larger than " + max + " bytes");
        }
        String xml = new String(body, StandardCharsets.UTF_8);
        if (xml.isBlank()) {
            return error(HttpStatus.BAD_REQUEST, "empty body");
        }
        // the signature covers the timestamp and nonce only: the same pair with another body is a replay
        if (nonces.see(appid, timestamp, nonce, digest(body), settings.replayWindow().multipliedBy(2)) == NonceLedger.Seen.REPLAY) {
            return refuse("nonce already used with another body (replay)", appid);
        }
        if (hasDtd(xml)) {
            return error(HttpStatus.BAD_REQUEST, "DOCTYPE and entity declarations are not accepted");
        }
        boolean aes = "aes".equalsIgnoreCase(encryptType);
        if (aes && !account.encrypted()) {
            return error(HttpStatus.BAD_REQUEST, "encrypted message for an account without aes-key");
        }
        WxMpXmlMessage message;
        try {
            message = parse(xml);
        } catch (RuntimeException e) {
            return error(HttpStatus.BAD_REQUEST, "not a WeChat XML message");
        }
        if (aes) {
            String cipher = message.getEncrypt();
            if (cipher == null || cipher.isBlank()) {
                return error(HttpStatus.BAD_REQUEST, "encrypt_type=aes but no Encrypt element");
            }
            if (!same(msgSignature, SHA1.gen(account.config().getToken(), timestamp, nonce, cipher))) {
                return refuse("bad msg_signature", appid);
            }
            try {
                message = parse(WechatCrypto.decrypt(account.config().getAesKey(), account.config().getAppId(), cipher));
            } catch (WechatCrypto.Rejected e) {
                return refuse(e.getMessage(), appid);
            } catch (RuntimeException e) {
                return error(HttpStatus.BAD_REQUEST, "not a WeChat XML message inside the encryption");
            }
        }
        if (blank(message.getFromUser()) || blank(message.getToUser()) || blank(message.getMsgType())) {
            return error(HttpStatus.BAD_REQUEST, "message lacks ToUserName, FromUserName or MsgType");
        }

        String reply = !"event".equalsIgnoreCase(message.getMsgType()) && !limiter.allowWechat(appid, message.getFromUser())
                ? TOO_FAST // over the per-minute limit: asked to slow down, nothing stored
                : responder.respond(appid, message, received);
        if (reply == null) {
            return ResponseEntity.ok().contentType(TEXT).body("success");
        }
        String out = WechatText.replyXml(message.getFromUser(), message.getToUser(), clock.instant().getEpochSecond(), reply);
        return ResponseEntity.ok().contentType(XML).body(aes ? new WxMpCryptUtil(account.config()).encrypt(out) : out);
    }

    /**
     * XStream only ({@link WechatXml}): {@code WxMpXmlMessage.fromXml(String)} also builds a map of all
     * fields with a new DOM parser per message, which costs more than answering the question.
     */
    private static WxMpXmlMessage parse(String xml) {
        return WechatXml.message(xml);
    }

    private static boolean signed(WechatAccounts.Account account, String signature, String timestamp, String nonce) {
        if (blank(signature) || blank(timestamp) || blank(nonce)) {
            return false;
        }
        return same(signature, SHA1.gen(account.config().getToken(), timestamp, nonce));
    }

    /** Compares signatures in constant time, so timing tells nothing about how much of a forged one was right. */
    private static boolean same(String given, String expected) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.US_ASCII), expected.getBytes(StandardCharsets.US_ASCII));
    }

    private boolean fresh(String timestamp) {
        try {
            Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
            return Duration.between(sent, clock.instant()).abs().compareTo(settings.replayWindow()) <= 0;
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return false;
        }
    }

    private static String digest(byte[] body) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** WeChat never sends a DTD; one in the body is an XXE or entity-expansion attempt. */
    private static boolean hasDtd(String xml) {
        for (int i = xml.indexOf("<!"); i >= 0; i = xml.indexOf("<!", i + 2)) {
            if (xml.regionMatches(true, i, "<!DOCTYPE", 0, 9) || xml.regionMatches(true, i, "<!ENTITY", 0, 8)) {
                return true;
            }
        }
        return false;
    }

    private static ResponseEntity<String> refuse(String why, String appid) {
        log.warn("WeChat callback for {} refused: {}", appid.length() > 40 ? appid.substring(0, 40) : appid, why);
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(TEXT).body("forbidden: " + why);
    }

    private static ResponseEntity<String> error(HttpStatus status, String why) {
        log.warn("WeChat callback rejected ({}): {}", status.value(), why);
        return ResponseEntity.status(status).contentType(TEXT).body(why);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
