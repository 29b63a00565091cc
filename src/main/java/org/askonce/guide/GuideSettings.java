package org.askonce.guide;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code askonce.public-base-url}: the address citizens reach AskOnce at (behind nginx, e.g.
 * {@code https://zwfw.example.gov.cn/askonce}), under which every guide link and QR code points
 * ({@code <base>/guide/<item id>}). Empty (the default, for local runs): the address of the request
 * being answered, or {@code http://localhost:<server.port>} outside a request.
 */
@ConfigurationProperties("askonce")
public record GuideSettings(String publicBaseUrl) {

    public GuideSettings {
        if (publicBaseUrl == null || publicBaseUrl.isBlank()) {
            publicBaseUrl = "";
        } else {
            publicBaseUrl = publicBaseUrl.strip().replaceAll("/+$", "");
            if (!publicBaseUrl.matches("https?://[^\\s/?#]+(/[^\\s?#]*)?")) {
                throw new IllegalArgumentException("askonce.public-base-url must be an http(s) address without query, e.g. "
                        + "https://zwfw.example.gov.cn/askonce, was " + publicBaseUrl);
            }
            URI.create(publicBaseUrl); // rejects what is not a URI at all
        }
    }
}
