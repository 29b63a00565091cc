package org.askonce.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.askonce.MiniAppTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The chat page, scripts and styles over real HTTP: revalidated by ETag, compressed when accepted. */
@MiniAppTest
class StaticResourcesTests {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aScriptCarriesAnEtagAndIsRevalidatedEveryTime() throws Exception {
        HttpResponse<byte[]> first = get("/js/chat.js");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(first.headers().firstValue("ETag")).hasValueSatisfying(etag -> assertThat(etag).matches("W/\"[0-9a-f]{24}\""));
        assertThat(new String(first.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("/api/chat");
    }

    @Test
    void anUnchangedScriptIsAnsweredNotModifiedWithoutABody() throws Exception {
        String etag = get("/css/chat.css").headers().firstValue("ETag").orElseThrow();

        HttpResponse<byte[]> again = get("/css/chat.css", "If-None-Match", etag);

        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).hasValue(etag);
    }

    @Test
    void theChatPageItselfIsRevalidatedByItsEtag() throws Exception {
        HttpResponse<byte[]> page = get("/index.html");
        String etag = page.headers().firstValue("ETag").orElseThrow();

        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(get("/index.html", "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(get("/", "Accept", "text/html").statusCode()).isEqualTo(200);
    }

    @Test
    void theChatPageAtTheRootIsTheSamePageWithTheSameEtagAndIsRevalidatedToo() throws Exception {
        HttpResponse<byte[]> file = get("/index.html");
        HttpResponse<byte[]> root = get("/", "Accept", "text/html");
        String etag = root.headers().firstValue("ETag").orElseThrow();

        assertThat(root.statusCode()).isEqualTo(200);
        assertThat(root.body()).isEqualTo(file.body());
        assertThat(etag).isEqualTo(file.headers().firstValue("ETag").orElseThrow()).startsWith("W/");
        assertThat(root.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(root.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(root.headers().firstValue("Content-Security-Policy")).isPresent(); // the security headers still apply
        HttpResponse<byte[]> again = get("/", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void aLargeScriptIsCompressedForAClientThatAcceptsGzipAndNotOtherwise() throws Exception {
        HttpResponse<byte[]> plain = get("/js/chat.js");
        HttpResponse<byte[]> gzipped = get("/js/chat.js", "Accept-Encoding", "gzip");

        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzipped.body().length).isLessThan(plain.body().length / 2);
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped.body()))) {
            assertThat(in.readAllBytes()).isEqualTo(plain.body());
        }
    }
}
