package org.askonce.guide;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.askonce.knowledge.KnowledgeBase;
import org.askonce.knowledge.ServiceItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The address of an item's complete guide (一次性告知单), {@code <public base URL>/guide/<item id>}:
 * the one link every channel gives with an answer about an item, and what the page's QR code holds.
 * Without {@code askonce.public-base-url}: the request's own address (the web chat), or this machine's
 * ({@code http://localhost:<port>}) for what is answered outside a request (WeChat's workers).
 */
@Component
public class GuideLinks {

    private static final Logger log = LoggerFactory.getLogger(GuideLinks.class);

    /** The words for the link in a reply's text, before the address. */
    public static final String LABEL = "完整办事指南";

    private final GuideSettings settings;
    private final KnowledgeBase knowledgeBase;
    private volatile String local;

    GuideLinks(GuideSettings settings, KnowledgeBase knowledgeBase, @Value("${server.port:8080}") int port) {
        this.settings = settings;
        this.knowledgeBase = knowledgeBase;
        this.local = "http://localhost:" + port;
        if (settings.publicBaseUrl().isEmpty()) {
            log.info("Guide links use the address of each request (askonce.public-base-url is not set; set it to what citizens reach)");
        } else {
            log.info("Guide links: {}/guide/<item id>", settings.publicBaseUrl());
        }
    }

    /** The port this instance listens on, once known (server.port=0 picks one). */
    @EventListener
    void started(WebServerInitializedEvent event) {
        local = "http://localhost:" + event.getWebServer().getPort();
    }

    /** The guide's address. */
    public String of(String itemId) {
        return base() + "/guide/" + itemId;
    }

    /** The guide's address with the halls of a district first (none: {@link #of(String)}). */
    public String of(String itemId, String district) {
        return district == null || district.isBlank() ? of(itemId)
                : of(itemId) + "?district=" + URLEncoder.encode(district, StandardCharsets.UTF_8);
    }

    /**
     * The link for an answer about an item: its guide, with the halls of the district the citizen
     * named first when they named one of the item's districts ("萧山哪里办护照"); empty for an
     * item the knowledge base does not have.
     */
    public Optional<String> forAnswer(String itemId, String said) {
        if (itemId == null) {
            return Optional.empty();
        }
        return knowledgeBase.snapshot().item(itemId).map(item -> of(itemId, Districts.named(item, said)));
    }

    /** The base: as configured, else the request being answered, else this machine. */
    String base() {
        if (!settings.publicBaseUrl().isEmpty()) {
            return settings.publicBaseUrl();
        }
        if (RequestContextHolder.getRequestAttributes() != null) {
            return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        }
        return local;
    }

    /** The districts of an item's halls, as the guide page orders and names them. */
    static final class Districts {

        private static final java.util.regex.Pattern IN_ADDRESS = java.util.regex.Pattern.compile("(?:[^省市]{2,4}[省])?(?:[^市]{2,4}市)?([^市省区县]{1,5}?[区县市])");

        private Districts() {
        }

        /** The hall's district: as given, or the "…区/县/市" in its address after the city. */
        static String of(ServiceItem.Hall hall) {
            if (hall.district() != null && !hall.district().isBlank()) {
                return hall.district().strip();
            }
            if (hall.address() == null) {
                return "";
            }
            var m = IN_ADDRESS.matcher(hall.address());
            return m.find() ? m.group(1) : "";
        }

        /** A district without 区/县/市 (萧山区 → 萧山), how citizens often say it. */
        static String shortName(String district) {
            return district.length() > 2 ? district.replaceFirst("[区县市]$", "") : district;
        }

        /** True when what a citizen wrote names the district (萧山, 萧山区). */
        static boolean matches(String district, String wanted) {
            if (district.isEmpty() || wanted == null || wanted.isBlank()) {
                return false;
            }
            String w = wanted.strip();
            return district.equals(w) || shortName(district).equals(shortName(w)) || district.contains(w) && w.length() >= 2;
        }

        /** The first of the item's hall districts that the text names, or null. */
        static String named(ServiceItem item, String said) {
            if (said == null || said.isBlank()) {
                return null;
            }
            for (ServiceItem.Hall h : item.halls()) {
                String d = of(h);
                if (!d.isEmpty() && said.contains(shortName(d))) {
                    return d;
                }
            }
            return null;
        }
    }
}
