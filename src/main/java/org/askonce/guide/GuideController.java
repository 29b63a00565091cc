package org.askonce.guide;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.askonce.dialogue.DialogueSettings;
import org.askonce.knowledge.KnowledgeBase;
import org.askonce.knowledge.ServiceItem;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The complete guide of an item, one page for a phone and for print (一次性告知单), public:
 * {@code /guide/{item}} (optionally {@code ?district=萧山区} to put that district's halls first and
 * {@code &halls=2} for the next page of halls), and the QR code of its address for hall posters,
 * {@code /guide/{item}/qr.svg} and {@code .png}. An item that does not exist is a Chinese 404 page.
 */
@Controller
class GuideController {

    private static final MediaType SVG = MediaType.parseMediaType("image/svg+xml");
    private static final String NOT_FOUND = "guide/not-found";

    private final KnowledgeBase knowledgeBase;
    private final GuideLinks links;
    private final DialogueSettings dialogue;

    GuideController(KnowledgeBase knowledgeBase, GuideLinks links, DialogueSettings dialogue) {
        this.knowledgeBase = knowledgeBase;
        this.links = links;
        this.dialogue = dialogue;
    }

    @GetMapping("/guide/{id}")
    String guide(@PathVariable String id, @RequestParam(required = false) String district,
                 @RequestParam(name = "halls", required = false) String hallsPage, Model model, HttpServletResponse response) {
        model.addAttribute("hotline", dialogue.hotline());
        Optional<ServiceItem> found = knowledgeBase.snapshot().item(id);
        if (found.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("id", id.length() > 60 ? id.substring(0, 60) + "…" : id);
            return NOT_FOUND;
        }
        ServiceItem item = found.get();
        int page = 1;
        if (hallsPage != null) {
            int pages = GuidePage.pagesOf(item);
            Integer asked = hallsPage.strip().matches("\\d{1,4}") ? Integer.valueOf(hallsPage.strip()) : null;
            if (asked == null || asked < 1 || asked > pages) {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                String shown = hallsPage.length() > 10 ? hallsPage.substring(0, 10) + "…" : hallsPage;
                model.addAttribute("problem", "办理地点共" + pages + "页，没有第“" + shown + "”页，下面是第1页。");
            } else {
                page = asked;
            }
        }
        model.addAttribute("guide", GuidePage.of(item, district, page, dialogue.hotline(), dialogue.notice(), links.of(item.id())));
        return "guide/item";
    }

    @GetMapping("/guide/{id}/qr.svg")
    ResponseEntity<String> qrSvg(@PathVariable String id) {
        return knowledgeBase.snapshot().item(id)
                .map(item -> ResponseEntity.ok().contentType(SVG).cacheControl(CacheControl.noCache())
                        .body(QrCode.of(links.of(item.id())).svg("“" + item.name() + "”办事指南的二维码")))
                .orElseGet(() -> notFound(String.class));
    }

    @GetMapping("/guide/{id}/qr.png")
    ResponseEntity<byte[]> qrPng(@PathVariable String id) {
        return knowledgeBase.snapshot().item(id)
                .map(item -> ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noCache())
                        .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"guide-" + item.id() + ".png\"")
                        .body(QrCode.of(links.of(item.id())).png()))
                .orElseGet(() -> notFound(byte[].class));
    }

    private static <T> ResponseEntity<T> notFound(Class<T> type) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
    }
}
